-- Several Baton nodes at once: a notification's final update belongs to the claim that sent it,
-- and an SLA clock notices a concurrent change instead of overwriting it.

alter table notification add column claim_token varchar(64);

alter table task_sla add column version bigint default 0 not null;
