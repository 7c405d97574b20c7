-- The administration console's local accounts (admin.control.Accounts, admin.boundary.ConsoleIdentityStore).
-- password_hash is what Jakarta Security's Pbkdf2PasswordHash writes (PBKDF2WithHmacSHA512:iterations:salt:hash,
-- base64), never the password. role is one of admin, operator, viewer.
CREATE TABLE console_account (
  username       VARCHAR(100) NOT NULL PRIMARY KEY,
  password_hash  VARCHAR(400) NOT NULL,
  role           VARCHAR(20)  NOT NULL,
  enabled        BOOLEAN      DEFAULT TRUE NOT NULL,
  -- Failed logins since the last successful one; at PLANBRIDGE_CONSOLE_MAX_FAILED_LOGINS (5) the account is locked
  -- until locked_until, then the count starts again.
  failed_logins  INTEGER      DEFAULT 0 NOT NULL,
  locked_until   TIMESTAMP WITH TIME ZONE,
  last_login_at  TIMESTAMP WITH TIME ZONE,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT console_account_role CHECK (role IN ('admin', 'operator', 'viewer'))
);
