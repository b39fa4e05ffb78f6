-- Webhook secrets are stored encrypted (AES-GCM, with key id and nonce), which is longer than the
-- plain value. Values still in plain text are encrypted by Baton at its next start-up, with the key
-- from BATON_SECRETS_KEY, which SQL does not have.
alter table client alter column webhook_secret set data type varchar(2000);
