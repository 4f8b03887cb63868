//! Synthetic ticketing data for benchmarks (`seed --scale N`, SPEC §6): N WhatsApp
//! broadcast logs over N/3 shipments, and N tickets of every type and state spread over a
//! year with their conversations (about five messages a ticket) and SLA trails — all by
//! `COPY` in one transaction.
//!
//! The row triggers of these tables (status machine, SLA events, realtime
//! announcements, audit, shipment upsert, broadcast rules) are switched off for the load
//! and switched back on before commit: a million `pg_notify` calls and per-row upserts
//! would dominate the load, and the status machine would reset every ticket to `open`.
//! What they would have written is written in bulk instead — the SLA trail by `COPY`,
//! shipments per AWB and the broadcast summary's day counts by one `INSERT … SELECT`
//! each. Foreign keys stay checked.
//!
//! Codes come in their own series so they never clash with application codes:
//! `TKT-S-000000001` and AWBs `SCL0000000001` (continuing after the highest existing
//! one when the seed runs again).

use chrono::{DateTime, Duration, Utc};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::crm_scale::{copy, highest, opt, ts, PEOPLE};
use super::rng::Rng;
use super::ticket_demo::{CITIES, ERRORS};

/// Who works the synthetic tickets.
pub struct People {
    /// CS agents the tickets are assigned to in turn (the demo agents first).
    pub agents: Vec<Uuid>,
    /// Assigns tickets (the demo CS admin when loaded).
    pub admin: Option<Uuid>,
    /// The n8n key that sends most tickets (the demo key when loaded).
    pub api_key: Option<Uuid>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TicketCounts {
    pub broadcast_logs: u64,
    pub shipments: u64,
    pub tickets: u64,
    pub messages: u64,
    pub sla_events: u64,
}

const TYPES: &[(&str, u64)] = &[
    ("shipment_issue", 40),
    ("general_request", 25),
    ("complaint", 20),
    ("inquiry_tariff", 15),
];
const PRIORITIES: &[(&str, u64)] = &[("low", 20), ("medium", 50), ("high", 22), ("urgent", 8)];
const OPS_DEPTS: &[&str] = &["EXIM", "DOM", "IMP", "WH"];
const REPLIES: &[&str] = &[
    "Halo, terima kasih sudah menghubungi kami. Kami sedang mengecek permintaan Anda.",
    "Kami sudah koordinasi dengan hub tujuan, mohon ditunggu kabar berikutnya.",
    "Update: paket sudah dijadwalkan ulang untuk pengiriman besok.",
    "Mohon kirimkan foto bukti kerusakan agar kami bisa proses klaim.",
    "Terima kasih atas kesabarannya, masalah sudah kami selesaikan.",
];
const NOTES: &[&str] = &[
    "Cek status di hub tujuan dulu.",
    "Sudah telepon kurir, menunggu konfirmasi.",
    "Eskalasi ke supervisor gudang.",
];
/// Broadcasts per shipment (picked up, on the way, delivered).
const LOGS_PER_AWB: u64 = 3;

/// One synthetic ticket, the same in each pass (tickets, messages, SLA events).
struct Ticket {
    id: Uuid,
    kind: &'static str,
    priority: &'static str,
    status: &'static str,
    dept: &'static str,
    assignee: Option<Uuid>,
    from_n8n: bool,
    creator: Option<Uuid>,
    contact: &'static str,
    city: &'static str,
    phone: String,
    awb: Option<String>,
    masked: bool,
    outcome: Option<&'static str>,
    created_at: DateTime<Utc>,
    /// The first reply, when there is one (every ticket past `open`).
    first_response: Option<DateTime<Utc>>,
    /// When it left `in_progress` for pending / on hold / closed.
    moved_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
    messages: u64,
}

struct Plan<'a> {
    people: &'a People,
    now: DateTime<Utc>,
    ids: u128,
    first_ticket: u64,
    first_awb: u64,
    awbs: u64,
}

impl Plan<'_> {
    fn ticket(&self, n: u64) -> Ticket {
        let number = self.first_ticket + n + 1;
        let mut rng = Rng::new(number.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x0007_1CE7);
        let kind = *rng.weighted(TYPES);
        let priority = *rng.weighted(PRIORITIES);
        let created_at = self.now - Duration::seconds(rng.range(600, 365 * 86_400));
        let age_days = (self.now - created_at).num_days();
        let status = *rng.weighted(match age_days {
            0..=1 => &[
                ("open", 40),
                ("in_progress", 35),
                ("pending", 10),
                ("on_hold", 5),
                ("closed", 10),
            ],
            2..=13 => &[
                ("open", 5),
                ("in_progress", 20),
                ("pending", 10),
                ("on_hold", 5),
                ("closed", 60),
            ],
            _ => &[
                ("open", 0),
                ("in_progress", 0),
                ("pending", 2),
                ("on_hold", 1),
                ("closed", 97),
            ],
        });
        let dept = if kind == "inquiry_tariff" {
            *rng.pick(OPS_DEPTS)
        } else {
            "CS"
        };
        // Operations work their department's queue; CS tickets go to an agent in turn,
        // except part of the new ones still waiting in the unassigned queue.
        let waiting = status == "open" && rng.chance(60);
        let assignee = if dept != "CS" || self.people.agents.is_empty() || waiting {
            None
        } else {
            let slot = usize::try_from(number % self.people.agents.len() as u64).unwrap_or(0);
            Some(self.people.agents[slot])
        };
        let from_n8n = self.people.api_key.is_some() && kind != "inquiry_tariff" && rng.chance(65);
        let creator = if from_n8n {
            None
        } else {
            assignee.or(self.people.admin)
        };
        let first_response = (status != "open")
            .then(|| (created_at + Duration::minutes(rng.range(5, 8 * 60))).min(self.now));
        let moved_at = first_response
            .filter(|_| status != "in_progress")
            .map(|at| (at + Duration::minutes(rng.range(30, 5 * 24 * 60))).min(self.now));
        let closed_at = moved_at.filter(|_| status == "closed");
        let outcome = (kind == "inquiry_tariff" && status == "closed").then(|| {
            if rng.chance(40) {
                "won"
            } else {
                "lost"
            }
        });
        let awb = (matches!(kind, "shipment_issue" | "complaint") && self.awbs > 0).then(|| {
            format!(
                "SCL{:010}",
                self.first_awb + 1 + rng.range(0, self.awbs as i64 - 1) as u64
            )
        });
        let messages = if first_response.is_some() {
            rng.range(3, 8) as u64
        } else {
            rng.range(0, 1) as u64
        };
        Ticket {
            id: Uuid::from_u128(self.ids.wrapping_add(u128::from(n))),
            kind,
            priority,
            status,
            dept,
            assignee,
            from_n8n,
            creator,
            contact: rng.pick::<&str>(PEOPLE),
            city: rng.pick::<&str>(CITIES),
            phone: format!("+62813{number:08}"),
            awb,
            masked: kind == "inquiry_tariff" && rng.chance(50),
            outcome,
            created_at,
            first_response,
            moved_at,
            closed_at,
            messages,
        }
    }
}

fn subject(t: &Ticket) -> String {
    match (t.kind, &t.awb) {
        ("shipment_issue", Some(awb)) => format!("Paket belum sampai — {awb}"),
        ("complaint", Some(awb)) => format!("Keluhan barang rusak — {awb}"),
        ("inquiry_tariff", _) => format!("Permintaan tarif ke {}", t.city),
        ("complaint", None) => "Keluhan layanan kurir".to_owned(),
        _ => format!("Permintaan jadwal pickup di {}", t.city),
    }
}

/// The enabled user triggers of `table` (switched off for the load and back on after).
async fn enabled_triggers(conn: &mut PgConnection, table: &str) -> anyhow::Result<Vec<String>> {
    Ok(sqlx::query_scalar(
        "select tgname::text from pg_trigger \
          where tgrelid = $1::regclass and not tgisinternal and tgenabled <> 'D' order by tgname",
    )
    .bind(table)
    .fetch_all(&mut *conn)
    .await?)
}

/// Adds `logs` broadcast logs and `tickets` tickets.
pub async fn seed(
    owner: &PgPool,
    tickets: u64,
    logs: u64,
    people: &People,
) -> anyhow::Result<TicketCounts> {
    if tickets == 0 && logs == 0 {
        return Ok(TicketCounts::default());
    }
    let mut tx = owner.begin().await?;
    sqlx::query("set local synchronous_commit = off")
        .execute(&mut *tx)
        .await?;
    let mut disabled = Vec::new();
    for table in ["broadcast_logs", "tickets", "ticket_messages"] {
        let names = enabled_triggers(&mut tx, table).await?;
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        super::switch_triggers(&mut tx, table, &names, false).await?;
        disabled.push((
            table,
            names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>(),
        ));
    }
    let first_awb = highest(
        &mut tx,
        "select max(substr(tracking_number, 4)::bigint) from shipments \
          where tracking_number ~ '^SCL[0-9]{10}$'",
    )
    .await?;
    let first_ticket = highest(
        &mut tx,
        "select max(substr(ticket_code, 7)::bigint) from tickets where ticket_code ~ '^TKT-S-[0-9]{9}$'",
    )
    .await?;
    let now = Utc::now();
    let awbs = logs.div_ceil(LOGS_PER_AWB);
    let plan = Plan {
        people,
        now,
        ids: Uuid::new_v4().as_u128(),
        first_ticket,
        first_awb,
        awbs,
    };

    // Broadcasts: a shipment's messages a day apart from its first one; ~7 % fail, the
    // last hour's still pending.
    let broadcast_logs = copy(
        &mut tx,
        "copy broadcast_logs (tracking_number, consignee_phone, status, message_content, error_message, \
                              broadcast_at, api_key_id, created_at) from stdin",
        logs,
        |n, out| {
            let awb_no = first_awb + n / LOGS_PER_AWB + 1;
            let step = n % LOGS_PER_AWB;
            let mut awb_rng = Rng::new(awb_no.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xB0A7);
            let first = now - Duration::seconds(awb_rng.range(3_600, 365 * 86_400));
            let city = *awb_rng.pick(CITIES);
            let mut rng = Rng::new(awb_no.wrapping_mul(31).wrapping_add(step) ^ 0x10C5);
            let at = (first + Duration::days(step as i64) + Duration::minutes(rng.range(0, 600))).min(now);
            let failed = rng.chance(7);
            let status = if failed {
                "failed"
            } else if at > now - Duration::hours(1) {
                "pending"
            } else {
                "success"
            };
            let message = match step {
                0 => format!("Paket Anda sudah kami terima di gudang (resi SCL{awb_no:010})."),
                1 => format!("Paket Anda dalam perjalanan ke {city} (resi SCL{awb_no:010})."),
                _ => format!("Paket Anda telah diterima di {city} (resi SCL{awb_no:010})."),
            };
            let error = if failed { *rng.weighted(ERRORS) } else { "\\N" };
            let at = ts(at);
            out.push_str(&format!(
                "SCL{awb_no:010}\t+62812{awb_no:08}\t{status}\t{message}\t{error}\t{at}\t{}\t{at}\n",
                opt(people.api_key)
            ));
        },
    )
    .await?;
    // What the shipment trigger would have kept: the latest broadcast per AWB and counts.
    let shipments = sqlx::query(
        "insert into shipments (tracking_number, consignee_phone, last_status, last_message, last_error, \
                                last_broadcast_at, broadcast_count, failed_count, created_at, updated_at) \
         select distinct on (tracking_number) tracking_number, consignee_phone, status, message_content, \
                error_message, broadcast_at, count(*) over w, count(*) filter (where status = 'failed') over w, \
                min(broadcast_at) over w, broadcast_at \
           from broadcast_logs \
          where tracking_number ~ '^SCL[0-9]{10}$' and substr(tracking_number, 4)::bigint > $1 \
         window w as (partition by tracking_number) \
          order by tracking_number, broadcast_at desc",
    )
    .bind(i64::try_from(first_awb).unwrap_or(i64::MAX))
    .execute(&mut *tx)
    .await?
    .rows_affected();

    // And the per-day counts of the broadcast summary (the counting trigger's work).
    sqlx::query(
        "insert into broadcast_daily_counts as c (day, status, error_message, shard, count) \
         select (broadcast_at at time zone 'Asia/Jakarta')::date, status, \
                case when status = 'failed' then coalesce(left(error_message, 500), '') else '' end, 0, count(*) \
           from broadcast_logs \
          where tracking_number ~ '^SCL[0-9]{10}$' and substr(tracking_number, 4)::bigint > $1 \
          group by 1, 2, 3 \
         on conflict (day, status, error_message, shard) do update set count = c.count + excluded.count",
    )
    .bind(i64::try_from(first_awb).unwrap_or(i64::MAX))
    .execute(&mut *tx)
    .await?;

    let rfq = |t: &Ticket| {
        if t.kind == "inquiry_tariff" {
            format!(
                "{{\"service\": \"Ekspor FCL (sea freight)\", \"origin\": \"Jakarta\", \"destination\": \"{}\", \
                 \"commodity\": \"Garmen\", \"weight_kg\": 1200}}",
                t.city
            )
        } else {
            "\\N".to_owned()
        }
    };
    let added_tickets = copy(
        &mut tx,
        "copy tickets (id, ticket_code, ticket_type, priority, status, dept_target, subject, description, \
                       tracking_number, company_name, contact_name, customer_phone, rfq, need_customer_masking, \
                       assigned_to_user_id, source, inquiry_outcome, close_reason, closed_at, created_by, \
                       api_key_id, first_response_at, created_at, updated_at) from stdin",
        tickets,
        |n, out| {
            let t = plan.ticket(n);
            let company = if t.kind == "inquiry_tariff" {
                format!("PT {} Niaga {}", t.contact.split(' ').next().unwrap_or("Mitra"), t.city)
            } else {
                "\\N".to_owned()
            };
            let reason = match (t.status, t.outcome) {
                ("closed", Some("lost")) => "Harga kompetitor lebih murah",
                ("closed", _) => "Masalah selesai, pelanggan konfirmasi",
                _ => "\\N",
            };
            let updated = t.moved_at.or(t.first_response).unwrap_or(t.created_at);
            out.push_str(&format!(
                "{}\tTKT-S-{:09}\t{}\t{}\t{}\t{}\t{}\tDilaporkan pelanggan {} dari {}.\t{}\t{company}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{reason}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                t.id,
                plan.first_ticket + n + 1,
                t.kind,
                t.priority,
                t.status,
                t.dept,
                subject(&t),
                t.contact,
                t.city,
                t.awb.as_deref().unwrap_or("\\N"),
                t.contact,
                t.phone,
                rfq(&t),
                if t.masked { "t" } else { "f" },
                opt(t.assignee),
                if t.from_n8n { "n8n" } else { "web" },
                t.outcome.unwrap_or("\\N"),
                t.closed_at.map_or_else(|| "\\N".to_owned(), ts),
                opt(t.creator),
                opt(if t.from_n8n { people.api_key } else { None }),
                t.first_response.map_or_else(|| "\\N".to_owned(), ts),
                ts(t.created_at),
                ts(updated),
            ));
        },
    )
    .await?;

    // Conversations: an internal note before the first reply, then replies and notes
    // between it and the ticket's last move; all by the assignee (or an agent).
    let messages = copy(
        &mut tx,
        "copy ticket_messages (ticket_id, author_user_id, comment_text, is_internal_note, created_at) from stdin",
        tickets,
        |n, out| {
            let t = plan.ticket(n);
            let author = t.assignee.or(t.creator).or(people.admin);
            let Some(author) = author else { return };
            let start = t.first_response.unwrap_or(t.created_at + Duration::minutes(3));
            let end = t.moved_at.unwrap_or(start + Duration::hours(4)).max(start);
            let span = (end - start).num_seconds().max(1);
            for k in 0..t.messages {
                let (text, internal, at) = match k {
                    0 if t.first_response.is_none() => (NOTES[0], true, start),
                    0 => (NOTES[0], true, start - Duration::minutes(2)),
                    1 => (REPLIES[0], false, start),
                    _ => {
                        let at = start + Duration::seconds(span * k as i64 / t.messages as i64);
                        if k % 3 == 0 {
                            (NOTES[(k as usize) % NOTES.len()], true, at)
                        } else {
                            (REPLIES[(k as usize) % REPLIES.len()], false, at)
                        }
                    }
                };
                out.push_str(&format!("{}\t{author}\t{text}\t{}\t{}\n", t.id, if internal { "t" } else { "f" }, ts(at)));
            }
        },
    )
    .await?;

    // The SLA trail the triggers write as a ticket is worked.
    let sla_events = copy(
        &mut tx,
        "copy sla_events (ticket_id, event_type, from_value, to_value, actor_user_id, occurred_at) from stdin",
        tickets,
        |n, out| {
            let t = plan.ticket(n);
            let id = t.id;
            let mut event = |kind: &str, from: &str, to: &str, actor: Option<Uuid>, at: DateTime<Utc>| {
                out.push_str(&format!("{id}\t{kind}\t{from}\t{to}\t{}\t{}\n", opt(actor), ts(at)));
            };
            event("OPENED", "\\N", "open", t.creator, t.created_at);
            if let Some(agent) = t.assignee {
                event("ASSIGNED", "\\N", &agent.to_string(), people.admin, t.created_at + Duration::minutes(2));
            }
            let Some(first) = t.first_response else { return };
            event("FIRST_RESPONSE", "\\N", "\\N", t.assignee, first);
            event("STATUS_CHANGE", "open", "in_progress", t.assignee, first);
            if let Some(moved) = t.moved_at {
                event("STATUS_CHANGE", "in_progress", t.status, t.assignee, moved);
                if t.status == "closed" {
                    event("RESOLVED", "in_progress", "closed", t.assignee, moved);
                }
            }
        },
    )
    .await?;

    for (table, names) in &disabled {
        super::switch_triggers(&mut tx, table, names, true).await?;
    }
    tx.commit().await?;
    sqlx::query("analyze broadcast_logs, shipments, tickets, ticket_messages, sla_events")
        .execute(owner)
        .await?;
    Ok(TicketCounts {
        broadcast_logs,
        shipments,
        tickets: added_tickets,
        messages,
        sla_events,
    })
}
