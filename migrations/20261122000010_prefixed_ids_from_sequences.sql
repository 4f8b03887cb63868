-- PLT-ID without a row lock: codes come from one PostgreSQL sequence per prefix and year
-- (gap-tolerant, as SPEC §2.7 allows). The counter row of `id_sequences` used to be held
-- locked from the first code of a transaction until its commit, so every lead bundle
-- (customer, prospect and lead codes) waited for the one before it. `nextval` takes no
-- lock that outlives the call. `id_sequences` stays the registry of (prefix, year) with the
-- value the sequence started after.

-- Sequences for the counters that exist already, continuing where they stopped.
do $$
declare
  r record;
begin
  for r in select prefix, year, last_value from id_sequences loop
    execute format('create sequence public.%I as bigint minvalue 1 start with %s',
                   'id_seq_' || lower(r.prefix) || '_' || r.year, r.last_value + 1);
  end loop;
end
$$;

create or replace function next_prefixed_id(p_prefix text) returns text
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_year int := extract(year from now() at time zone 'Asia/Jakarta')::int;
  v_name text;
  v_seq regclass;
  v_value bigint;
begin
  if p_prefix is null or p_prefix !~ '^[A-Z]{2,6}$' then
    raise exception 'invalid id prefix: %', p_prefix using errcode = '22023';
  end if;
  v_name := 'id_seq_' || lower(p_prefix) || '_' || v_year;
  v_seq := to_regclass('public.' || v_name);
  if v_seq is null then
    -- First code of this prefix this year: one creator at a time; whoever waited sees the
    -- committed sequence. (Created in the caller's transaction: a rollback undoes it and
    -- the next caller creates it again.)
    perform pg_advisory_xact_lock(hashtext('next_prefixed_id'), hashtext(v_name));
    execute format('create sequence if not exists public.%I as bigint minvalue 1', v_name);
    insert into id_sequences (prefix, year, last_value) values (p_prefix, v_year, 0)
    on conflict (prefix, year) do nothing;
    v_seq := ('public.' || v_name)::regclass;
  end if;
  v_value := nextval(v_seq);
  return p_prefix || '-' || v_year || '-' || lpad(v_value::text, greatest(6, length(v_value::text)), '0');
end
$$;
