//! Synthetic WhatsApp traffic for benchmarks (`seed --scale N`, issue #16 item 8): N/2
//! conversations of N/5 customer numbers over the last year, ten messages each (the
//! customer, the bot, then an agent taking turns) — 5·N messages — and N/5 campaign
//! messages outside conversations, with delivery outcomes, failures and pricing. Written
//! set-based (`INSERT … SELECT` over `generate_series`, pseudo-random by `hashint8`, so the
//! same N gives the same rows) in one transaction; the intake functions are not involved
//! (the demo data goes through them). Codes in their own series: `CONV-S-000000001`,
//! message ids `wamid.scale.<n>`.

use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WaCounts {
    pub conversations: u64,
    pub messages: u64,
    pub campaign_messages: u64,
}

/// Minutes between the turns of a conversation: 1 to 10, per conversation.
const CONVERSATIONS: &str = r#"
insert into conversations (conversation_code, business_phone_id, business_phone, customer_phone,
    contact_name, assigned_to_user_id, assigned_at, status, opened_at, last_message_at,
    last_inbound_at, first_bot_reply_at, first_agent_reply_at, resolved_at, resolved_by,
    is_current, created_at, updated_at)
select 'CONV-S-' || lpad(g::text, 9, '0'), '110000000000001', '6281100000000',
       '+62819' || lpad((g % $2)::text, 8, '0'), 'Pelanggan ' || (g % $2),
       ($3::uuid[])[1 + abs(hashint8(g)) % cardinality($3::uuid[])], x.opened + x.step * 3,
       case when not x.current or x.opened < now() - interval '2 days' then 'resolved'
            when g % 3 = 0 then 'pending' else 'open' end,
       x.opened, x.opened + x.step * 9, x.opened + x.step * 8, x.opened + x.step,
       x.opened + x.step * 3,
       case when not x.current or x.opened < now() - interval '2 days' then x.opened + x.step * 10 end,
       case when not x.current or x.opened < now() - interval '2 days' then 'agent' end,
       x.current, x.opened, x.opened + x.step * 10
  from generate_series(0, $1 - 1) g,
       lateral (select now() - interval '365 days' * (1 - g::float8 / $1)
                         - interval '1 hour' * (abs(hashint8(g + 7)) % 6) as opened,
                       interval '1 minute' * (1 + abs(hashint8(g + 11)) % 10) as step,
                       g + $2 >= $1 as current) x
"#;

/// Turn i (1–10) of each conversation: odd turns the customer, 2 the bot, even turns
/// from 4 on its agent; outbound outcomes read 70 %, delivered 20 %, sent 5 %, failed 5 %.
const MESSAGES: &str = r#"
insert into messages (provider_message_id, conversation_id, customer_phone, direction, sender_kind,
    agent_user_id, message_type, body, content, status, sent_at, delivered_at, read_at, failed_at,
    errors, pricing, created_at)
select 'wamid.scale.' || c.conversation_code || '.' || i, c.id, c.customer_phone,
       case when i % 2 = 1 then 'inbound' else 'outbound' end,
       case when i % 2 = 1 then 'customer' when i = 2 then 'bot' else 'agent' end,
       case when i % 2 = 0 and i > 2 then c.assigned_to_user_id end,
       case when i = 3 and abs(hashint8(h)) % 4 = 0 then 'image' else 'text' end,
       case when i % 2 = 1 then 'Halo, paket saya sudah sampai mana?' else 'Baik, kami bantu cek.' end,
       '{}', o.status, o.at,
       case when o.status in ('delivered', 'read') then o.at + interval '2 seconds' end,
       case when o.status = 'read' then o.at + interval '1 minute' end,
       case when o.status = 'failed' then o.at + interval '2 seconds' end,
       case when o.status = 'failed' then '[{"code": 131026, "title": "Message undeliverable"}]'::jsonb end,
       case when i % 2 = 0 then '{"billable": false, "pricing_model": "PMP", "category": "service"}'::jsonb end,
       o.at
  from conversations c,
       generate_series(1, 10) i,
       lateral (select hashint8(i::bigint * 1000003 + abs(hashtext(c.conversation_code))) as h) hh,
       lateral (select c.opened_at + (c.last_message_at - c.opened_at) / 9 * (i - 1) as at,
                       case when i % 2 = 1 then 'received'
                            else (case when abs(h) % 100 < 70 then 'read' when abs(h) % 100 < 90 then 'delivered'
                                       when abs(h) % 100 < 95 then 'sent' else 'failed' end) end as status) o
 where c.conversation_code like 'CONV-S-%'
"#;

const CAMPAIGNS: &str = r#"
insert into campaigns (name, first_sent_at)
select 'Kampanye ' || to_char(m, 'YYYY-MM'), m + interval '9 hours'
  from generate_series(date_trunc('month', now() - interval '11 months'), date_trunc('month', now()),
                       interval '1 month') m
on conflict (name) do nothing
"#;

/// Campaign messages outside conversations: each month's campaign to numbers of the pool.
const CAMPAIGN_MESSAGES: &str = r#"
insert into messages (provider_message_id, customer_phone, direction, sender_kind, message_type, body,
    campaign_id, status, sent_at, delivered_at, read_at, failed_at, errors, pricing, created_at)
select 'wamid.scale.campaign.' || g, '+62819' || lpad((g % $2)::text, 8, '0'), 'outbound', 'bot', 'template',
       'Promo bulan ini untuk pelanggan setia.', k.id, s.status, s.at,
       case when s.status in ('delivered', 'read') then s.at + interval '3 seconds' end,
       case when s.status = 'read' then s.at + interval '2 hours' end,
       case when s.status = 'failed' then s.at + interval '3 seconds' end,
       case when s.status = 'failed' then '[{"code": 131049, "title": "This message was not delivered to maintain healthy ecosystem engagement."}]'::jsonb end,
       case when s.status in ('delivered', 'read') then '{"billable": true, "pricing_model": "PMP", "category": "marketing"}'::jsonb end,
       s.at
  from generate_series(0, $1 - 1) g,
       lateral (select (array_agg(id order by first_sent_at))[1 + g % 12] as id,
                       (array_agg(first_sent_at order by first_sent_at))[1 + g % 12] as first_sent_at
                  from campaigns where name like 'Kampanye %') k,
       lateral (select least(k.first_sent_at + interval '1 second' * (g % 3600), now()) as at,
                       case when abs(hashint8(g + 13)) % 100 < 40 then 'read'
                            when abs(hashint8(g + 13)) % 100 < 88 then 'delivered'
                            when abs(hashint8(g + 13)) % 100 < 94 then 'sent' else 'failed' end as status) s
"#;

/// Adds `count`/2 conversations with ten messages each and `count`/5 campaign messages;
/// conversations are assigned to `agents` in turn (nothing is added without agents, nor
/// when an earlier run added them).
pub async fn seed(owner: &PgPool, count: u64, agents: &[Uuid]) -> anyhow::Result<WaCounts> {
    if agents.is_empty() || count < 10 {
        return Ok(WaCounts::default());
    }
    let conversations = i64::try_from(count / 2)?;
    let numbers = i64::try_from((count / 5).max(1))?;
    let campaign = i64::try_from(count / 5)?;
    let mut tx = owner.begin().await?;
    let first = sqlx::query_scalar::<_, i64>(
        "select count(*) from conversations where conversation_code like 'CONV-S-%'",
    )
    .fetch_one(&mut *tx)
    .await?;
    if first > 0 {
        tracing::info!(
            conversations = first,
            "the synthetic WhatsApp traffic is there already"
        );
        return Ok(WaCounts::default());
    }
    sqlx::query(CONVERSATIONS)
        .bind(conversations)
        .bind(numbers)
        .bind(agents)
        .execute(&mut *tx)
        .await?;
    let messages = sqlx::query(MESSAGES)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    sqlx::query(CAMPAIGNS).execute(&mut *tx).await?;
    let campaign_messages = sqlx::query(CAMPAIGN_MESSAGES)
        .bind(campaign)
        .bind(numbers)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(WaCounts {
        conversations: u64::try_from(conversations)?,
        messages,
        campaign_messages,
    })
}
