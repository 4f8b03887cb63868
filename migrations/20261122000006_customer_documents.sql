-- CRM-8: documents of a customer (contracts, company papers) in bucket
-- `customer-documents`, shown in Customer 360. Readable by whoever can read the
-- customer; added by the CRM roles that can read it.

create table customer_documents (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers (id),
  file_id uuid not null references files (id),
  title text not null,
  uploaded_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint customer_documents_file_key unique (file_id),
  constraint customer_documents_title_present check (length(btrim(title)) between 1 and 200)
);
create index customer_documents_customer_idx on customer_documents (customer_id, created_at desc);

create trigger customer_documents_audit after insert or update or delete on customer_documents
  for each row execute function audit_row_change();

alter table customer_documents enable row level security;

-- Whether the caller uploaded `p_file_id` into `p_bucket`. SECURITY DEFINER so that a
-- policy on another table can ask without recursing into the policies of `files` (which
-- in turn look at the tables that reference files). Caller: cc_staff.
create function app.is_my_upload(p_file_id uuid, p_bucket text) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    select exists (select 1 from public.files f
                    where f.id = p_file_id and f.bucket = p_bucket and f.uploaded_by = app.uid())
  $$;
revoke execute on function app.is_my_upload(uuid, text) from public;
grant execute on function app.is_my_upload(uuid, text) to cc_staff;

grant select on customer_documents to cc_super_admin, cc_director, cc_marketing_manager,
  cc_marketing_staff, cc_sales_manager, cc_salesperson, cc_sales_support, cc_finance_manager,
  cc_finance_staff;
grant insert (customer_id, file_id, title, uploaded_by) on customer_documents
  to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson,
     cc_sales_support;
grant delete on customer_documents to cc_super_admin;

create policy customer_documents_select on customer_documents for select
  to cc_super_admin, cc_director, cc_marketing_manager, cc_marketing_staff, cc_sales_manager,
     cc_salesperson, cc_sales_support, cc_finance_manager, cc_finance_staff
  using (exists (select 1 from customers c where c.id = customer_documents.customer_id));
create policy customer_documents_insert on customer_documents for insert
  to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson,
     cc_sales_support
  with check (uploaded_by = (select app.uid())
              and exists (select 1 from customers c where c.id = customer_documents.customer_id)
              and app.is_my_upload(customer_documents.file_id, 'customer-documents'));
create policy customer_documents_delete_super_admin on customer_documents for delete
  to cc_super_admin using (true);

-- A document file is readable by whoever can read its customer's documents.
create policy files_select_customer_documents on files for select
  to cc_director, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson,
     cc_sales_support, cc_finance_manager, cc_finance_staff
  using (bucket = 'customer-documents'
         and exists (select 1 from customer_documents d where d.file_id = files.id));
