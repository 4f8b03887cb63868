-- TCK-1 / TCK-3 / TCK-4: working a ticket. Messages (replies and internal notes), the
-- SLA event trail written by triggers, and the status machine enforced in the database
-- (the domain enforces the same table first, for a clear 422).

-- ---------------------------------------------------------------------------------------
-- Status machine (TCK-1). open → in_progress → pending ↔ on_hold → closed, work may
-- resume from pending or on_hold, a ticket may be closed from any open state, and only
-- a closed ticket reopens (to in_progress). Nothing goes back to `open`.
create function app.ticket_transition_allowed(p_from text, p_to text) returns boolean
  language sql immutable parallel safe
  as $$
    select p_from = p_to or (p_from, p_to) in (
      ('open', 'in_progress'), ('open', 'pending'), ('open', 'on_hold'), ('open', 'closed'),
      ('in_progress', 'pending'), ('in_progress', 'on_hold'), ('in_progress', 'closed'),
      ('pending', 'in_progress'), ('pending', 'on_hold'), ('pending', 'closed'),
      ('on_hold', 'in_progress'), ('on_hold', 'pending'), ('on_hold', 'closed'),
      ('closed', 'in_progress'))
  $$;
grant execute on function app.ticket_transition_allowed(text, text) to cc_staff;

-- Server-owned fields: status timestamps follow the status; an outcome and a close
-- reason belong to a closed ticket only; a new ticket always starts `open`.
create function tickets_status_machine() returns trigger
  language plpgsql
  as $$
begin
  if tg_op = 'INSERT' then
    new.status := 'open';
    new.closed_at := null;
    return new;
  end if;
  if new.status is distinct from old.status then
    if not app.ticket_transition_allowed(old.status, new.status) then
      raise exception 'a ticket cannot go from % to %', old.status, new.status
        using errcode = '23514', constraint = 'tickets_status_transition';
    end if;
    if new.status = 'closed' then
      new.closed_at := now();
    elsif old.status = 'closed' then
      new.closed_at := null;          -- reopened
      new.inquiry_outcome := null;
      new.close_reason := null;
    end if;
  else
    new.closed_at := old.closed_at;
  end if;
  return new;
end
$$;
create trigger tickets_status_machine before insert or update on tickets
  for each row execute function tickets_status_machine();

-- ---------------------------------------------------------------------------------------
-- Messages (TCK-3): replies to the customer and internal notes.
create table ticket_messages (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets (id) on delete cascade,
  author_user_id uuid references profiles (id) on delete set null,
  comment_text text not null check (length(btrim(comment_text)) between 1 and 20000),
  is_internal_note boolean not null default true,
  created_at timestamptz not null default now()
);
create index ticket_messages_ticket_idx on ticket_messages (ticket_id, created_at);
create index ticket_messages_author_idx on ticket_messages (author_user_id);
create trigger ticket_messages_audit after insert or update or delete on ticket_messages
  for each row execute function audit_row_change();

-- ---------------------------------------------------------------------------------------
-- SLA events (TCK-4), written by triggers only.
create table sla_events (
  id bigint generated always as identity primary key,
  ticket_id uuid not null references tickets (id) on delete cascade,
  event_type text not null check (event_type in ('OPENED', 'FIRST_RESPONSE', 'STATUS_CHANGE',
    'ASSIGNED', 'PRIORITY_CHANGE', 'RESOLVED', 'REOPENED')),
  from_value text,
  to_value text,
  actor_user_id uuid references profiles (id) on delete set null,
  occurred_at timestamptz not null default now()
);
create index sla_events_ticket_idx on sla_events (ticket_id, occurred_at, id);
create unique index sla_events_one_first_response on sla_events (ticket_id)
  where event_type = 'FIRST_RESPONSE';
create index sla_events_type_at_idx on sla_events (event_type, occurred_at);

create function tickets_sla_events() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_actor uuid := app.uid();
begin
  if tg_op = 'INSERT' then
    insert into sla_events (ticket_id, event_type, to_value, actor_user_id, occurred_at)
    values (new.id, 'OPENED', new.status, v_actor, new.created_at);
    if new.assigned_to_user_id is not null then
      insert into sla_events (ticket_id, event_type, to_value, actor_user_id)
      values (new.id, 'ASSIGNED', new.assigned_to_user_id::text, v_actor);
    end if;
    return null;
  end if;
  if new.status is distinct from old.status then
    insert into sla_events (ticket_id, event_type, from_value, to_value, actor_user_id)
    values (new.id, 'STATUS_CHANGE', old.status, new.status, v_actor);
    if new.status = 'closed' then
      insert into sla_events (ticket_id, event_type, from_value, to_value, actor_user_id)
      values (new.id, 'RESOLVED', old.status, new.status, v_actor);
    elsif old.status = 'closed' then
      insert into sla_events (ticket_id, event_type, from_value, to_value, actor_user_id)
      values (new.id, 'REOPENED', old.status, new.status, v_actor);
    end if;
  end if;
  if new.assigned_to_user_id is distinct from old.assigned_to_user_id then
    insert into sla_events (ticket_id, event_type, from_value, to_value, actor_user_id)
    values (new.id, 'ASSIGNED', old.assigned_to_user_id::text, new.assigned_to_user_id::text,
            v_actor);
  end if;
  if new.priority is distinct from old.priority then
    insert into sla_events (ticket_id, event_type, from_value, to_value, actor_user_id)
    values (new.id, 'PRIORITY_CHANGE', old.priority, new.priority, v_actor);
  end if;
  return null;
end
$$;
create trigger tickets_sla_events after insert or update on tickets
  for each row execute function tickets_sla_events();
revoke execute on function tickets_sla_events() from public;

-- FIRST_RESPONSE: the first message by someone other than the ticket's creator; for
-- tickets raised by customers or n8n (no creator), the first reply that is not an
-- internal note. At most once per ticket (unique index).
create function ticket_messages_first_response() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_creator uuid;
  v_source text;
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
  return null;
end
$$;
create trigger ticket_messages_first_response after insert on ticket_messages
  for each row execute function ticket_messages_first_response();
revoke execute on function ticket_messages_first_response() from public;

-- ---------------------------------------------------------------------------------------
-- Access: whoever sees a ticket (tickets' own policies decide) reads its messages and SLA
-- events; writers add messages as themselves to tickets they may see; the read-only
-- director writes nothing. Messages are never edited or deleted (except by super admin).
alter table ticket_messages enable row level security;
alter table sla_events enable row level security;

grant select on ticket_messages, sla_events to cc_staff;
grant insert (ticket_id, author_user_id, comment_text, is_internal_note) on ticket_messages
  to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson,
     cc_sales_support, cc_ops_exim, cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse,
     cc_finance_manager, cc_finance_staff, cc_cs_admin, cc_cs_agent;
grant delete on ticket_messages to cc_super_admin;

create policy ticket_messages_read on ticket_messages for select to cc_staff
  using (exists (select 1 from tickets t where t.id = ticket_messages.ticket_id));
create policy ticket_messages_write on ticket_messages for insert
  to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson,
     cc_sales_support, cc_ops_exim, cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse,
     cc_finance_manager, cc_finance_staff, cc_cs_admin, cc_cs_agent
  with check (author_user_id = (select app.uid())
              and exists (select 1 from tickets t where t.id = ticket_messages.ticket_id));
create policy ticket_messages_delete on ticket_messages for delete to cc_super_admin
  using (true);
create policy sla_events_read on sla_events for select to cc_staff
  using (exists (select 1 from tickets t where t.id = sla_events.ticket_id));

-- Tickets raised before this migration get their OPENED event.
insert into sla_events (ticket_id, event_type, to_value, occurred_at)
select id, 'OPENED', 'open', created_at from tickets;
