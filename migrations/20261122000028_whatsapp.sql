-- WA-1, WA-4: WhatsApp intake. Every webhook body is stored first as it came
-- (`wa_webhook_events`, once per body), then processed from that table: messages unique
-- per provider message id, delivery statuses append-only and unique per
-- (message id, status) with the message showing the furthest by precedence, senders
-- linked to a customer or lead by phone (an unknown number becomes a `whatsapp` lead), and
-- one conversation per customer number and business number at a time — a message after
-- 24 hours of silence or after the conversation was resolved starts a new one (a cycle).

-- Tickets opened from a conversation say so.
alter table tickets drop constraint tickets_source_check;
alter table tickets add constraint tickets_source_check
  check (source in ('web', 'n8n', 'crm', 'dso', 'whatsapp'));

create table wa_webhook_events (
  id bigint generated always as identity primary key,
  -- `cloud_api`: Meta's webhook body unchanged; `outbound`: the batch n8n forwards of the
  -- messages agents and the bot sent
  kind text not null check (kind in ('cloud_api', 'outbound')),
  body_sha256 text not null check (body_sha256 ~ '^[0-9a-f]{64}$'),
  body jsonb not null,
  via text not null check (via in ('api_key', 'signature')),
  api_key_id uuid references api_keys (id) on delete set null,
  -- whether an unknown number becomes a lead (the setting when the body came)
  create_leads boolean not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  attempts integer not null default 0,
  last_error text,
  -- kept at least 8 days: the provider retries for up to 7
  constraint wa_webhook_events_body_key unique (kind, body_sha256)
);
create index wa_webhook_events_unprocessed_idx on wa_webhook_events (received_at)
  where processed_at is null;

create table campaigns (
  id uuid primary key default gen_random_uuid(),
  campaign_code text not null default next_prefixed_id('CAMP'),
  name citext not null,
  first_sent_at timestamptz,
  created_at timestamptz not null default now(),
  constraint campaigns_campaign_code_key unique (campaign_code),
  constraint campaigns_name_key unique (name),
  constraint campaigns_name_present check (length(btrim(name)) between 1 and 200)
);

create table conversations (
  id uuid primary key default gen_random_uuid(),
  conversation_code text not null default next_prefixed_id('CONV'),
  -- the business number (Cloud API `metadata`) and the customer's number in E.164
  business_phone_id text not null check (length(business_phone_id) between 1 and 64),
  business_phone text,
  customer_phone text not null check (customer_phone ~ '^\+[1-9][0-9]{6,14}$'),
  contact_name text,
  customer_id uuid references customers (id) on delete set null,
  lead_id uuid references leads (id) on delete set null,
  ticket_id uuid references tickets (id) on delete set null,
  assigned_to_user_id uuid references profiles (id) on delete set null,
  assigned_at timestamptz,
  status text not null default 'open' check (status in ('open', 'pending', 'resolved')),
  opened_at timestamptz not null,
  last_message_at timestamptz not null,
  last_inbound_at timestamptz,
  -- the first reply of a person and of the bot in this cycle (bot time is its own segment)
  first_agent_reply_at timestamptz,
  first_bot_reply_at timestamptz,
  resolved_at timestamptz,
  -- `timeout`: 24 hours of silence ended it without anybody resolving it
  resolved_by text check (resolved_by in ('agent', 'bot', 'timeout')),
  -- the conversation new messages of this pair of numbers join
  is_current boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint conversations_conversation_code_key unique (conversation_code),
  constraint conversations_resolved_consistent
    check ((status = 'resolved') = (resolved_at is not null and resolved_by is not null)),
  -- a conversation a newer one continues stays resolved
  constraint conversations_past_stay_resolved check (is_current or status = 'resolved'),
  constraint conversations_assigned_consistent
    check ((assigned_to_user_id is null) or (assigned_at is not null))
);
create unique index conversations_current_key on conversations (business_phone_id, customer_phone)
  where is_current;
create index conversations_phone_idx on conversations (customer_phone, opened_at desc);
create index conversations_opened_idx on conversations (opened_at desc, id);
create index conversations_assignee_idx on conversations (assigned_to_user_id, opened_at desc);
create index conversations_customer_idx on conversations (customer_id);
create index conversations_status_idx on conversations (status, last_message_at desc)
  where status <> 'resolved';

create table messages (
  id uuid primary key default gen_random_uuid(),
  provider_message_id text not null check (length(provider_message_id) between 1 and 200),
  -- null only for campaign messages sent outside any conversation
  conversation_id uuid references conversations (id) on delete cascade,
  customer_phone text not null check (customer_phone ~ '^\+[1-9][0-9]{6,14}$'),
  direction text not null check (direction in ('inbound', 'outbound')),
  sender_kind text not null check (sender_kind in ('customer', 'agent', 'bot')),
  agent_user_id uuid references profiles (id) on delete set null,
  -- the Cloud API message type as sent (text, image, interactive, ...), `template` for
  -- campaigns; the type's own object kept verbatim in `content`
  message_type text not null check (length(message_type) between 1 and 40),
  body text,
  content jsonb not null default '{}',
  campaign_id uuid references campaigns (id) on delete set null,
  status text not null check (status in ('received', 'queued', 'sent', 'delivered', 'read', 'failed')),
  sent_at timestamptz not null,
  delivered_at timestamptz,
  read_at timestamptz,
  failed_at timestamptz,
  -- the failed status's `errors` and the latest `pricing`, verbatim
  errors jsonb,
  pricing jsonb,
  event_id bigint references wa_webhook_events (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint messages_provider_message_id_key unique (provider_message_id),
  constraint messages_sender_matches_direction
    check ((direction = 'inbound') = (sender_kind = 'customer')),
  constraint messages_campaign_outside_conversation
    check (conversation_id is not null or (campaign_id is not null and direction = 'outbound'))
);
create index messages_conversation_idx on messages (conversation_id, sent_at, id);
create index messages_sent_idx on messages (sent_at);
create index messages_campaign_idx on messages (campaign_id, sent_at) where campaign_id is not null;
create index messages_phone_idx on messages (customer_phone, sent_at);

-- WA-4: every status the provider reported, once per message and status, whether or not
-- the message itself is known yet (statuses may come before n8n forwards the message).
create table message_status_events (
  provider_message_id text not null,
  status text not null check (status in ('sent', 'delivered', 'read', 'failed')),
  occurred_at timestamptz not null,
  recipient_phone text,
  errors jsonb,
  pricing jsonb,
  conversation jsonb,
  event_id bigint references wa_webhook_events (id) on delete set null,
  received_at timestamptz not null default now(),
  primary key (provider_message_id, status)
);

create trigger conversations_set_updated_at before update on conversations
  for each row execute function set_updated_at();
-- audited where people act (status, assignment, ticket), not on every message's touch
create trigger conversations_audit after update of status, assigned_to_user_id, ticket_id or delete
  on conversations for each row execute function audit_row_change();
create trigger campaigns_audit after insert or update or delete on campaigns
  for each row execute function audit_row_change();

alter table wa_webhook_events enable row level security;
alter table campaigns enable row level security;
alter table conversations enable row level security;
alter table messages enable row level security;
alter table message_status_events enable row level security;

-- ---------------------------------------------------------------------------------------
-- Who sees what (WA-3 scopes): super admin and director everything; the CS admin every
-- conversation; a CS agent those assigned to them and the unassigned queue; sales their
-- customers' conversations (the customers whose AR they see). Campaign messages outside
-- any conversation: management, CS admin and marketing.

grant select on conversations, messages to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent,
  cc_sales_manager, cc_salesperson;
grant update (status, resolved_at, resolved_by, assigned_to_user_id, assigned_at, ticket_id)
  on conversations to cc_super_admin, cc_cs_admin, cc_cs_agent;
grant select on messages to cc_marketing_manager, cc_marketing_staff;
grant select on campaigns to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent,
  cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson;
grant select on message_status_events, wa_webhook_events to cc_super_admin, cc_director, cc_cs_admin;
grant select, update on wa_webhook_events to cc_worker;

create policy conversations_all on conversations for select to cc_super_admin, cc_director, cc_cs_admin
  using (true);
create policy conversations_cs_agent on conversations for select to cc_cs_agent
  using (assigned_to_user_id = (select app.uid()) or assigned_to_user_id is null);
create policy conversations_sales on conversations for select to cc_sales_manager, cc_salesperson
  using (customer_id = any ((select app.ar_customer_ids())::uuid[]));
create policy conversations_update_admin on conversations for update to cc_super_admin, cc_cs_admin
  using (true) with check (true);
-- an agent works their own conversations and the unassigned queue: takes them (to
-- themselves only) or hands them back to the queue
create policy conversations_update_cs_agent on conversations for update to cc_cs_agent
  using (assigned_to_user_id = (select app.uid()) or assigned_to_user_id is null)
  with check (assigned_to_user_id = (select app.uid()) or assigned_to_user_id is null);

create policy messages_of_visible_conversations on messages for select
  to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent, cc_sales_manager, cc_salesperson
  using (exists (select 1 from conversations c where c.id = messages.conversation_id));
create policy messages_campaigns on messages for select
  to cc_super_admin, cc_director, cc_cs_admin, cc_marketing_manager, cc_marketing_staff
  using (conversation_id is null);
create policy campaigns_read on campaigns for select
  to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent, cc_marketing_manager, cc_marketing_staff,
     cc_sales_manager, cc_salesperson
  using (true);
create policy message_status_events_read on message_status_events for select
  to cc_super_admin, cc_director, cc_cs_admin using (true);
create policy wa_webhook_events_read on wa_webhook_events for select
  to cc_super_admin, cc_director, cc_cs_admin using (true);
create policy wa_webhook_events_worker on wa_webhook_events for all to cc_worker
  using (true) with check (true);

-- The customer's name and the lead's code of a conversation the caller may see (CS roles
-- read no customers or leads tables). SECURITY DEFINER; checks the conversation's scope
-- as its policies do and returns nothing otherwise. Caller: cc_staff.
create function app.wa_conversation_party(p_conversation uuid)
  returns table (customer_name text, lead_code text)
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    select cu.company_name, l.lead_code
      from conversations c
      left join customers cu on cu.id = c.customer_id
      left join leads l on l.id = c.lead_id
     where c.id = p_conversation
       and (app.role() in ('super_admin', 'director', 'cs_admin')
            or (app.role() = 'cs_agent'
                and (c.assigned_to_user_id = app.uid() or c.assigned_to_user_id is null))
            or (app.role() in ('sales_manager', 'salesperson')
                and c.customer_id = any (app.ar_customer_ids())))
  $$;
revoke execute on function app.wa_conversation_party(uuid) from public;
grant execute on function app.wa_conversation_party(uuid) to cc_staff;

-- ---------------------------------------------------------------------------------------
-- Intake. The functions below are SECURITY DEFINER: the webhook's caller is an API key
-- or a signature the server checked, and processing writes conversations, messages and
-- (through the lead bundle's own functions) customers, prospects and leads on its behalf.

-- WA-4: stores a body once; returns its event and whether it was stored before.
-- Caller: integrations (API key), the worker (signed direct subscriptions).
create function app.wa_receive(p_kind text, p_sha256 text, p_body jsonb, p_via text,
                               p_create_leads boolean)
  returns table (event_id bigint, duplicate boolean)
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
begin
  insert into wa_webhook_events (kind, body_sha256, body, via, api_key_id, create_leads)
  values (p_kind, p_sha256, p_body, p_via, app.api_key_id(), p_create_leads)
  on conflict (kind, body_sha256) do nothing
  returning id into event_id;
  duplicate := event_id is null;
  if duplicate then
    select e.id into event_id from wa_webhook_events e
     where e.kind = p_kind and e.body_sha256 = p_sha256;
  end if;
  return next;
end
$$;

-- Status precedence (WA-4): a message shows the furthest status it reached; `failed`
-- outranks `sent` but not a later proof of delivery.
create function app.wa_status_rank(p_status text) returns integer
  language sql immutable parallel safe
  as $$
    select case p_status when 'received' then 0 when 'queued' then 1 when 'sent' then 2
                         when 'failed' then 3 when 'delivered' then 4 when 'read' then 5 end
  $$;

-- The customer and lead a number belongs to; with `p_create_lead` an unknown number
-- becomes a lead with channel `whatsapp` through the lead bundle's dedup functions
-- (customer → unassigned prospect → lead).
create function app.wa_link(p_phone text, p_name text, p_create_lead boolean,
                            out customer_id uuid, out lead_id uuid)
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_prospect uuid;
  v_matched text;
  v_name text := coalesce(nullif(btrim(p_name), ''), p_phone);
begin
  select c.id into customer_id from customers c
   where c.phone = p_phone and c.merged_into_id is null and c.deleted_at is null;
  if customer_id is null then
    select l.customer_id, l.id into customer_id, lead_id from leads l
     where l.phone = p_phone and l.deleted_at is null
     order by l.created_at desc limit 1;
  else
    select l.id into lead_id from leads l
     where l.customer_id = wa_link.customer_id and l.deleted_at is null
     order by (l.phone = p_phone) desc, l.created_at desc limit 1;
  end if;
  if customer_id is not null or not p_create_lead then
    return;
  end if;
  select f.customer_id, f.matched_on into customer_id, v_matched
    from app.crm_find_or_create_customer(null, null, p_phone, null, null, v_name, null) f;
  if v_matched is not null then
    -- another message of this number created it meanwhile, with its lead
    select l.id into lead_id from leads l
     where l.customer_id = wa_link.customer_id and l.deleted_at is null
     order by l.created_at desc limit 1;
    return;
  end if;
  v_prospect := app.crm_find_or_create_prospect(customer_id, null, null);
  insert into leads (channel, channel_raw, contact_name, phone, notes, customer_id, prospect_id,
                     matched_on)
  values ('whatsapp', 'whatsapp', left(v_name, 200), p_phone,
          'Pesan WhatsApp pertama dari nomor baru.', customer_id, v_prospect, null)
  returning id into lead_id;
end
$$;

-- The conversation a message at `p_at` joins: the current one of the pair of numbers,
-- unless it was resolved or — for a customer's message (`p_inbound`) — silent for 24
-- hours, in which case that one stops being current (an unresolved one is resolved by
-- `timeout` at its last message) and a new one starts. Our reply to a customer who waited
-- longer still belongs to their conversation. Race-free through conversations_current_key. With `p_open` false (a campaign
-- message) no conversation is started: returns null when none is current or the message
-- is older than the current one.
create function app.wa_conversation(p_business_id text, p_business_phone text, p_phone text,
                                    p_name text, p_at timestamptz, p_open boolean,
                                    p_create_lead boolean, p_inbound boolean)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_conv conversations%rowtype;
  v_link record;
  v_id uuid;
  v_attempt int;
begin
  for v_attempt in 1..5 loop
    select * into v_conv from conversations c
     where c.business_phone_id = p_business_id and c.customer_phone = p_phone and c.is_current
     for update;
    if not p_open and (not found or p_at < v_conv.opened_at) then
      -- a campaign message from before the conversation is not part of it
      return null;
    end if;
    if found and v_conv.status <> 'resolved'
       and (not p_inbound or v_conv.last_message_at > p_at - interval '24 hours') then
      return v_conv.id;
    end if;
    if not p_open then
      return null;
    end if;
    if not found and p_inbound then
      -- our message went out before any body told us the business number: the customer's
      -- answer names it
      update conversations c set business_phone_id = p_business_id,
             business_phone = coalesce(c.business_phone, p_business_phone)
       where c.customer_phone = p_phone and c.business_phone_id = 'unknown' and c.is_current
         and c.status <> 'resolved' and c.last_message_at > p_at - interval '24 hours'
         and not exists (select 1 from conversations x where x.business_phone_id = p_business_id
                            and x.customer_phone = p_phone and x.is_current)
      returning c.id into v_id;
      if v_id is not null then
        return v_id;
      end if;
    end if;
    if found then
      update conversations set is_current = false,
             status = 'resolved',
             resolved_at = coalesce(v_conv.resolved_at, v_conv.last_message_at),
             resolved_by = coalesce(v_conv.resolved_by, 'timeout')
       where id = v_conv.id;
    end if;
    select * into v_link from app.wa_link(p_phone, p_name, p_create_lead);
    insert into conversations (business_phone_id, business_phone, customer_phone, contact_name,
                               customer_id, lead_id, opened_at, last_message_at)
    values (p_business_id, p_business_phone, p_phone, nullif(btrim(p_name), ''),
            v_link.customer_id, v_link.lead_id, p_at, p_at)
    on conflict do nothing
    returning id into v_id;
    if v_id is not null then
      return v_id;
    end if;
  end loop;
  raise exception 'conversation lookup did not settle' using errcode = '40001';
end
$$;

-- Recomputes the status of messages from their status events (WA-4 precedence).
create function app.wa_apply_statuses(p_ids text[]) returns void
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    update messages m set
        status = case when app.wa_status_rank(s.top) > app.wa_status_rank(m.status) then s.top
                      else m.status end,
        delivered_at = coalesce(s.delivered_at, m.delivered_at),
        read_at = coalesce(s.read_at, m.read_at),
        failed_at = coalesce(s.failed_at, m.failed_at),
        errors = coalesce(s.errors, m.errors),
        pricing = coalesce(s.pricing, m.pricing)
      from (select e.provider_message_id,
                   (array_agg(e.status order by app.wa_status_rank(e.status) desc))[1] as top,
                   max(e.occurred_at) filter (where e.status = 'delivered') as delivered_at,
                   max(e.occurred_at) filter (where e.status = 'read') as read_at,
                   max(e.occurred_at) filter (where e.status = 'failed') as failed_at,
                   (array_agg(e.errors) filter (where e.status = 'failed'))[1] as errors,
                   (array_agg(e.pricing order by e.occurred_at desc) filter (where e.pricing is not null))[1] as pricing
              from message_status_events e
             where e.provider_message_id = any (p_ids)
             group by e.provider_message_id) s
     where m.provider_message_id = s.provider_message_id and m.direction = 'outbound'
  $$;

-- Joins a stored message to its conversation's times: last message, last inbound, the
-- first reply of an agent and of the bot after the customer wrote.
create function app.wa_touch_conversation(p_id uuid, p_direction text, p_sender text,
                                          p_agent uuid, p_at timestamptz)
  returns void
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    update conversations c set
        opened_at = least(c.opened_at, p_at),
        last_message_at = greatest(c.last_message_at, p_at),
        last_inbound_at = case when p_direction = 'inbound'
                               then greatest(c.last_inbound_at, p_at) else c.last_inbound_at end,
        first_agent_reply_at = case when p_sender = 'agent' and c.first_agent_reply_at is null
                                    then p_at else c.first_agent_reply_at end,
        first_bot_reply_at = case when p_sender = 'bot' and c.first_bot_reply_at is null
                                  then p_at else c.first_bot_reply_at end
     where c.id = p_id;
    -- the first agent to answer an unassigned conversation takes it
    update conversations c set assigned_to_user_id = p_agent, assigned_at = p_at
     where c.id = p_id and c.assigned_to_user_id is null and p_agent is not null;
  $$;

-- Processes a stored Cloud API body: every entry, change, message and status. Returns
-- counts {messages, duplicates, statuses, conversations}.
create function app.wa_process_cloud(p_event_id bigint, p_body jsonb, p_create_leads boolean)
  returns jsonb
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_value jsonb;
  v_msg jsonb;
  v_st jsonb;
  v_phone text;
  v_name text;
  v_at timestamptz;
  v_conv uuid;
  v_type text;
  v_stored int := 0;
  v_dupes int := 0;
  v_statuses int := 0;
  v_status_ids text[] := '{}';
  v_conversations uuid[] := '{}';
begin
  for v_value in
    select ch -> 'value'
      from jsonb_array_elements(coalesce(p_body -> 'entry', '[]')) en,
           jsonb_array_elements(coalesce(en -> 'changes', '[]')) ch
     where jsonb_typeof(ch -> 'value') = 'object'
  loop
    for v_msg in
      select m from jsonb_array_elements(coalesce(v_value -> 'messages', '[]')) m
       order by (m ->> 'timestamp') nulls last
    loop
      if coalesce(v_msg ->> 'id', '') = '' or coalesce(v_msg ->> 'from', '') !~ '^[1-9][0-9]{6,14}$' then
        continue;
      end if;
      if exists (select 1 from messages where provider_message_id = v_msg ->> 'id') then
        v_dupes := v_dupes + 1;
        continue;
      end if;
      v_phone := '+' || (v_msg ->> 'from');
      select c -> 'profile' ->> 'name' into v_name
        from jsonb_array_elements(coalesce(v_value -> 'contacts', '[]')) c
       where c ->> 'wa_id' = v_msg ->> 'from' limit 1;
      v_at := case when coalesce(v_msg ->> 'timestamp', '') ~ '^[0-9]{1,12}$'
                   then to_timestamp((v_msg ->> 'timestamp')::bigint) else now() end;
      v_type := coalesce(nullif(left(v_msg ->> 'type', 40), ''), 'unknown');
      v_conv := app.wa_conversation(coalesce(v_value -> 'metadata' ->> 'phone_number_id', 'unknown'),
                                    v_value -> 'metadata' ->> 'display_phone_number',
                                    v_phone, v_name, v_at, true, p_create_leads, true);
      insert into messages (provider_message_id, conversation_id, customer_phone, direction,
                            sender_kind, message_type, body, content, status, sent_at, errors,
                            event_id)
      values (v_msg ->> 'id', v_conv, v_phone, 'inbound', 'customer', v_type,
              coalesce(v_msg -> 'text' ->> 'body',
                       v_msg -> v_type ->> 'caption',
                       v_msg -> 'interactive' -> 'button_reply' ->> 'title',
                       v_msg -> 'interactive' -> 'list_reply' ->> 'title',
                       v_msg -> 'button' ->> 'text',
                       v_msg -> 'reaction' ->> 'emoji',
                       v_msg -> 'location' ->> 'name'),
              coalesce(v_msg -> v_type, '{}'), 'received', v_at, v_msg -> 'errors', p_event_id)
      on conflict (provider_message_id) do nothing;
      if found then
        v_stored := v_stored + 1;
        v_conversations := v_conversations || v_conv;
        perform app.wa_touch_conversation(v_conv, 'inbound', 'customer', null, v_at);
      else
        v_dupes := v_dupes + 1;
      end if;
    end loop;
    for v_st in select s from jsonb_array_elements(coalesce(v_value -> 'statuses', '[]')) s loop
      if coalesce(v_st ->> 'id', '') = ''
         or coalesce(v_st ->> 'status', '') not in ('sent', 'delivered', 'read', 'failed') then
        continue;
      end if;
      insert into message_status_events (provider_message_id, status, occurred_at, recipient_phone,
                                         errors, pricing, conversation, event_id)
      values (v_st ->> 'id', v_st ->> 'status',
              case when coalesce(v_st ->> 'timestamp', '') ~ '^[0-9]{1,12}$'
                   then to_timestamp((v_st ->> 'timestamp')::bigint) else now() end,
              case when coalesce(v_st ->> 'recipient_id', '') ~ '^[1-9][0-9]{6,14}$'
                   then '+' || (v_st ->> 'recipient_id') end,
              v_st -> 'errors', v_st -> 'pricing', v_st -> 'conversation', p_event_id)
      on conflict (provider_message_id, status) do nothing;
      if found then
        v_statuses := v_statuses + 1;
        v_status_ids := v_status_ids || (v_st ->> 'id');
      end if;
    end loop;
  end loop;
  if cardinality(v_status_ids) > 0 then
    perform app.wa_apply_statuses(v_status_ids);
  end if;
  return jsonb_build_object('messages', v_stored, 'duplicates', v_dupes, 'statuses', v_statuses,
                            'conversations', (select coalesce(jsonb_agg(distinct c), '[]')
                                                from unnest(v_conversations) c));
end
$$;

-- Processes a stored outbound batch (already validated by the server: `to` in E.164,
-- `timestamp` RFC 3339, `sender_kind` agent|bot). A campaign message joins the current
-- conversation when there is one and starts none.
create function app.wa_process_outbound(p_event_id bigint, p_body jsonb, p_create_leads boolean)
  returns jsonb
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_item jsonb;
  v_conv uuid;
  v_campaign uuid;
  v_agent uuid;
  v_at timestamptz;
  v_business text;
  v_stored int := 0;
  v_dupes int := 0;
  v_ids text[] := '{}';
  v_conversations uuid[] := '{}';
begin
  for v_item in select i from jsonb_array_elements(p_body) i order by i ->> 'timestamp' loop
    if exists (select 1 from messages where provider_message_id = v_item ->> 'provider_message_id') then
      v_dupes := v_dupes + 1;
      continue;
    end if;
    v_at := (v_item ->> 'timestamp')::timestamptz;
    v_campaign := null;
    if coalesce(btrim(v_item ->> 'campaign'), '') <> '' then
      select k.id into v_campaign from campaigns k where k.name = btrim(v_item ->> 'campaign')::citext;
      if v_campaign is null then
        insert into campaigns (name, first_sent_at) values (btrim(v_item ->> 'campaign'), v_at)
        on conflict (name) do nothing
        returning id into v_campaign;
      end if;
      if v_campaign is null then
        select k.id into v_campaign from campaigns k where k.name = btrim(v_item ->> 'campaign')::citext;
      end if;
      update campaigns set first_sent_at = v_at where id = v_campaign and first_sent_at > v_at;
    end if;
    select p.id into v_agent from profiles p
     where v_item ->> 'agent_email' is not null and p.email = (v_item ->> 'agent_email')::citext;
    -- the business number: as given, else the customer's latest, else the latest used
    v_business := coalesce(nullif(v_item ->> 'phone_number_id', ''),
                           (select c.business_phone_id from conversations c
                             where c.customer_phone = v_item ->> 'to' order by c.opened_at desc limit 1),
                           (select c.business_phone_id from conversations c order by c.opened_at desc limit 1),
                           'unknown');
    v_conv := app.wa_conversation(v_business, null, v_item ->> 'to', null, v_at, v_campaign is null,
                                  p_create_leads, false);
    insert into messages (provider_message_id, conversation_id, customer_phone, direction,
                          sender_kind, agent_user_id, message_type, body, content, campaign_id,
                          status, sent_at, event_id)
    values (v_item ->> 'provider_message_id', v_conv, v_item ->> 'to', 'outbound',
            v_item ->> 'sender_kind', v_agent, case when v_campaign is null then 'text' else 'template' end,
            v_item ->> 'text', '{}', v_campaign, 'sent', v_at, p_event_id)
    on conflict (provider_message_id) do nothing;
    if not found then
      v_dupes := v_dupes + 1;
      continue;
    end if;
    v_stored := v_stored + 1;
    v_ids := v_ids || (v_item ->> 'provider_message_id');
    if v_conv is not null then
      v_conversations := v_conversations || v_conv;
      perform app.wa_touch_conversation(v_conv, 'outbound', v_item ->> 'sender_kind', v_agent, v_at);
    end if;
  end loop;
  -- statuses that came before the message
  perform app.wa_apply_statuses(v_ids);
  return jsonb_build_object('messages', v_stored, 'duplicates', v_dupes, 'statuses', 0,
                            'conversations', (select coalesce(jsonb_agg(distinct c), '[]')
                                                from unnest(v_conversations) c));
end
$$;

-- Processes a stored event once: marks it processed and returns the counts; an event
-- already processed returns null. Caller: integrations (right after storing), the worker
-- (events whose first processing failed).
create function app.wa_process(p_event_id bigint) returns jsonb
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_event wa_webhook_events%rowtype;
  v_result jsonb;
begin
  select * into v_event from wa_webhook_events where id = p_event_id for update;
  if not found or v_event.processed_at is not null then
    return null;
  end if;
  if v_event.kind = 'cloud_api' then
    v_result := app.wa_process_cloud(v_event.id, v_event.body, v_event.create_leads);
  else
    v_result := app.wa_process_outbound(v_event.id, v_event.body, v_event.create_leads);
  end if;
  update wa_webhook_events set processed_at = now(), attempts = attempts + 1, last_error = null
   where id = v_event.id;
  return v_result;
end
$$;

-- Records a failed processing attempt (the body stays for the worker to retry).
create function app.wa_process_failed(p_event_id bigint, p_error text) returns void
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    update wa_webhook_events set attempts = attempts + 1, last_error = left(p_error, 2000)
     where id = p_event_id and processed_at is null
  $$;

revoke execute on function
  app.wa_receive(text, text, jsonb, text, boolean),
  app.wa_link(text, text, boolean),
  app.wa_conversation(text, text, text, text, timestamptz, boolean, boolean, boolean),
  app.wa_apply_statuses(text[]),
  app.wa_touch_conversation(uuid, text, text, uuid, timestamptz),
  app.wa_process_cloud(bigint, jsonb, boolean),
  app.wa_process_outbound(bigint, jsonb, boolean),
  app.wa_process(bigint),
  app.wa_process_failed(bigint, text)
  from public;
grant execute on function
  app.wa_receive(text, text, jsonb, text, boolean),
  app.wa_process(bigint),
  app.wa_process_failed(bigint, text)
  to cc_integration, cc_worker;
grant execute on function app.wa_status_rank(text) to cc_staff, cc_integration, cc_worker;
