-- Issue 22: a daily budget of restricted queries per user and dataset, counted from the audit
-- log (one row per distinct restricted query and user and day), and read per user and day.
create index audit_log_user_at on audit_log (user_id, at);
