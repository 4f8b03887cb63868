-- TCK-5, SPEC §6 Security: Operations never read the customer's identity, not even where
-- someone typed it into free text ("hubungi PT … di 0812…"). Every ticket text Operations
-- can read (subject, description, the RFQ's details, the close reason, comments, the live
-- feed) goes through app.redact_pii with the ticket's customer identifiers; searching runs
-- over that redacted text only; the links to the customer, lead and prospect are not
-- theirs. Operations lose SELECT on the raw columns, so no query can bypass the views.

-- The customer's identifiers of a ticket: what the ticket, its linked customer (directly,
-- through the prospect or the lead) and its lead carry. Private: no role but the owner
-- reads it; the views below and the live feed's trigger use it as the owner.
create view ticket_pii_terms as
  select t.id as ticket_id,
         array(select distinct x
                 from (select unnest(array[t.company_name, t.contact_name, t.customer_phone,
                                           t.customer_email::text])
                       union all
                       select unnest(array[c.company_name, c.contact_name, c.phone,
                                           c.email::text, c.npwp])
                         from customers c
                        where c.id in (t.related_customer_id,
                                       (select p.customer_id from prospects p
                                         where p.id = t.related_prospect_id),
                                       (select l.customer_id from leads l
                                         where l.id = t.related_lead_id))
                       union all
                       select unnest(array[l.company_name, l.contact_name, l.phone,
                                           l.email::text, l.npwp])
                         from leads l
                        where l.id = t.related_lead_id or l.ticket_id = t.id) s(x)
                where x is not null and btrim(x) <> '') as terms
    from tickets t;
revoke all on ticket_pii_terms from public;

-- Words of a company or person name too common to identify anyone on their own (legal
-- forms, honorifics, trade words); the whole name is redacted wherever it appears.
create function app.pii_common_word(p_word text) returns boolean
  language sql immutable parallel safe
  set search_path = pg_catalog
  as $$
    select p_word = any (array[
      'pt', 'cv', 'ud', 'tbk', 'persero', 'pd', 'fa', 'koperasi', 'yayasan',
      'pak', 'bapak', 'bu', 'ibu', 'sdr', 'sdri', 'mr', 'mrs', 'ms', 'miss', 'dr', 'ir', 'hj', 'h',
      'the', 'and', 'dan', 'of', 'co', 'ltd', 'inc', 'corp', 'company',
      'indonesia', 'international', 'internasional', 'nusantara', 'group', 'grup', 'global',
      'logistik', 'logistics', 'logistic', 'cargo', 'kargo', 'express', 'ekspres', 'trading',
      'transport', 'shipping', 'industri', 'industry', 'industries', 'sejahtera', 'jaya',
      'abadi', 'makmur', 'mandiri', 'utama', 'sentosa', 'perkasa', 'indo', 'mitra', 'karya'])
  $$;

-- Redacts from `p_text` every e-mail address, every phone-like run of digits (phone
-- numbers in any form, NPWP in any punctuation: eight digits or more with spaces, dots,
-- dashes or brackets between them), the customer's own phone numbers and identifiers in
-- any punctuation, and the customer's names: whole, in any case and punctuation, and
-- their distinctive words on their own.
create function app.redact_pii(p_text text, p_terms text[]) returns text
  language plpgsql immutable parallel safe cost 1000
  set search_path = pg_catalog
  as $$
declare
  v_out text := p_text;
  v_term text;
  v_words text[];
  v_digits text;
  v_word text;
begin
  if v_out is null or v_out = '' then
    return v_out;
  end if;
  v_out := regexp_replace(v_out, '[^[:space:]@<>()\[\]"'',;:]+@[^[:space:]@<>()\[\]"'',;:]+',
                          '[disamarkan]', 'g');
  v_out := regexp_replace(v_out, '(?<![0-9]|[[:upper:]]{3}-)\+?(?:[0-9][[:space:].()-]{0,3}){7,}[0-9]',
                          '[disamarkan]', 'g');
  foreach v_term in array coalesce(p_terms, '{}'::text[]) loop
    v_digits := regexp_replace(v_term, '[^0-9]', '', 'g');
    if length(v_digits) >= 6 and v_term !~ '[[:alpha:]]' then
      -- A phone or NPWP: its digits after any country or trunk prefix, in any punctuation.
      v_digits := regexp_replace(v_digits, '^(62|0)', '');
      v_out := regexp_replace(v_out,
        '\+?(?:62|0)?[[:space:].()-]{0,3}'
          || array_to_string(regexp_split_to_array(v_digits, ''), '[[:space:].()-]{0,3}'),
        '[disamarkan]', 'g');
      continue;
    end if;
    v_words := array(select w from regexp_split_to_table(lower(v_term), '[^[:alnum:]]+') w
                      where w <> '');
    if cardinality(v_words) = 0 then
      continue;
    end if;
    v_out := regexp_replace(v_out,
      '\m' || array_to_string(v_words, '[^[:alnum:]]+') || '\M', '[disamarkan]', 'gi');
    foreach v_word in array v_words loop
      if length(v_word) >= 3 and not app.pii_common_word(v_word) then
        v_out := regexp_replace(v_out, '\m' || v_word || '\M', '[disamarkan]', 'gi');
      end if;
    end loop;
  end loop;
  return v_out;
end
$$;

-- The same over every string of a JSON document (the RFQ's details), keys kept.
create function app.redact_pii_json(p_doc jsonb, p_terms text[]) returns jsonb
  language plpgsql immutable parallel safe cost 1000
  set search_path = pg_catalog
  as $$
begin
  return case jsonb_typeof(p_doc)
    when 'string' then to_jsonb(app.redact_pii(p_doc #>> '{}', p_terms))
    when 'object' then
      coalesce((select jsonb_object_agg(e.key, app.redact_pii_json(e.value, p_terms))
                  from jsonb_each(p_doc) e), '{}'::jsonb)
    when 'array' then
      coalesce((select jsonb_agg(app.redact_pii_json(a.value, p_terms) order by a.n)
                  from jsonb_array_elements(p_doc) with ordinality a(value, n)), '[]'::jsonb)
    else p_doc
  end;
end
$$;
revoke execute on function app.pii_common_word(text), app.redact_pii(text, text[]),
  app.redact_pii_json(jsonb, text[]) from public;
grant execute on function app.pii_common_word(text), app.redact_pii(text, text[]),
  app.redact_pii_json(jsonb, text[]) to cc_staff;

-- Tickets as Operations read them: their department's (super admins and directors: all),
-- free text redacted, no customer identity, no links to the customer, lead or prospect.
-- Deliberately NOT security_invoker (like v_ops_rfqs_masked): it reads the raw columns as
-- its owner and filters by the caller's context itself. The identifiers are looked up
-- inside each redacted column, so only the rows a page returns compute them (not every row
-- a sort or a count walks).
create view v_ops_tickets as
  select t.id, t.ticket_code, t.ticket_type, t.priority, t.status, t.dept_target,
         app.redact_pii(t.subject, (select k.terms from ticket_pii_terms k where k.ticket_id = t.id)) as subject,
         app.redact_pii(t.description, (select k.terms from ticket_pii_terms k where k.ticket_id = t.id)) as description,
         t.tracking_number,
         app.redact_pii_json(t.rfq, (select k.terms from ticket_pii_terms k where k.ticket_id = t.id)) as rfq,
         t.need_customer_masking, t.assigned_to_user_id, t.source, t.inquiry_outcome,
         app.redact_pii(t.close_reason, (select k.terms from ticket_pii_terms k where k.ticket_id = t.id)) as close_reason,
         t.closed_at, t.created_by, t.created_at, t.updated_at, t.first_response_at
    from tickets t
   where app.role() in ('super_admin', 'director')
      or (app.role() in ('ops_exim', 'ops_domestic', 'ops_import_dtd', 'ops_warehouse')
          and t.dept_target = app.dept());
revoke all on v_ops_tickets from public;
grant select on v_ops_tickets to cc_super_admin, cc_director, cc_ops_exim, cc_ops_domestic,
  cc_ops_import_dtd, cc_ops_warehouse;

-- The comments of those tickets, redacted the same way.
create view v_ops_ticket_messages as
  select m.id, m.ticket_id, m.author_user_id,
         app.redact_pii(m.comment_text,
                        (select k.terms from ticket_pii_terms k where k.ticket_id = m.ticket_id))
           as comment_text,
         m.is_internal_note, m.created_at
    from ticket_messages m
    join v_ops_tickets v on v.id = m.ticket_id;
revoke all on v_ops_ticket_messages from public;
grant select on v_ops_ticket_messages to cc_super_admin, cc_director, cc_ops_exim,
  cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse;

-- The files attached to those tickets, their names redacted the same way.
create view v_ops_ticket_attachments as
  select a.id, a.ticket_id, a.file_id,
         app.redact_pii(f.original_name,
                        (select k.terms from ticket_pii_terms k where k.ticket_id = a.ticket_id))
           as original_name,
         f.content_type, f.size_bytes, a.uploaded_by, a.created_at
    from ticket_attachments a
    join v_ops_tickets v on v.id = a.ticket_id
    left join files f on f.id = a.file_id;
revoke all on v_ops_ticket_attachments from public;
grant select on v_ops_ticket_attachments to cc_super_admin, cc_director, cc_ops_exim,
  cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse;

-- TCK-5 RFQs: the same redacted text.
create or replace view v_ops_rfqs_masked as
  select v.id, v.ticket_code, v.status, v.priority, v.dept_target, v.subject, v.description,
         v.rfq, v.need_customer_masking,
         'MASKED'::text as company_name,
         'MASKED'::text as contact_name,
         case when t.customer_phone is null then null
              else left(t.customer_phone, 4) || repeat('*', greatest(length(t.customer_phone) - 6, 0))
                   || right(t.customer_phone, 2) end as customer_phone,
         v.assigned_to_user_id, v.inquiry_outcome, v.close_reason, v.closed_at, v.created_at,
         v.updated_at
    from v_ops_tickets v
    join tickets t on t.id = v.id
   where v.ticket_type = 'inquiry_tariff';

-- Operations read the free text and the links only through the views above.
revoke select (subject, description, rfq, close_reason, related_lead_id, related_customer_id,
               related_prospect_id)
  on tickets from cc_ops_exim, cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse;

-- The live feed reaches Operations too: its subject is redacted for everyone.
create or replace function tickets_announce() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
begin
  perform pg_notify('cc_events', jsonb_build_object(
    'type', case when tg_op = 'INSERT' then 'ticket.created' else 'ticket.updated' end,
    'id', new.id, 'ticket_code', new.ticket_code, 'ticket_type', new.ticket_type,
    'status', new.status, 'priority', new.priority, 'dept_target', new.dept_target,
    'assigned_to_user_id', new.assigned_to_user_id,
    'subject', left(app.redact_pii(new.subject,
                                   (select k.terms from ticket_pii_terms k
                                     where k.ticket_id = new.id)), 200),
    'at', now())::text);
  return null;
end
$$;
revoke execute on function tickets_announce() from public;

-- TCK-1: a closed ticket takes no reply to the customer until it is reopened (the status
-- machine's closed → in_progress); internal notes stay possible. Locks the ticket so a
-- concurrent close cannot slip a reply past the check.
create function ticket_messages_reply_needs_open_ticket() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_status text;
  v_closed_at timestamptz;
begin
  select t.status, t.closed_at into v_status, v_closed_at
    from tickets t where t.id = new.ticket_id for share;
  -- A reply dated before the close (history being loaded) is the past, not a reply now.
  if v_status = 'closed' and new.created_at >= coalesce(v_closed_at, '-infinity') then
    raise exception 'ticket % is closed: reopen it before replying', new.ticket_id
      using errcode = '23514', constraint = 'ticket_messages_reply_needs_open_ticket';
  end if;
  return new;
end
$$;
revoke execute on function ticket_messages_reply_needs_open_ticket() from public;
create trigger ticket_messages_reply_needs_open_ticket before insert on ticket_messages
  for each row when (not new.is_internal_note)
  execute function ticket_messages_reply_needs_open_ticket();

-- CRM-2: one lead, one prospect. The handover re-owns the prospect the lead bundle made
-- (same id, so the bundle's prospect_id stays valid for the new owner) unless the new
-- owner already works this customer in a prospect of their own or another live lead shares
-- the prospect; then the lead joins the owner's prospect (found or created) and its RFQ
-- tickets follow it. Returns the lead's prospect. Caller: the roles that assign leads.
create function app.crm_hand_over_prospect(p_lead_id uuid, p_prospect_id uuid, p_owner uuid,
                                           p_service text)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_customer uuid;
  v_owner uuid;
  v_deleted timestamptz;
  v_target uuid;
begin
  select p.customer_id, p.owner_user_id, p.deleted_at into v_customer, v_owner, v_deleted
    from prospects p where p.id = p_prospect_id for update;
  if not found then
    raise exception 'prospect % not found', p_prospect_id using errcode = 'P0002';
  end if;
  if v_deleted is null and v_owner is not distinct from p_owner then
    return p_prospect_id;
  end if;
  if v_deleted is null
     and not exists (select 1 from prospects o
                      where o.customer_id = v_customer and o.owner_user_id = p_owner
                        and o.deleted_at is null)
     and not exists (select 1 from leads l
                      where l.prospect_id = p_prospect_id and l.id <> p_lead_id
                        and l.deleted_at is null) then
    update prospects
       set owner_user_id = p_owner, service_interest = coalesce(service_interest, p_service)
     where id = p_prospect_id;
    return p_prospect_id;
  end if;
  v_target := app.crm_find_or_create_prospect(v_customer, p_owner, p_service);
  update tickets set related_prospect_id = v_target
   where related_lead_id = p_lead_id and related_prospect_id = p_prospect_id;
  return v_target;
end
$$;
revoke execute on function app.crm_hand_over_prospect(uuid, uuid, uuid, text) from public;
grant execute on function app.crm_hand_over_prospect(uuid, uuid, uuid, text)
  to cc_super_admin, cc_marketing_manager, cc_sales_manager;
