-- The SLA clock of each stage's task: when it is due, when to remind, when to escalate.

create table task_sla (
    task_id                  varchar(64)  primary key,
    case_key                 varchar(32)  not null,
    stage                    varchar(100) not null,
    team                     varchar(100),
    started_at               timestamp with time zone not null,
    target_minutes           bigint       not null,
    due_at                   timestamp with time zone not null,
    warn_at                  timestamp with time zone not null,
    second_escalation_at     timestamp with time zone not null,
    first_escalation         varchar(100),
    second_escalation        varchar(100),
    next_reminder_at         timestamp with time zone,
    reminders_sent           integer      not null default 0,
    escalation_level         integer      not null default 0,
    completed_at             timestamp with time zone
);

create index task_sla_open_idx on task_sla (completed_at, next_reminder_at);
create index task_sla_case_idx on task_sla (case_key);

alter table service_case add column at_risk boolean default false not null;
