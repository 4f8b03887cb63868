//! Demo ticketing (issue #5): a month of WhatsApp broadcasts per AWB with failures, the
//! CS tickets n8n and colleagues opened about them in every type and state, their
//! conversations, and the SLA trail — written as it happened (the triggers that stamp
//! "now" are switched off for the demo transaction and the trail is written explicitly).

use std::collections::HashSet;

use anyhow::Context;
use chrono::{DateTime, Duration, Utc};
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

use super::{crm_demo::Clock, rng::Rng};

/// The triggers that would stamp the demo with the time of seeding.
const STAMPING_TRIGGERS: &[(&str, &str)] = &[
    ("tickets", "tickets_status_machine"),
    ("tickets", "tickets_sla_events"),
    ("tickets", "tickets_announce"),
    ("ticket_messages", "ticket_messages_first_response"),
    ("ticket_messages", "ticket_messages_announce"),
];

/// Switches the stamping triggers off (`false`) or back on (`true`) in `tx`.
pub async fn stamping_triggers(tx: &mut Transaction<'_, Postgres>, on: bool) -> anyhow::Result<()> {
    for (table, trigger) in STAMPING_TRIGGERS {
        super::switch_triggers(tx, table, &[trigger], on).await?;
    }
    Ok(())
}

pub(super) const ERRORS: &[(&str, u64)] = &[
    ("Nomor tidak terdaftar WA", 6),
    ("Timeout gateway WhatsApp", 3),
    ("Template pesan ditolak", 1),
    ("Nomor telepon tidak valid", 2),
];

pub(super) const CITIES: &[&str] = &[
    "Jakarta",
    "Surabaya",
    "Medan",
    "Makassar",
    "Bandung",
    "Semarang",
    "Balikpapan",
    "Denpasar",
];

struct Log {
    awb: String,
    phone: String,
    status: &'static str,
    message: String,
    error: Option<String>,
    at: DateTime<Utc>,
}

struct Event {
    kind: &'static str,
    from: Option<String>,
    to: Option<String>,
    actor: Option<Uuid>,
    at: DateTime<Utc>,
}

impl Event {
    fn new(
        kind: &'static str,
        from: Option<&str>,
        to: Option<&str>,
        actor: Option<Uuid>,
        at: DateTime<Utc>,
    ) -> Self {
        Self {
            kind,
            from: from.map(str::to_owned),
            to: to.map(str::to_owned),
            actor,
            at,
        }
    }
}

struct Shipment {
    awb: String,
    phone: String,
    city: &'static str,
    /// Day offset (≤ 0) of its first broadcast.
    day: i64,
}

/// Broadcasts: about 35 shipments a day over 30 days, each with one to three messages
/// (picked up, on the way, delivered); ~8 % fail. Returns the shipments for the tickets.
async fn broadcasts(
    tx: &mut Transaction<'_, Postgres>,
    rng: &mut Rng,
    clock: &Clock,
) -> anyhow::Result<Vec<Shipment>> {
    let mut shipments = Vec::new();
    let mut rows: Vec<Log> = Vec::new();
    for day in -29..=0 {
        for n in 0..rng.range(28, 42) {
            let date = clock.today + Duration::days(day);
            let awb = format!("LOG{}{:04}", date.format("%Y%m%d"), n + 1);
            let phone = format!("+62812{}", rng.digits(8));
            let city = *rng.pick(CITIES);
            let steps = [
                ("Paket Anda sudah kami terima di gudang", 0),
                ("Paket Anda dalam perjalanan ke", 1),
                ("Paket Anda telah diterima di", 2),
            ];
            for (text, offset) in steps.iter().take(rng.range(1, 3) as usize) {
                let at = clock.at(day + offset, rng.range(8, 20), rng.range(0, 59));
                if at > clock.now {
                    break;
                }
                let failed = rng.chance(8);
                let status = if failed {
                    "failed"
                } else if at > clock.now - Duration::minutes(10) {
                    "pending"
                } else {
                    "success"
                };
                let message = if *offset == 0 {
                    format!("{text} (resi {awb}).")
                } else {
                    format!("{text} {city} (resi {awb}).")
                };
                let error = failed.then(|| (*rng.weighted(ERRORS)).to_owned());
                rows.push(Log {
                    awb: awb.clone(),
                    phone: phone.clone(),
                    status,
                    message,
                    error,
                    at,
                });
            }
            shipments.push(Shipment {
                awb,
                phone,
                city,
                day,
            });
        }
    }
    for chunk in rows.chunks(2_000) {
        let awb: Vec<&str> = chunk.iter().map(|l| l.awb.as_str()).collect();
        let phone: Vec<&str> = chunk.iter().map(|l| l.phone.as_str()).collect();
        let status: Vec<&str> = chunk.iter().map(|l| l.status).collect();
        let message: Vec<&str> = chunk.iter().map(|l| l.message.as_str()).collect();
        let error: Vec<Option<&str>> = chunk.iter().map(|l| l.error.as_deref()).collect();
        let at: Vec<DateTime<Utc>> = chunk.iter().map(|l| l.at).collect();
        sqlx::query(
            "insert into broadcast_logs (tracking_number, consignee_phone, status, message_content, \
                 error_message, broadcast_at, created_at) \
             select a, p, s, m, e, t, t from unnest($1::text[], $2::text[], $3::text[], $4::text[], \
                                              $5::text[], $6::timestamptz[]) as u(a, p, s, m, e, t) \
              order by t",
        )
        .bind(&awb)
        .bind(&phone)
        .bind(&status)
        .bind(&message)
        .bind(&error)
        .bind(&at)
        .execute(&mut **tx)
        .await
        .context("demo broadcast logs")?;
    }
    Ok(shipments)
}

struct Agents {
    admin: Uuid,
    agents: [Uuid; 2],
    salesperson: Uuid,
}

async fn agents(tx: &mut Transaction<'_, Postgres>) -> anyhow::Result<Agents> {
    let rows: Vec<(String, Uuid)> = sqlx::query_as(
        "select email::text, id from profiles where email in \
           ('cs_admin@demo.local', 'cs_agent@demo.local', 'cs_agent2@demo.local', \
            'salesperson@demo.local')",
    )
    .fetch_all(&mut **tx)
    .await?;
    let find = |email: &str| {
        rows.iter()
            .find(|(e, _)| e == email)
            .map(|(_, id)| *id)
            .with_context(|| format!("demo user {email} is missing"))
    };
    Ok(Agents {
        admin: find("cs_admin@demo.local")?,
        agents: [find("cs_agent@demo.local")?, find("cs_agent2@demo.local")?],
        salesperson: find("salesperson@demo.local")?,
    })
}

const SUBJECTS: &[(&str, &str, &str)] = &[
    (
        "complaint",
        "Komplain keterlambatan",
        "Pelanggan membalas: 'Paket saya kok belum sampai?'",
    ),
    (
        "complaint",
        "Paket rusak saat diterima",
        "Kardus penyok, pelanggan minta klaim.",
    ),
    (
        "shipment_issue",
        "Status fraud dari sistem",
        "Alur broadcast menandai pengiriman sebagai fraud.",
    ),
    (
        "shipment_issue",
        "SLA Delayed",
        "sla_status = Delayed pada data pengiriman.",
    ),
    (
        "complaint",
        "Salah alamat pengantaran",
        "Kurir mengantar ke alamat lama pelanggan.",
    ),
    (
        "general_request",
        "Minta jadwal pengiriman ulang",
        "Pelanggan tidak di rumah, minta kirim besok.",
    ),
];

/// A subject for a ticket in `status`: the first type not yet shown in that status,
/// so every type is open and closed somewhere whatever the day and hour of seeding
/// (the draws before depend on the clock); otherwise any.
fn subject_for(
    rng: &mut Rng,
    shown: &HashSet<(&str, &str)>,
    status: &str,
) -> (&'static str, &'static str, &'static str) {
    let missing = SUBJECTS.iter().find(|(kind, _, _)| {
        ["open", "closed"].contains(&status) && !shown.contains(&(*kind, status))
    });
    *missing.unwrap_or_else(|| rng.pick(SUBJECTS))
}

/// Tickets about the month's shipments: status by age, a few still unassigned, replies
/// and internal notes by the CS agents, and the SLA trail matching it.
async fn tickets(
    tx: &mut Transaction<'_, Postgres>,
    rng: &mut Rng,
    clock: &Clock,
    shipments: &[Shipment],
    people: &Agents,
) -> anyhow::Result<usize> {
    let mut count = 0;
    let mut shown: HashSet<(&str, &str)> = HashSet::new();
    for (n, shipment) in shipments.iter().enumerate().filter(|(n, _)| n % 9 == 4) {
        let age = -shipment.day;
        let created_at = clock
            .at(shipment.day, rng.range(8, 17), rng.range(0, 59))
            .min(clock.now - Duration::minutes(30));
        let status = match age {
            0..=2
                if SUBJECTS
                    .iter()
                    .any(|(kind, _, _)| !shown.contains(&(*kind, "open"))) =>
            {
                "open"
            }
            0 => *rng.pick(&["open", "open", "in_progress"]),
            1..=2 => *rng.pick(&["open", "in_progress", "pending", "on_hold"]),
            3..=6 => *rng.pick(&["in_progress", "pending", "closed", "closed"]),
            _ => *rng.pick(&["closed", "closed", "closed", "on_hold"]),
        };
        let (kind, subject, description) = subject_for(rng, &shown, status);
        shown.insert((kind, status));
        let priority = *rng.weighted(&[("low", 2), ("medium", 5), ("high", 3), ("urgent", 1)]);
        let from_n8n = kind != "general_request";
        let assignee = (status != "open" || rng.chance(30)).then(|| *rng.pick(&people.agents));
        let creator = (!from_n8n).then_some(people.salesperson);
        let responded = status != "open" || rng.chance(40);
        let first_response = (created_at + Duration::minutes(rng.range(12, 200)))
            .min(clock.now - Duration::minutes(1));
        let closed_at = (status == "closed").then(|| {
            (first_response + Duration::hours(rng.range(2, 40)))
                .min(clock.now - Duration::minutes(5))
        });
        let id: Uuid = sqlx::query_scalar(
            "insert into tickets (ticket_type, priority, status, dept_target, subject, description, \
                 tracking_number, customer_phone, contact_name, assigned_to_user_id, source, \
                 close_reason, closed_at, created_by, created_at, updated_at) \
             values ($1, $2, $3, 'CS', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, \
                     coalesce($12, $14)) returning id",
        )
        .bind(kind)
        .bind(priority)
        .bind(status)
        .bind(format!("{subject} — {}", shipment.awb))
        .bind(description)
        .bind(&shipment.awb)
        .bind(&shipment.phone)
        .bind(format!("Pelanggan {}", shipment.city))
        .bind(assignee)
        .bind(if from_n8n { "n8n" } else { "web" })
        .bind((status == "closed").then_some("Masalah selesai, pelanggan konfirmasi"))
        .bind(closed_at)
        .bind(creator)
        .bind(created_at)
        .fetch_one(&mut **tx)
        .await
        .context("demo ticket")?;
        let mut events = vec![Event::new(
            "OPENED",
            None,
            Some("open"),
            creator,
            created_at,
        )];
        if let Some(agent) = assignee {
            events.push(Event::new(
                "ASSIGNED",
                None,
                Some(&agent.to_string()),
                Some(people.admin),
                created_at + Duration::minutes(5),
            ));
        }
        if responded {
            let author = assignee.unwrap_or(people.agents[n % 2]);
            let note_at = first_response - Duration::minutes(5);
            for (text, internal, at) in [
                ("Cek status di hub tujuan dulu.", true, note_at),
                (
                    "Halo, terima kasih sudah menghubungi kami. Kami sedang mengecek pengiriman Anda.",
                    false,
                    first_response,
                ),
            ] {
                sqlx::query(
                    "insert into ticket_messages (ticket_id, author_user_id, comment_text, \
                         is_internal_note, created_at) values ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(author)
                .bind(text)
                .bind(internal)
                .bind(at)
                .execute(&mut **tx)
                .await?;
            }
            events.push(Event::new(
                "FIRST_RESPONSE",
                None,
                None,
                Some(author),
                first_response,
            ));
        }
        if status != "open" {
            let working = if status == "closed" {
                "in_progress"
            } else {
                status
            };
            events.push(Event::new(
                "STATUS_CHANGE",
                Some("open"),
                Some(working),
                assignee,
                first_response + Duration::minutes(1),
            ));
            if let Some(closed_at) = closed_at {
                for kind in ["STATUS_CHANGE", "RESOLVED"] {
                    events.push(Event::new(
                        kind,
                        Some("in_progress"),
                        Some("closed"),
                        assignee,
                        closed_at,
                    ));
                }
            }
        }
        for Event {
            kind,
            from,
            to,
            actor,
            at,
        } in events
        {
            sqlx::query(
                "insert into sla_events (ticket_id, event_type, from_value, to_value, actor_user_id, \
                     occurred_at) values ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(kind)
            .bind(from)
            .bind(to)
            .bind(actor)
            .bind(at)
            .execute(&mut **tx)
            .await?;
        }
        count += 1;
    }
    Ok(count)
}

/// The SLA trail of tickets written without it (the CRM demo's RFQs): opened, and for
/// those past `open` the change of status and, when closed, the resolution.
async fn rfq_trails(tx: &mut Transaction<'_, Postgres>) -> anyhow::Result<()> {
    sqlx::query(
        "insert into sla_events (ticket_id, event_type, from_value, to_value, actor_user_id, occurred_at) \
         select t.id, e.kind, e.from_value, e.to_value, e.actor, e.at \
           from tickets t \
           cross join lateral (values \
             ('OPENED', null, 'open', t.created_by, t.created_at), \
             ('STATUS_CHANGE', 'open', case when t.status = 'closed' then 'in_progress' else t.status end, \
              t.assigned_to_user_id, least(t.created_at + interval '3 hours', now())), \
             ('STATUS_CHANGE', 'in_progress', 'closed', t.assigned_to_user_id, t.closed_at), \
             ('RESOLVED', 'in_progress', 'closed', t.assigned_to_user_id, t.closed_at)) \
             as e(kind, from_value, to_value, actor, at) \
          where not exists (select 1 from sla_events x where x.ticket_id = t.id) \
            and (e.kind = 'OPENED' \
                 or (e.kind = 'STATUS_CHANGE' and e.from_value = 'open' and t.status <> 'open') \
                 or (e.from_value = 'in_progress' and t.status = 'closed'))",
    )
    .execute(&mut **tx)
    .await
    .context("RFQ SLA trails")?;
    Ok(())
}

/// Loads the ticketing demo into the demo transaction; returns (broadcasts, tickets).
pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    clock: &Clock,
) -> anyhow::Result<(usize, usize)> {
    let mut rng = Rng::new(0x5eed_0005);
    let people = agents(tx).await?;
    let shipments = broadcasts(tx, &mut rng, clock).await?;
    let logs: i64 = sqlx::query_scalar("select count(*) from broadcast_logs")
        .fetch_one(&mut **tx)
        .await?;
    let tickets = tickets(tx, &mut rng, clock, &shipments, &people).await?;
    rfq_trails(tx).await?;
    first_responses(tx).await?;
    Ok((usize::try_from(logs).unwrap_or(0), tickets))
}

/// Stamps the tickets with the first responses their trail records, as the message
/// trigger does for live replies (without bumping `updated_at` or auditing the stamp).
async fn first_responses(tx: &mut Transaction<'_, Postgres>) -> anyhow::Result<()> {
    const QUIET: &[&str] = &["tickets_set_updated_at", "tickets_audit"];
    super::switch_triggers(tx, "tickets", QUIET, false).await?;
    sqlx::query(
        "update tickets t set first_response_at = e.occurred_at from sla_events e \
          where e.ticket_id = t.id and e.event_type = 'FIRST_RESPONSE' and t.first_response_at is null",
    )
    .execute(&mut **tx)
    .await
    .context("demo first responses")?;
    super::switch_triggers(tx, "tickets", QUIET, true).await?;
    Ok(())
}
