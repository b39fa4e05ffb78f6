-- Webhook secrets are stored encrypted (AES-GCM, with key id and nonce), which is longer than the
-- plain value. Values still in plain text are encrypted by Baton at its next start-up, with the key
-- from BATON_SECRETS_KEY, which SQL does not have.
alter table client alter column webhook_secret set data type varchar(2000);

-- A survey link works for a while after it was sent (baton.follow-ups.survey-link-valid-for); links
-- sent before this column existed count from sent_at.
alter table follow_up add column link_expires_at timestamp with time zone;

-- A survey answer may be changed until locked_at (baton.follow-ups.survey-answer-changeable-for);
-- answers given before this column existed are locked.
alter table survey_answer add column locked_at timestamp with time zone;
