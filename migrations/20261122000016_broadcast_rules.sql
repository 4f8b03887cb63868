-- BRD-3: an optional rule — off by default, switched by super or CS admins — that opens a
-- `shipment_issue` ticket for a failed broadcast, linked by AWB, unless that AWB already
-- has an open one.

create table broadcast_rules (
  rule text primary key check (rule in ('failed_broadcast_ticket')),
  enabled boolean not null default false,
  priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
  updated_by uuid references profiles (id) on delete set null,
  updated_at timestamptz not null default now()
);
insert into broadcast_rules (rule) values ('failed_broadcast_ticket');
create trigger broadcast_rules_set_updated_at before update on broadcast_rules
  for each row execute function set_updated_at();
create trigger broadcast_rules_audit after insert or update or delete on broadcast_rules
  for each row execute function audit_row_change();

alter table broadcast_rules enable row level security;
grant select on broadcast_rules to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent;
grant update (enabled, priority, updated_by) on broadcast_rules to cc_super_admin, cc_cs_admin;
create policy broadcast_rules_read on broadcast_rules for select
  to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent using (true);
create policy broadcast_rules_admin on broadcast_rules for update to cc_super_admin, cc_cs_admin
  using (true) with check (updated_by = (select app.uid()));

-- Runs as the owner: whoever posted the logs (a key, an admin) need not create tickets.
create function app.broadcast_failures_open_tickets() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_priority text;
begin
  select r.priority into v_priority from broadcast_rules r
   where r.rule = 'failed_broadcast_ticket' and r.enabled;
  if v_priority is null then
    return null;
  end if;
  insert into tickets (ticket_type, priority, dept_target, subject, description, tracking_number,
                       customer_phone, source, api_key_id)
  select distinct on (f.tracking_number)
         'shipment_issue', v_priority, 'CS', left('Broadcast gagal: ' || f.tracking_number, 300),
         'Pesan WhatsApp untuk resi ' || f.tracking_number || ' gagal terkirim'
           || coalesce(': ' || f.error_message, '.'),
         f.tracking_number, f.consignee_phone, 'n8n', f.api_key_id
    from inserted f
   where f.status = 'failed'
     and not exists (select 1 from tickets t
                      where t.tracking_number = f.tracking_number
                        and t.ticket_type = 'shipment_issue' and t.status <> 'closed')
   order by f.tracking_number, f.broadcast_at desc;
  return null;
end
$$;
revoke execute on function app.broadcast_failures_open_tickets() from public;
create trigger broadcast_logs_open_tickets after insert on broadcast_logs
  referencing new table as inserted
  for each statement execute function app.broadcast_failures_open_tickets();
