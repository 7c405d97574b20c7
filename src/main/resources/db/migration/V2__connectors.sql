-- Connectors, the multi back-office settings ("MBOC"): one per Source App, saying whether and where
-- the appointments of that Source App are sent back. One schema for H2 and PostgreSQL, like V1.
-- source_app is matched exactly (case and spaces included), as the back office sends it.
-- back_office_system is NAV, BC, BC_ONLINE, WEBHOOK or NULL (not set). back_office_type is free
-- text on purpose: an unknown protocol is stored so that delivery can report it, not refused here.
-- The password is only ever stored encrypted (AES-GCM, key PLANBRIDGE_SECRET_KEY): password_cipher.
-- row_version/created_at/updated_at as in V1. The id comes from a sequence, not an identity column:
-- JPA writes this table, and a sequence reads the same way on H2 2.x and PostgreSQL.

CREATE SEQUENCE connector_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE connector (
    id BIGINT DEFAULT nextval('connector_id_seq') PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    description VARCHAR(255),
    source_app VARCHAR(30) NOT NULL,
    source_type VARCHAR(10),
    send_appointments BOOLEAN DEFAULT TRUE NOT NULL,
    back_office_system VARCHAR(20),
    back_office_type VARCHAR(50),
    uri VARCHAR(1000),
    login VARCHAR(255),
    password_cipher VARCHAR(4000),
    row_version BIGINT DEFAULT nextval('row_version_seq') NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT connector_source_app UNIQUE (source_app),
    CONSTRAINT connector_back_office_system CHECK (back_office_system IN ('NAV', 'BC', 'BC_ONLINE', 'WEBHOOK'))
);
CREATE INDEX connector_row_version ON connector (row_version);
