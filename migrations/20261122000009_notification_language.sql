-- NTF-1: notifications are written in the recipient's language (profiles.language, 'id' by
-- default). Callers pass both texts; the row keeps the one the recipient reads.

create function app.notify_localized(p_user_id uuid, p_kind text,
                                     p_title_id text, p_title_en text,
                                     p_body_id text, p_body_en text,
                                     p_link text, p_dedup_key text)
  returns uuid
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    select app.notify(p_user_id, p_kind,
                      case when p.language = 'en' then p_title_en else p_title_id end,
                      case when p.language = 'en' then p_body_en else p_body_id end,
                      p_link, p_dedup_key)
      from profiles p
     where p.id = p_user_id
  $$;

revoke execute on function app.notify_localized(uuid, text, text, text, text, text, text, text)
  from public;
grant execute on function app.notify_localized(uuid, text, text, text, text, text, text, text)
  to cc_staff, cc_worker, cc_integration;
