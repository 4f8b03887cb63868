-- DASH-1 at a million tickets: "high-priority tickets nobody has answered" read from the
-- ticket itself. The first response stays an SLA event (TCK-4); its time is also kept on
-- the ticket, so the open unanswered tickets are one small partial index instead of an
-- anti-join of every open ticket against the SLA trail.
alter table tickets add column first_response_at timestamptz;
grant select (first_response_at) on tickets
  to cc_ops_exim, cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse;

-- Backfill without the update triggers (no audit rows, updated_at or events for it).
alter table tickets disable trigger tickets_set_updated_at, disable trigger tickets_audit,
  disable trigger tickets_keep_code, disable trigger tickets_status_machine,
  disable trigger tickets_sla_events, disable trigger tickets_announce;
update tickets t set first_response_at = e.occurred_at
  from sla_events e where e.ticket_id = t.id and e.event_type = 'FIRST_RESPONSE';
alter table tickets enable trigger tickets_set_updated_at, enable trigger tickets_audit,
  enable trigger tickets_keep_code, enable trigger tickets_status_machine,
  enable trigger tickets_sla_events, enable trigger tickets_announce;

create index tickets_unanswered_idx on tickets (priority, created_at)
  where status <> 'closed' and first_response_at is null;

-- The first qualifying reply records the event (once) and stamps the ticket.
create or replace function ticket_messages_first_response() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_creator uuid;
  v_source text;
  v_added int;
begin
  select t.created_by, t.source into v_creator, v_source from tickets t where t.id = new.ticket_id;
  if new.author_user_id is null or new.author_user_id is not distinct from v_creator then
    return null;
  end if;
  if (v_creator is null or v_source = 'n8n') and new.is_internal_note then
    return null;
  end if;
  insert into sla_events (ticket_id, event_type, actor_user_id, occurred_at)
  values (new.ticket_id, 'FIRST_RESPONSE', new.author_user_id, new.created_at)
  on conflict do nothing;
  get diagnostics v_added = row_count;
  if v_added > 0 then
    update tickets set first_response_at = new.created_at
     where id = new.ticket_id and first_response_at is null;
  end if;
  return null;
end
$$;
