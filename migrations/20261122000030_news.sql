-- News (SPEC §4.9, NEWS-1): posts written by the administrators (super_admin) and read by
-- everyone they are meant for. `published_at` null = a draft; a time still to come = a
-- scheduled post, hidden from readers until then. `audience_roles` empty = every role,
-- else the roles that read it. The body is Markdown; the server renders and sanitises it
-- on the way out, nothing rendered is stored. Soft delete: a deleted post stays for the
-- audit trail and is gone for everyone.

create table news (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  body text not null default '',
  published_at timestamptz,
  pinned boolean not null default false,
  audience_roles text[] not null default '{}',
  created_by uuid references profiles (id) on delete set null,
  updated_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deleted_by uuid references profiles (id) on delete set null,
  constraint news_title_length check (char_length(btrim(title)) between 1 and 200),
  constraint news_body_length check (char_length(body) <= 20000),
  constraint news_audience_roles_no_nulls check (array_position(audience_roles, null) is null)
);
-- The feed: pinned first, then newest.
create index news_feed_idx on news (pinned desc, (coalesce(published_at, created_at)) desc, id)
  where deleted_at is null;

create trigger news_updated_at before update on news
  for each row execute function set_updated_at();
create trigger news_audit after insert or update or delete on news
  for each row execute function audit_row_change();

-- Every audience role is a role of the `roles` table (an array cannot carry a foreign key).
create function news_audience_known() returns trigger
  language plpgsql
  set search_path = pg_catalog, public
  as $$
  begin
    if exists (select 1 from unnest(new.audience_roles) a (name)
                where not exists (select 1 from public.roles r where r.name = a.name)) then
      raise exception 'unknown role in audience_roles: %', new.audience_roles
        using errcode = '23514', constraint = 'news_audience_roles_known';
    end if;
    return new;
  end
  $$;
create trigger news_audience_known before insert or update of audience_roles on news
  for each row execute function news_audience_known();

-- ---------------------------------------------------------------------------------------
-- Row-level security. super_admin writes and sees every post (drafts, scheduled, deleted
-- ones — the API filters those out); every signed-in role, the director included, reads
-- the published posts of its audience that are not deleted. Nobody deletes rows.
alter table news enable row level security;

grant select on news to cc_staff;
grant insert (title, body, published_at, pinned, audience_roles, created_by, updated_by)
  on news to cc_super_admin;
grant update (title, body, published_at, pinned, audience_roles, updated_by, updated_at,
              deleted_at, deleted_by)
  on news to cc_super_admin;

create policy news_select_readers on news for select to cc_staff
  using (deleted_at is null
         and published_at <= now()
         and (cardinality(audience_roles) = 0 or (select app.role()) = any (audience_roles)));
create policy news_select_super_admin on news for select to cc_super_admin
  using ((select app.uid()) is not null);
create policy news_insert_super_admin on news for insert to cc_super_admin
  with check (created_by = (select app.uid()) and updated_by = (select app.uid()));
create policy news_update_super_admin on news for update to cc_super_admin
  using ((select app.uid()) is not null)
  with check (updated_by = (select app.uid()));
