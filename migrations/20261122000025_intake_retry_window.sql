-- A keyless retry of a broadcast log is still a retry when the client re-evaluated
-- `broadcast_at` for the new try (n8n's `$now` in the body moves by the seconds between
-- tries). For POST /broadcast-logs the fingerprint leaves the time fields out and the
-- times are kept beside it: an earlier answer counts when every item's time lies within
-- the window of the earlier one's (the server passes the window). Tickets keep the
-- whole-body fingerprint (no times). Two answers may now share a fingerprint: the same
-- fields sent hours apart are two events.

alter table intake_fingerprints drop constraint intake_fingerprints_pkey;
alter table intake_fingerprints
  add column id uuid primary key default gen_random_uuid(),
  add column event_times timestamptz[];
create index intake_fingerprints_fingerprint_idx on intake_fingerprints (fingerprint);

drop function app.intake_begin(text);
drop function app.intake_complete(text, text, smallint, jsonb);

-- Whether two requests' times are one request's: neither has times (tickets), or both
-- have as many items and each pair is absent in both or at most p_window apart.
create function app.intake_times_match(p_stored timestamptz[], p_sent timestamptz[],
                                       p_window interval)
  returns boolean
  language sql immutable parallel safe
  as $$
    select case
      when p_stored is null or p_sent is null then p_stored is null and p_sent is null
      else cardinality(p_stored) = cardinality(p_sent)
           and not exists (
             select from unnest(p_stored, p_sent) as t(stored, sent)
              where (stored is null) <> (sent is null)
                 or stored - sent > p_window or sent - stored > p_window)
    end
  $$;

-- Serialises requests with the same fingerprint (transaction-scoped advisory lock) and
-- returns the stored answer of the first of the last 24 hours whose times match, if any.
-- The caller's fingerprint includes who is calling, so nobody reads another's reply.
create function app.intake_begin(p_fingerprint text, p_event_times timestamptz[],
                                 p_window_seconds integer)
  returns table (status smallint, response jsonb)
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
begin
  perform pg_advisory_xact_lock(hashtextextended(p_fingerprint, 0));
  return query
    select f.status, f.response from intake_fingerprints f
     where f.fingerprint = p_fingerprint and f.created_at > now() - interval '24 hours'
       and app.intake_times_match(f.event_times, p_event_times,
                                  make_interval(secs => p_window_seconds))
     order by f.created_at
     limit 1;
end
$$;

create function app.intake_complete(p_fingerprint text, p_event_times timestamptz[],
                                    p_resource text, p_status smallint, p_response jsonb)
  returns void
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    insert into intake_fingerprints (fingerprint, event_times, resource, status, response)
    values (p_fingerprint, p_event_times, p_resource, p_status, p_response)
  $$;

revoke execute on function app.intake_begin(text, timestamptz[], integer),
  app.intake_complete(text, timestamptz[], text, smallint, jsonb) from public;
grant execute on function app.intake_begin(text, timestamptz[], integer),
  app.intake_complete(text, timestamptz[], text, smallint, jsonb) to cc_staff, cc_integration;
