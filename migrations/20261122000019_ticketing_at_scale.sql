-- Ticketing at a million tickets and millions of broadcasts (SPEC §6, measured in
-- docs/benchmarks.md).

-- The server's statements are short: JIT compilation (hundreds of milliseconds once a
-- plan's cost passes jit_above_cost) never pays for itself here.
alter role cc_app set jit = off;

-- Queues under row-level security: the CS agent policy is "assigned to me, or in the
-- unassigned CS queue, or opened by me". "Mine" reads an agent's tickets newest first
-- and counts them from the index alone (it carries the policy's other columns); the
-- unassigned tickets are mostly Operations' RFQs, so the other two narrow to the CS ones
-- (the planner misjudges how few unassigned tickets are CS ones and would otherwise scan
-- the table for an agent's whole visible set).
create index tickets_assignee_created_idx on tickets (assigned_to_user_id, created_at desc)
  include (dept_target, created_by);
create index tickets_assignee_dept_idx on tickets (assigned_to_user_id, dept_target, created_at desc);
create index tickets_cs_unassigned_idx on tickets (created_at desc)
  where assigned_to_user_id is null and dept_target = 'CS';
-- Superseded by the two above (same leading column).
drop index tickets_assigned_idx;
-- DASH-1: open tickets (a few percent of all) and today's closures.
create index tickets_open_priority_idx on tickets (priority, created_at) include (id)
  where status <> 'closed';
create index tickets_closed_at_idx on tickets (closed_at) where closed_at is not null;

-- BRD-2 counts per Jakarta day, status and error, kept by the ingest statement itself so
-- the summary and the dashboard read a few hundred rows instead of every log of the last
-- fourteen days. Concurrent ingest statements add to different shards (by backend, 64)
-- so they rarely queue on one counter row (its lock is held until their commit). Logs are never updated or deleted, so the counts
-- stay exact.
create table broadcast_daily_counts (
  day date not null,
  status text not null check (status in ('success', 'failed', 'pending')),
  -- The failure's error message (first 500 characters), '' otherwise.
  error_message text not null default '',
  shard smallint not null,
  count bigint not null,
  primary key (day, status, error_message, shard)
);

create function app.broadcast_logs_count() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
begin
  insert into broadcast_daily_counts as c (day, status, error_message, shard, count)
  select (i.broadcast_at at time zone 'Asia/Jakarta')::date, i.status,
         case when i.status = 'failed' then coalesce(left(i.error_message, 500), '') else '' end,
         (pg_backend_pid() % 64)::smallint, count(*)
    from inserted i
   group by 1, 2, 3
   order by 1, 2, 3
  on conflict (day, status, error_message, shard) do update set count = c.count + excluded.count;
  return null;
end
$$;
revoke execute on function app.broadcast_logs_count() from public;
create trigger broadcast_logs_count after insert on broadcast_logs
  referencing new table as inserted
  for each statement execute function app.broadcast_logs_count();

insert into broadcast_daily_counts (day, status, error_message, shard, count)
select (broadcast_at at time zone 'Asia/Jakarta')::date, status,
       case when status = 'failed' then coalesce(left(error_message, 500), '') else '' end, 0, count(*)
  from broadcast_logs
 group by 1, 2, 3;

alter table broadcast_daily_counts enable row level security;
grant select on broadcast_daily_counts to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent;
create policy broadcast_daily_counts_read on broadcast_daily_counts for select
  to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent using (true);
