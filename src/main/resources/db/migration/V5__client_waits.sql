-- A stage waiting for the client: its SLA clock pauses, and the client is reminded.

alter table task_sla add column paused_since timestamp with time zone;
alter table task_sla add column paused_reason varchar(1000);
alter table task_sla add column paused_total_minutes bigint default 0 not null;
alter table task_sla add column next_client_reminder_at timestamp with time zone;
alter table task_sla add column client_reminders_sent integer default 0 not null;
