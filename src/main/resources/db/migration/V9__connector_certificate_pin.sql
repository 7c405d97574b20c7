-- A connector may pin its back office's TLS certificate: certificate_fingerprint is the SHA-256
--   fingerprint of the server's own (leaf) certificate, 64 hex digits, with or without colons, any case.
--   It is checked on top of the trust (the JVM's default truststore and PLANBRIDGE_TRUSTSTORE), never
--   instead of it. NULL: no pin.
ALTER TABLE connector ADD COLUMN certificate_fingerprint VARCHAR(100);
