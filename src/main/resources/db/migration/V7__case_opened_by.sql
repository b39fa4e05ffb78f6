-- Who opened a case: an integration sees only the cases it opened.
alter table service_case add column opened_by varchar(255);
create index service_case_opened_by_idx on service_case (opened_by);
