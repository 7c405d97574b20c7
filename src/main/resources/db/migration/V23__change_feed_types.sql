-- The record types the change feed (GET /api/changes) hands out, described once: each planning table and the
-- columns that name one of its records (its business key: the unique constraint the import matches on, or the
-- primary key where a record has no other name). The feed reads this table for its types and keys; on
-- PostgreSQL, V24 stamps these tables with their writers' transaction ids and gives each a tombstone trigger
-- that keeps these columns of a deleted row. A new planning table is a new row here.
CREATE TABLE change_feed_type (
    record_table VARCHAR(40) PRIMARY KEY,
    key_columns VARCHAR(200) NOT NULL
);

INSERT INTO change_feed_type (record_table, key_columns) VALUES
    ('job', 'source_app,source_type,job_no'),
    ('task', 'source_app,source_type,job_no,task_no'),
    ('appointment', 'appointment_guid'),
    ('resource', 'resource_no'),
    ('category', 'category_name'),
    ('time_marker', 'time_marker'),
    ('pin', 'name'),
    ('filter_group', 'group_name'),
    ('filter_value', 'filter_group_name,filter_value'),
    ('task_filter_value', 'source_app,source_type,job_no,task_no,filter_group,filter_value'),
    ('resource_filter_value', 'resource_no,filter_group,filter_value'),
    ('action_uri', 'source_app,source_type,url_type,url'),
    ('caption', 'context,source_table,field_name,language'),
    ('container', 'name'),
    ('task_container', 'source_app,source_type,job_no,task_no,container_name'),
    ('appointment_container', 'appointment,container'),
    ('appointment_uri', 'appointment_guid,url'),
    ('appointment_field_value', 'appointment_guid,field_code'),
    ('notification', 'id'),
    ('message', 'id'),
    ('resource_calendar', 'resource_calendar_code'),
    ('resource_capacity', 'resource_no,capacity_date'),
    ('resource_gps_tracking', 'resource_no'),
    ('resource_certificate', 'resource_no,certificate_no'),
    ('resource_uri', 'resource_no,url'),
    ('task_uri', 'source_app,source_type,job_no,task_no,url'),
    ('exchange_appointment', 'exchange_id'),
    ('board_user', 'email');
