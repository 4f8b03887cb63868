-- TCK-3: files attached to tickets (bucket `ticket-attachments`). Whoever sees a ticket
-- sees its attachments and may download their files; whoever may comment on it attaches
-- files they uploaded themselves.

create table ticket_attachments (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets (id) on delete cascade,
  file_id uuid not null references files (id),
  uploaded_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint ticket_attachments_file_key unique (file_id)
);
create index ticket_attachments_ticket_idx on ticket_attachments (ticket_id, created_at);
create index ticket_attachments_uploaded_by_idx on ticket_attachments (uploaded_by);
create trigger ticket_attachments_audit after insert or update or delete on ticket_attachments
  for each row execute function audit_row_change();

alter table ticket_attachments enable row level security;
grant select on ticket_attachments to cc_staff;
grant insert (ticket_id, file_id, uploaded_by) on ticket_attachments
  to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson,
     cc_sales_support, cc_ops_exim, cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse,
     cc_finance_manager, cc_finance_staff, cc_cs_admin, cc_cs_agent;
grant delete on ticket_attachments to cc_super_admin;

create policy ticket_attachments_read on ticket_attachments for select to cc_staff
  using (exists (select 1 from tickets t where t.id = ticket_attachments.ticket_id));
create policy ticket_attachments_write on ticket_attachments for insert
  to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson,
     cc_sales_support, cc_ops_exim, cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse,
     cc_finance_manager, cc_finance_staff, cc_cs_admin, cc_cs_agent
  with check (uploaded_by = (select app.uid())
              and exists (select 1 from tickets t where t.id = ticket_attachments.ticket_id)
              and app.is_my_upload(ticket_attachments.file_id, 'ticket-attachments'));
create policy ticket_attachments_delete on ticket_attachments for delete to cc_super_admin
  using (true);

-- An attachment's file is readable by whoever sees its ticket.
create policy files_select_ticket_attachments on files for select to cc_staff
  using (bucket = 'ticket-attachments'
         and exists (select 1 from ticket_attachments a where a.file_id = files.id));
