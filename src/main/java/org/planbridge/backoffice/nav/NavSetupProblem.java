package org.planbridge.backoffice.nav;

/**
 * A connector whose settings cannot work with its back office as it is (its login, its URI, its field mapping
 * against the page's WSDL): fixed by changing the connector, not by trying again.
 */
public class NavSetupProblem extends Exception {

  private static final long serialVersionUID = 1L;

  public NavSetupProblem(String message) {
    super(message);
  }

  /** No credentials where the protocol needs some: delivery is Failed, saying they are required. */
  static final class CredentialsRequired extends NavSetupProblem {
    private static final long serialVersionUID = 1L;

    CredentialsRequired(String message) {
      super(message);
    }
  }
}
