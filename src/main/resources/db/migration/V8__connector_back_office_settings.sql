-- What the NAV / Business Central clients need of a connector besides its URI and credentials.
-- authentication_type: NONE, BASIC, NTLM, WINDOWS, OAUTH_ENTRA_ID, OAUTH2_CLIENT_CREDENTIALS_BODY,
--   OAUTH2_CLIENT_CREDENTIALS_BASIC (the .NET SDK's ConnectorAuthType) or NULL: for NAV/BC SOAP that
--   means Windows, or Basic when the login starts with "basic=", as Dime.Scheduler's connector rows do.
-- company: the NAV/BC company, when the URI does not name it. service_name: the page or codeunit
--   (default Appointment / PlanBridge). time_zone: for page fields that split a date and a time.
-- field_mapping: a JSON object {"planbridgeField": "Page_Field" or null} over the default mapping.
ALTER TABLE connector ADD COLUMN authentication_type VARCHAR(40);
ALTER TABLE connector ADD COLUMN company VARCHAR(250);
ALTER TABLE connector ADD COLUMN service_name VARCHAR(100);
ALTER TABLE connector ADD COLUMN time_zone VARCHAR(60);
ALTER TABLE connector ADD COLUMN field_mapping VARCHAR(4000);
