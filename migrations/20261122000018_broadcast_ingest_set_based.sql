-- BRD-1 at n8n's rates (SPEC §6: 3,000 single logs/s, 50,000 batched rows/s).
--
-- 1. Broadcast logs are no longer announced from inside the inserting transaction. A
--    commit that has called pg_notify holds PostgreSQL's global notification lock until
--    its WAL is flushed, so every ingest request committed one at a time behind it. The
--    server announces committed logs itself, outside the transaction, several requests
--    in one notification (crates/http/src/events.rs); ticket changes keep their triggers.
drop trigger broadcast_logs_announce on broadcast_logs;
drop function broadcast_logs_announce();

-- 2. Shipments move on once per statement instead of once per row: per AWB of the
--    statement, its logs counted and the newest one kept, in AWB order (concurrent
--    batches lock shipments in the same order). Same rules as before: counts always, the
--    "last" fields only when the newest log is not older than what the shipment shows.
drop trigger broadcast_logs_shipment on broadcast_logs;
drop function app.broadcast_logs_upsert_shipment();

create function app.broadcast_logs_upsert_shipments() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
begin
  insert into shipments as s (tracking_number, consignee_phone, last_status, last_message,
                              last_error, last_broadcast_at, broadcast_count, failed_count)
  select distinct on (i.tracking_number)
         i.tracking_number, i.consignee_phone, i.status, i.message_content, i.error_message,
         i.broadcast_at, count(*) over per_awb,
         count(*) filter (where i.status = 'failed') over per_awb
    from inserted i
  window per_awb as (partition by i.tracking_number)
   order by i.tracking_number, i.broadcast_at desc
  on conflict (tracking_number) do update
     set broadcast_count = s.broadcast_count + excluded.broadcast_count,
         failed_count = s.failed_count + excluded.failed_count,
         consignee_phone = case when excluded.last_broadcast_at >= s.last_broadcast_at
                                then coalesce(excluded.consignee_phone, s.consignee_phone)
                                else s.consignee_phone end,
         last_status = case when excluded.last_broadcast_at >= s.last_broadcast_at
                            then excluded.last_status else s.last_status end,
         last_message = case when excluded.last_broadcast_at >= s.last_broadcast_at
                             then excluded.last_message else s.last_message end,
         last_error = case when excluded.last_broadcast_at >= s.last_broadcast_at
                           then excluded.last_error else s.last_error end,
         last_broadcast_at = greatest(s.last_broadcast_at, excluded.last_broadcast_at),
         updated_at = now();
  return null;
end
$$;
revoke execute on function app.broadcast_logs_upsert_shipments() from public;
create trigger broadcast_logs_shipments after insert on broadcast_logs
  referencing new table as inserted
  for each statement execute function app.broadcast_logs_upsert_shipments();
