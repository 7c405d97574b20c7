package org.planbridge.admin.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.Set;
import org.planbridge.outbox.control.Status;
import org.planbridge.outbox.control.TransactionFilter;

/**
 * Error tracking: the transactions that need someone's attention ({@link TransactionFilter#ERRORS}: Failed, and
 * those whose connector is missing or set up wrongly), to retry once the connector is fixed, or archive.
 */
@Named
@ViewScoped
public class ErrorsPage extends TransactionsPage {

  private static final long serialVersionUID = 1L;

  @Override
  protected Set<Status> statuses() {
    return TransactionFilter.ERRORS;
  }
}
