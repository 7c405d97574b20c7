-- Room on every page of the outbox for the versions its rows go through. The drain updates each transaction twice
-- (the lease, then the outcome). With full pages, the lease's new row version had to go to another page, so
-- PostgreSQL added it to all four indexes as well; with room on the page it is a heap-only (HOT) update, and the
-- lease touches no index. Applies to the pages written from now on; PostgreSQL only (H2 has no such setting).
ALTER TABLE appointment_transaction SET (fillfactor = 50);
