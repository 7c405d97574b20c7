package org.planbridge.admin.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.planbridge.admin.control.Accounts;
import org.planbridge.admin.control.LoginOutcome;

/** The console's accounts as Jakarta Security's identity store: a login is {@link Accounts#login}. */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

  @Inject Accounts accounts;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    LoginOutcome outcome = accounts.login(login.getCaller(), login.getPasswordAsString());
    if (!outcome.accepted()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(login.getCaller().trim(), Set.of(outcome.role().roleName()));
  }
}
