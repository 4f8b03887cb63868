-- Realtime (SPEC §2.8, DASH-1): triggers announce changes on the channel `cc_events`;
-- each server instance LISTENs and forwards them over Server-Sent Events to the users
-- allowed to see the row. Payloads carry ids and states, never customer identity.

-- One notification per INSERT statement of broadcast logs (a batch of thousands is one
-- event): how many, and the newest of them.
create function broadcast_logs_announce() returns trigger
  language plpgsql
  as $$
declare
  v_payload jsonb;
begin
  select jsonb_build_object(
           'type', 'broadcast_logs.created',
           'count', (select count(*) from inserted),
           'failed', (select count(*) from inserted where status = 'failed'),
           'id', n.id, 'tracking_number', n.tracking_number, 'status', n.status,
           'error_message', left(n.error_message, 200), 'broadcast_at', n.broadcast_at)
    into v_payload
    from inserted n order by n.broadcast_at desc, n.id limit 1;
  if v_payload is not null then
    perform pg_notify('cc_events', v_payload::text);
  end if;
  return null;
end
$$;
create trigger broadcast_logs_announce after insert on broadcast_logs
  referencing new table as inserted
  for each statement execute function broadcast_logs_announce();

create function tickets_announce() returns trigger
  language plpgsql
  as $$
begin
  perform pg_notify('cc_events', jsonb_build_object(
    'type', case when tg_op = 'INSERT' then 'ticket.created' else 'ticket.updated' end,
    'id', new.id, 'ticket_code', new.ticket_code, 'ticket_type', new.ticket_type,
    'status', new.status, 'priority', new.priority, 'dept_target', new.dept_target,
    'assigned_to_user_id', new.assigned_to_user_id, 'subject', left(new.subject, 200),
    'at', now())::text);
  return null;
end
$$;
create trigger tickets_announce after insert or update on tickets
  for each row execute function tickets_announce();

create function ticket_messages_announce() returns trigger
  language plpgsql
  as $$
begin
  perform pg_notify('cc_events', jsonb_build_object(
    'type', 'ticket.commented', 'id', new.ticket_id, 'message_id', new.id,
    'is_internal_note', new.is_internal_note, 'at', new.created_at)::text);
  return null;
end
$$;
create trigger ticket_messages_announce after insert on ticket_messages
  for each row execute function ticket_messages_announce();
