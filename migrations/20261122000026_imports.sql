-- IMP-1..5: the Import Center. An upload stages every row of the spreadsheet as it was
-- written (`import_rows.row_data`, one JSON value per column); processing validates each
-- row and writes its module's target by natural key under the uploader's row-level
-- security, row outcomes and links kept here, so a re-run touches only pending and error
-- rows and an import's inserts can be reverted.

create table imports (
  id uuid primary key default gen_random_uuid(),
  import_code text not null default next_prefixed_id('IMPORT'),
  module text not null check (module in ('leads', 'customers', 'invoices', 'payments', 'kpi_entries',
                                         'marketing_spend', 'products')),
  file_id uuid not null references files (id),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  original_name text not null,
  sheet_name text,
  -- the spreadsheet's row number of the header, its cells, and per column the field it
  -- maps to (null: ignored) and the number notation its values decide
  header_row integer not null check (header_row >= 1),
  headers jsonb not null check (jsonb_typeof(headers) = 'array'),
  mapping jsonb not null check (jsonb_typeof(mapping) = 'array'),
  number_styles jsonb not null check (jsonb_typeof(number_styles) = 'array'),
  fingerprint text not null,
  status text not null default 'staged'
    check (status in ('staged', 'queued', 'processing', 'done', 'failed', 'reverted')),
  total_rows integer not null check (total_rows >= 0),
  processed_rows integer not null default 0 check (processed_rows >= 0),
  success_count integer not null default 0 check (success_count >= 0),
  error_count integer not null default 0 check (error_count >= 0),
  duplicate_count integer not null default 0 check (duplicate_count >= 0),
  created_count integer not null default 0 check (created_count >= 0),
  updated_count integer not null default 0 check (updated_count >= 0),
  failure text,
  -- who may see it: the uploader, their department's manager, the super admin
  owner_dept text references departments (code),
  created_by uuid not null references profiles (id),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  -- the last sign of life of a run (a run silent for long may be taken over)
  heartbeat_at timestamptz,
  processed_at timestamptz,
  reverted_at timestamptz,
  reverted_by uuid references profiles (id),
  updated_at timestamptz not null default now(),
  constraint imports_import_code_key unique (import_code),
  constraint imports_counts_add_up check (success_count + error_count + duplicate_count <= total_rows),
  constraint imports_processed_le_total check (processed_rows <= total_rows)
);
-- IMP-1: the same file for the same module and owner is the same import
create unique index imports_same_file_key on imports (module, sha256, created_by);
create index imports_owner_idx on imports (owner_dept, created_at desc);
create index imports_created_by_idx on imports (created_by, created_at desc);

create table import_rows (
  import_id uuid not null references imports (id) on delete cascade,
  row_number integer not null check (row_number >= 1),
  row_data jsonb not null check (jsonb_typeof(row_data) = 'array'),
  row_hash text not null,
  status text not null default 'pending' check (status in ('pending', 'ok', 'error', 'duplicate')),
  errors jsonb not null default '[]' check (jsonb_typeof(errors) = 'array'),
  -- the record the row created, changed or matched, and which of the three
  target_id uuid,
  action text check (action in ('created', 'updated', 'matched')),
  -- a duplicate's first row
  duplicate_of integer,
  processed_at timestamptz,
  primary key (import_id, row_number),
  constraint import_rows_ok_has_target check ((status = 'ok') = (target_id is not null and action is not null))
);
create index import_rows_status_idx on import_rows (import_id, status, row_number);
create index import_rows_hash_idx on import_rows (import_id, row_hash, row_number);
-- IMP-5: from a record back to the import and row that wrote it
create index import_rows_target_idx on import_rows (target_id) where target_id is not null;

-- IMP-5: column mappings remembered per module and header fingerprint.
create table import_mappings (
  module text not null,
  fingerprint text not null,
  mapping jsonb not null check (jsonb_typeof(mapping) = 'array'),
  updated_by uuid references profiles (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (module, fingerprint)
);

-- Natural keys of the targets without a unique one (payments by reference per customer,
-- KPI entries imported per metric, assignee and day; spend per platform, day and campaign)
-- are looked up by these.
create index payments_customer_reference_idx on payments (customer_id, reference) where reference is not null;
create index kpi_entries_imported_key_idx on kpi_entries (metric_key, entry_date, assignee_kind)
  where source = 'imported';
create index marketing_spend_key_idx on marketing_spend (platform, spend_date, campaign);

create trigger imports_set_updated_at before update on imports
  for each row execute function set_updated_at();
create trigger imports_audit after insert or update of status, mapping or delete on imports
  for each row execute function audit_row_change();
create trigger import_mappings_audit after insert or update or delete on import_mappings
  for each row execute function audit_row_change();

-- Who may see an import and its rows.
create function app.import_visible(p_created_by uuid, p_owner_dept text) returns boolean
  language sql stable parallel safe
  as $$
    select p_created_by = app.uid()
        or app.role() = 'super_admin'
        or (app.role() like '%\_manager' and p_owner_dept is not null and p_owner_dept = app.dept())
  $$;

alter table imports enable row level security;
alter table import_rows enable row level security;
alter table import_mappings enable row level security;

grant select, insert, update on imports to cc_staff;
grant select, insert, update on import_rows to cc_staff;
grant select, insert, update on import_mappings to cc_staff;

create policy imports_select on imports for select to cc_staff
  using (app.import_visible(created_by, owner_dept));
create policy imports_insert on imports for insert to cc_staff
  with check (created_by = (select app.uid()) and owner_dept is not distinct from app.dept());
create policy imports_update on imports for update to cc_staff
  using (app.import_visible(created_by, owner_dept))
  with check (app.import_visible(created_by, owner_dept));

create policy import_rows_select on import_rows for select to cc_staff
  using (exists (select 1 from imports i where i.id = import_id));
create policy import_rows_insert on import_rows for insert to cc_staff
  with check (exists (select 1 from imports i where i.id = import_id and i.created_by = (select app.uid())));
create policy import_rows_update on import_rows for update to cc_staff
  using (exists (select 1 from imports i where i.id = import_id));

create policy import_mappings_all on import_mappings for all to cc_staff
  using (true) with check (updated_by = (select app.uid()));

-- IMP-5: every customer a row could mean, by each identifier it gives (code, NPWP,
-- e-mail, phone, company key), so a row that fits two customers is refused instead of
-- creating or picking one. SECURITY DEFINER because dedup must see customers the
-- importer cannot read (as the lead bundle's find-or-create does); it returns only ids
-- and the identifier that matched.
create function app.import_customer_matches(
    p_rn integer[], p_code text[], p_npwp text[], p_email text[], p_phone text[], p_key text[])
  returns table (rn integer, customer_id uuid, matched_on text)
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    with input as (
      select * from unnest(p_rn, p_code, p_npwp, p_email, p_phone, p_key)
               as t(rn, code, npwp, email, phone, ckey))
    select i.rn, c.id, 'code' from input i
      join customers c on c.customer_code = i.code and c.merged_into_id is null
    union all
    select i.rn, c.id, 'npwp' from input i
      join customers c on c.npwp = i.npwp and c.merged_into_id is null
    union all
    select i.rn, c.id, 'email' from input i
      join customers c on c.email = i.email::citext and c.merged_into_id is null
    union all
    select i.rn, c.id, 'phone' from input i
      join customers c on c.phone = i.phone and c.merged_into_id is null
    union all
    select i.rn, c.id, 'company_name' from input i
      join customers c on c.company_key = i.ckey and c.merged_into_id is null
  $$;
revoke execute on function app.import_customer_matches(integer[], text[], text[], text[], text[], text[]) from public;
grant execute on function app.import_customer_matches(integer[], text[], text[], text[], text[], text[]) to cc_staff;

-- IMP-5: how many of these customers exist (the end-of-import check counts records the
-- importer may not read, e.g. a customer a marketing staff's row matched). Count only.
create function app.import_existing_customers(p_ids uuid[]) returns bigint
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$ select count(*) from customers where id = any (p_ids) $$;
revoke execute on function app.import_existing_customers(uuid[]) from public;
grant execute on function app.import_existing_customers(uuid[]) to cc_staff;

-- IMP-5: reverts an import's inserts in one action — the records its rows created are
-- removed (leads and customers soft-deleted, as their own delete does), records it only
-- matched or updated stay. SECURITY DEFINER because finance and marketing staff may not
-- delete invoices or products by hand; it removes only what this import created, for
-- whoever may see the import, and all or nothing (a created invoice a later payment was
-- allocated to stops it with a foreign key error).
create function app.import_revert(p_import uuid) returns bigint
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_import imports;
  v_ids uuid[];
  v_removed bigint;
begin
  select * into v_import from imports where id = p_import for update;
  if not found or not app.import_visible(v_import.created_by, v_import.owner_dept) then
    raise exception 'import not found' using errcode = 'P0002';
  end if;
  if v_import.status not in ('done', 'failed') then
    raise exception 'the import is %', v_import.status using errcode = '55000';
  end if;
  select coalesce(array_agg(target_id), '{}') into v_ids
    from import_rows where import_id = p_import and action = 'created';
  case v_import.module
    when 'leads' then
      update leads set deleted_at = now(), deleted_by = app.uid() where id = any (v_ids) and deleted_at is null;
    when 'customers' then
      update customers set deleted_at = now() where id = any (v_ids) and deleted_at is null;
    when 'invoices' then
      delete from invoices where id = any (v_ids);
    when 'payments' then
      delete from payment_allocations where payment_id = any (v_ids);
      delete from payments where id = any (v_ids);
    when 'kpi_entries' then
      delete from kpi_entries where id = any (v_ids);
    when 'marketing_spend' then
      delete from marketing_spend where id = any (v_ids);
    when 'products' then
      delete from products where id = any (v_ids);
  end case;
  get diagnostics v_removed = row_count;
  update imports set status = 'reverted', reverted_at = now(), reverted_by = app.uid() where id = p_import;
  return v_removed;
end
$$;
revoke execute on function app.import_revert(uuid) from public;
grant execute on function app.import_revert(uuid) to cc_staff;
