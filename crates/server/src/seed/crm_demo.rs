//! CRM demo data (CLI-2): a believable month of leads, customers, prospects, activities,
//! tasks, RFQ tickets and notifications, plus six months of lead history and daily ad
//! spend so the trend charts show something. Everything is relative to "now" in
//! Asia/Jakarta and drawn from a fixed-seed generator, so every demo looks the same.
//!
//! The plan is built in memory first ([`build`], pure and unit-tested) and then written
//! with one `unnest` insert per table ([`insert`]) through the owner connection, so the
//! whole demo loads in well under a second. The triggers fire as in production (codes,
//! audit, stage history); the stage history and the system activities are then replaced
//! by the backdated chain the plan describes, as if each stage change had happened on its
//! day.

use std::{
    collections::{HashMap, HashSet},
    path::{Path, PathBuf},
};

use anyhow::Context;
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Offset, Utc};
use domain::crm::{distance_m, normalize_email_key, CompanyKey, Npwp, PhoneE164};
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

use super::rng::Rng;

/// The placeholder photo of seeded visits (a 32×24 JPEG in the product's colours).
pub const VISIT_PHOTO: &[u8] = include_bytes!("visit_placeholder.jpg");
pub const EVIDENCE_BUCKET: &str = "prospect-evidence";

const SEED: u64 = 0x00C0_FFEE_2026;

/// Pipeline stages in order; `lost` closes a prospect from any open stage.
const STAGES: [&str; 6] = [
    "new",
    "contacted",
    "qualification",
    "proposal",
    "negotiation",
    "won",
];

fn stage_position(stage: &str) -> i32 {
    STAGES
        .iter()
        .position(|s| *s == stage)
        .map_or(0, |p| i32::try_from(p).unwrap_or(0) + 1)
}

/// The demo users the CRM data belongs to, by e-mail.
#[derive(Debug, Clone)]
pub struct Team {
    pub marketing_staff: Uuid,
    pub marketing_manager: Uuid,
    pub sales_manager: Uuid,
    pub salespersons: [Uuid; 2],
    /// Operations user per department code (EXIM, DOM, IMP, WH).
    pub ops: HashMap<&'static str, Uuid>,
}

impl Team {
    pub async fn load(tx: &mut Transaction<'_, Postgres>) -> anyhow::Result<Self> {
        let rows: Vec<(String, Uuid)> =
            sqlx::query_as("select email::text, id from profiles where email like '%@demo.local'")
                .fetch_all(&mut **tx)
                .await?;
        let ids: HashMap<String, Uuid> = rows.into_iter().collect();
        let id = |email: &str| {
            ids.get(email)
                .copied()
                .with_context(|| format!("demo user {email} is missing"))
        };
        Ok(Self {
            marketing_staff: id("marketing_staff@demo.local")?,
            marketing_manager: id("marketing_manager@demo.local")?,
            sales_manager: id("sales_manager@demo.local")?,
            salespersons: [
                id("salesperson@demo.local")?,
                id("salesperson2@demo.local")?,
            ],
            ops: HashMap::from([
                ("EXIM", id("ops_exim@demo.local")?),
                ("DOM", id("ops_domestic@demo.local")?),
                ("IMP", id("ops_import_dtd@demo.local")?),
                ("WH", id("ops_warehouse@demo.local")?),
            ]),
        })
    }
}

/// Time in Asia/Jakarta (UTC+7 all year).
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
}

impl Clock {
    pub fn new(now: DateTime<Utc>) -> Self {
        let jakarta = FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| Utc.fix());
        Self {
            now,
            today: now.with_timezone(&jakarta).date_naive(),
        }
    }

    /// `today + day` at `hour:minute` Jakarta time.
    pub fn at(&self, day: i64, hour: i64, minute: i64) -> DateTime<Utc> {
        self.on(self.today + Duration::days(day), hour, minute)
    }

    /// `date` at `hour:minute` Jakarta time.
    pub fn on(&self, date: NaiveDate, hour: i64, minute: i64) -> DateTime<Utc> {
        let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        midnight + Duration::hours(hour - 7) + Duration::minutes(minute)
    }

    /// A working-hours moment of `today + day` that is not in the future.
    fn past(&self, rng: &mut Rng, day: i64) -> DateTime<Utc> {
        let at = self.at(day, rng.range(8, 17), rng.range(0, 59));
        self.not_after_now(rng, at)
    }

    fn not_after_now(&self, rng: &mut Rng, at: DateTime<Utc>) -> DateTime<Utc> {
        if at > self.now - Duration::minutes(5) {
            self.now - Duration::minutes(rng.range(5, 90))
        } else {
            at
        }
    }

    fn date_of(&self, at: DateTime<Utc>) -> NaiveDate {
        (at + Duration::hours(7)).date_naive()
    }
}

#[derive(Debug, Clone)]
pub struct Customer {
    pub id: Uuid,
    pub company_name: String,
    pub company_key: String,
    pub npwp: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_name: String,
    pub address: String,
    pub city: &'static str,
    pub point: (f64, f64),
    pub owner: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub from: Option<&'static str>,
    pub to: &'static str,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Prospect {
    pub id: Uuid,
    pub customer: usize,
    pub owner: Option<Uuid>,
    pub steps: Vec<Step>,
    pub lost_reason: Option<&'static str>,
    pub expected_value: i64,
    pub expected_close_date: Option<NaiveDate>,
    pub service: &'static (&'static str, &'static str),
    pub created_at: DateTime<Utc>,
}

impl Prospect {
    pub fn stage(&self) -> &'static str {
        self.steps.last().map_or("new", |s| s.to)
    }

    pub fn furthest_position(&self) -> i32 {
        self.steps
            .iter()
            .map(|s| stage_position(s.to))
            .max()
            .unwrap_or(1)
            .max(1)
    }

    pub fn is_open(&self) -> bool {
        !matches!(self.stage(), "won" | "lost")
    }

    fn changed_at(&self) -> DateTime<Utc> {
        self.steps.last().map_or(self.created_at, |s| s.at)
    }
}

#[derive(Debug, Clone)]
pub struct Rfq {
    pub service: &'static str,
    pub origin: &'static str,
    pub destination: &'static str,
    pub commodity: &'static str,
    pub weight_kg: i64,
}

#[derive(Debug, Clone)]
pub struct Lead {
    pub id: Uuid,
    pub customer: usize,
    pub prospect: usize,
    pub channel: &'static str,
    pub channel_raw: &'static str,
    pub utm: Option<(&'static str, &'static str, &'static str)>,
    pub contact_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub npwp: Option<String>,
    pub matched_on: Option<&'static str>,
    pub sales_owner: Option<Uuid>,
    pub assigned_at: Option<DateTime<Utc>>,
    pub notes: String,
    pub rfq: Option<Rfq>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Activity {
    pub id: Uuid,
    pub kind: &'static str,
    pub subject: String,
    pub notes: String,
    pub prospect: usize,
    pub owner: Uuid,
    pub occurred_at: DateTime<Utc>,
    pub scheduled_at: Option<DateTime<Utc>>,
    /// Visit evidence: (file id, where the photo was taken, distance to the customer).
    pub visit: Option<(Uuid, (f64, f64), f64)>,
    pub next_action: Option<(String, DateTime<Utc>)>,
}

#[derive(Debug, Clone)]
pub struct Task {
    pub title: String,
    pub owner: Uuid,
    pub prospect: Option<usize>,
    pub due_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Spend {
    pub platform: &'static str,
    pub date: NaiveDate,
    pub amount: i64,
    pub impressions: i64,
    pub clicks: i64,
    pub campaign: &'static str,
    pub created_by: Uuid,
}

#[derive(Debug, Clone)]
pub struct Notification {
    pub user: Uuid,
    pub kind: &'static str,
    pub title: String,
    pub body: String,
    pub link: String,
    pub dedup_key: String,
    pub read: bool,
    pub created_at: DateTime<Utc>,
}

/// The whole CRM demo, before it is written.
#[derive(Debug, Clone)]
pub struct Plan {
    pub customers: Vec<Customer>,
    pub prospects: Vec<Prospect>,
    pub leads: Vec<Lead>,
    pub activities: Vec<Activity>,
    pub tasks: Vec<Task>,
    pub spend: Vec<Spend>,
    /// (date, title, type, channel, budget)
    pub events: Vec<(
        NaiveDate,
        &'static str,
        &'static str,
        Option<&'static str>,
        i64,
    )>,
    pub notifications: Vec<Notification>,
}

// ---------------------------------------------------------------------------------------
// Vocabulary

const NAME_FIRST: &[&str] = &[
    "Maju", "Sinar", "Karya", "Cahaya", "Bintang", "Mitra", "Sumber", "Putra", "Berkah", "Harapan",
    "Mega", "Surya", "Graha", "Indo", "Nusa", "Samudera", "Tunas", "Duta", "Anugerah", "Prima",
    "Citra", "Bumi", "Sentral", "Global",
];
const NAME_SECOND: &[&str] = &[
    "Jaya",
    "Abadi",
    "Sentosa",
    "Makmur",
    "Mandiri",
    "Sejahtera",
    "Perkasa",
    "Lestari",
    "Utama",
    "Gemilang",
    "Bersama",
    "Raya",
    "Agung",
    "Sukses",
    "Teknik",
    "Pratama",
];
const NAME_TRADE: &[&str] = &[
    "Logistik",
    "Tekstil",
    "Garmen",
    "Furnitur",
    "Elektronik",
    "Farmasi",
    "Kimia",
    "Agro",
    "Plastik",
    "Baja",
    "Kemasan",
    "Otomotif",
    "Pangan",
    "Niaga",
    "Industri",
    "Perikanan",
    "Keramik",
    "Trading",
    "Kopi",
    "Kosmetik",
];
const FIRST_NAMES: &[&str] = &[
    "Budi", "Siti", "Agus", "Dewi", "Rudi", "Rina", "Andi", "Sri", "Eko", "Fitri", "Hendra",
    "Lina", "Wahyu", "Yuni", "Arif", "Ratna", "Dedi", "Maya", "Teguh", "Intan", "Fajar", "Novi",
    "Bayu", "Wulan", "Irfan", "Citra", "Hadi", "Desi", "Rizky", "Ayu",
];
const LAST_NAMES: &[&str] = &[
    "Santoso",
    "Wijaya",
    "Saputra",
    "Lestari",
    "Hidayat",
    "Kurniawan",
    "Susanto",
    "Pratama",
    "Nugroho",
    "Setiawan",
    "Halim",
    "Gunawan",
    "Siregar",
    "Simanjuntak",
    "Tanjung",
    "Harahap",
    "Wibowo",
    "Salim",
    "Hartono",
    "Permana",
];
/// (city, latitude, longitude, weight)
const CITIES: &[(&str, f64, f64, u64)] = &[
    ("Jakarta Utara", -6.1384, 106.8633, 14),
    ("Jakarta Barat", -6.1676, 106.7590, 10),
    ("Jakarta Selatan", -6.2615, 106.8106, 8),
    ("Jakarta Timur", -6.2250, 106.9004, 8),
    ("Tangerang", -6.1783, 106.6319, 8),
    ("Bekasi", -6.2383, 106.9756, 8),
    ("Cikarang", -6.3106, 107.1456, 7),
    ("Surabaya", -7.2575, 112.7521, 14),
    ("Sidoarjo", -7.4478, 112.7183, 6),
    ("Gresik", -7.1566, 112.6555, 5),
    ("Bandung", -6.9175, 107.6191, 5),
    ("Semarang", -6.9667, 110.4167, 4),
    ("Medan", 3.5952, 98.6722, 3),
];
const STREETS: &[&str] = &[
    "Jl. Gatot Subroto",
    "Jl. Jend. Sudirman",
    "Jl. Raya Cakung Cilincing",
    "Jl. Daan Mogot",
    "Jl. Raya Bekasi",
    "Jl. Yos Sudarso",
    "Jl. Rungkut Industri",
    "Jl. Margomulyo",
    "Kawasan Industri Jababeka, Jl. Industri Selatan",
    "Jl. Raya Serang",
    "Jl. Pluit Raya",
    "Jl. Perak Timur",
    "Jl. Soekarno-Hatta",
];
const MOBILE_PREFIXES: &[&str] = &[
    "811", "812", "813", "821", "822", "852", "853", "857", "858", "877", "878", "895", "896",
];

/// (channel code, what the form sent, utm source/medium/campaign, weight)
type ChannelPlan = (
    &'static str,
    &'static str,
    Option<(&'static str, &'static str, &'static str)>,
    u64,
);
const CHANNELS: &[ChannelPlan] = &[
    ("website", "website", None, 13),
    ("website", "Landing Page", None, 3),
    ("whatsapp", "whatsapp", None, 10),
    ("whatsapp", "WA", None, 4),
    (
        "instagram_ads",
        "instagram_ads",
        Some(("instagram", "paid_social", "promo-lcl")),
        8,
    ),
    (
        "instagram_ads",
        "IG Ads",
        Some(("instagram", "paid_social", "ekspor-umkm")),
        4,
    ),
    (
        "tiktok_ads",
        "tiktok_ads",
        Some(("tiktok", "paid_social", "ekspor-umkm")),
        10,
    ),
    (
        "meta_ads",
        "meta_ads",
        Some(("facebook", "paid_social", "lead-form-forwarding")),
        6,
    ),
    (
        "meta_ads",
        "FB Ads",
        Some(("facebook", "paid_social", "lead-form-forwarding")),
        4,
    ),
    (
        "google_ads",
        "google_ads",
        Some(("google", "cpc", "freight-forwarder-jakarta")),
        12,
    ),
    ("referral", "referral", None, 6),
    ("referral", "Rekomendasi", None, 2),
    ("event", "event", None, 3),
    ("event", "Pameran", None, 3),
    ("seo", "seo", Some(("google", "organic", "")), 5),
    ("email", "email", None, 2),
    ("walk_in", "walk_in", None, 2),
    ("instagram", "instagram", None, 3),
];
/// (service code, service_interest text)
const SERVICES: &[(&str, &str)] = &[
    ("EXIM", "Ekspor FCL (sea freight)"),
    ("EXIM", "Ekspor LCL konsolidasi"),
    ("EXIM", "Air freight ekspor"),
    ("DOM", "Trucking domestik FTL"),
    ("DOM", "Pengiriman antar pulau (domestik)"),
    ("IMP", "Impor door to door"),
    ("IMP", "Customs clearance impor"),
    ("WH", "Sewa gudang & fulfillment"),
];
/// (service, origin, destination, commodity)
const ROUTES: &[(&str, &str, &str, &str)] = &[
    ("EXIM", "Jakarta (Tanjung Priok)", "Singapore", "Garmen"),
    (
        "EXIM",
        "Surabaya (Tanjung Perak)",
        "Port Klang",
        "Furnitur kayu",
    ),
    ("EXIM", "Jakarta (Tanjung Priok)", "Rotterdam", "Kopi biji"),
    ("EXIM", "Semarang (Tanjung Emas)", "Busan", "Keramik"),
    ("DOM", "Jakarta", "Makassar", "Suku cadang otomotif"),
    ("DOM", "Surabaya", "Balikpapan", "Makanan olahan"),
    ("DOM", "Jakarta", "Medan", "Elektronik"),
    ("IMP", "Guangzhou", "Jakarta", "Mesin produksi"),
    ("IMP", "Shanghai", "Surabaya", "Bahan kimia non-B3"),
    ("WH", "Cikarang", "Cikarang", "Produk kosmetik"),
];
const LOST_REASONS: &[&str] = &[
    "Harga kompetitor lebih murah",
    "Budget ditunda ke tahun depan",
    "Memilih forwarder yang sudah langganan",
    "Tidak ada respon setelah 3x follow up",
    "Jadwal kapal tidak sesuai kebutuhan",
];
const LEAD_NOTES: &[&str] = &[
    "Minta penawaran rutin bulanan.",
    "Butuh jadwal kapal tercepat.",
    "Sedang membandingkan 3 forwarder.",
    "Pengiriman pertama bulan depan.",
    "Volume sekitar 2x40ft per bulan.",
    "Tanya termin pembayaran 30 hari.",
    "",
    "",
];

// ---------------------------------------------------------------------------------------
// The plan

struct Identities {
    keys: HashSet<String>,
}

impl Identities {
    fn fresh(&mut self, value: String) -> Option<String> {
        self.keys.insert(value.clone()).then_some(value)
    }
}

fn company(rng: &mut Rng, ids: &mut Identities) -> (String, String) {
    loop {
        let first = rng.pick(NAME_FIRST);
        let second = rng.pick(NAME_SECOND);
        let trade = rng.pick(NAME_TRADE);
        let name = if rng.chance(15) {
            format!("CV {first} {second}")
        } else if rng.chance(6) {
            format!("PT {first} {second} {trade} Tbk")
        } else {
            format!("PT {first} {second} {trade}")
        };
        let Ok(key) = CompanyKey::parse(&name) else {
            continue;
        };
        if let Some(key) = ids.fresh(format!("company:{}", key.as_str())) {
            return (name, key.trim_start_matches("company:").to_owned());
        }
    }
}

fn person(rng: &mut Rng) -> (String, &'static str, &'static str) {
    let first = rng.pick(FIRST_NAMES);
    let last = rng.pick(LAST_NAMES);
    (format!("{first} {last}"), first, last)
}

fn new_customer(
    rng: &mut Rng,
    ids: &mut Identities,
    owner: Option<Uuid>,
    created_at: DateTime<Utc>,
) -> Customer {
    let (company_name, company_key) = company(rng, ids);
    let (contact_name, first, last) = person(rng);
    let city = rng
        .weighted(
            &CITIES
                .iter()
                .map(|c| ((c.0, c.1, c.2), c.3))
                .collect::<Vec<_>>(),
        )
        .to_owned();
    let point = (
        city.1 + (rng.unit() - 0.5) * 0.06,
        city.2 + (rng.unit() - 0.5) * 0.06,
    );
    let npwp = if rng.chance(65) {
        loop {
            // Old 15-digit NPWPs stored in their 16-digit form (a leading 0), new ones as issued.
            let raw = if rng.chance(60) {
                format!("0{}", rng.digits(15))
            } else {
                // Never starting with 9: the scale seed's synthetic NPWPs do.
                format!("{}{}", rng.range(1, 8), rng.digits(15))
            };
            let Ok(npwp) = Npwp::parse(&raw) else {
                continue;
            };
            if let Some(v) = ids.fresh(format!("npwp:{}", npwp.as_str())) {
                break Some(v.trim_start_matches("npwp:").to_owned());
            }
        }
    } else {
        None
    };
    let slug: String = company_key
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .concat();
    let email = if rng.chance(90) {
        let raw = match rng.range(0, 3) {
            0 => format!("{}@{slug}.co.id", first.to_lowercase()),
            1 => format!("purchasing@{slug}.co.id"),
            2 => format!(
                "{}.{}{}@gmail.com",
                first.to_lowercase(),
                last.to_lowercase(),
                rng.range(1, 99)
            ),
            _ => format!("logistik@{slug}.com"),
        };
        normalize_email_key(&raw)
            .and_then(|e| ids.fresh(format!("email:{e}")))
            .map(|e| e.trim_start_matches("email:").to_owned())
    } else {
        None
    };
    let phone = if rng.chance(95) || (npwp.is_none() && email.is_none()) {
        loop {
            let raw = format!("0{}-{}", rng.pick(MOBILE_PREFIXES), rng.digits(8));
            let Ok(phone) = PhoneE164::parse(&raw) else {
                continue;
            };
            if let Some(v) = ids.fresh(format!("phone:{}", phone.as_str())) {
                break Some(v.trim_start_matches("phone:").to_owned());
            }
        }
    } else {
        None
    };
    Customer {
        id: rng.uuid(),
        company_name,
        company_key,
        npwp,
        email,
        phone,
        contact_name,
        address: format!(
            "{} No. {}, {}",
            rng.pick(STREETS),
            rng.range(1, 250),
            city.0
        ),
        city: city.0,
        point,
        owner,
        created_at,
    }
}

/// The stage changes of a prospect created at `start`, heading for a stage drawn by age,
/// stopped where the next change would lie in the future.
fn steps(rng: &mut Rng, clock: &Clock, start: DateTime<Utc>) -> (Vec<Step>, Option<&'static str>) {
    let age_days = (clock.now - start).num_days();
    let target: &str = if age_days > 30 {
        rng.weighted::<&str>(&[
            ("qualification", 2),
            ("proposal", 4),
            ("negotiation", 5),
            ("won", 48),
            ("lost", 41),
        ])
    } else {
        rng.weighted::<&str>(&[
            ("new", 16),
            ("contacted", 20),
            ("qualification", 18),
            ("proposal", 16),
            ("negotiation", 12),
            ("won", 10),
            ("lost", 8),
        ])
    };
    let path: Vec<&'static str> = if target == "lost" {
        let reached = usize::try_from(rng.range(1, 4)).unwrap_or(1);
        STAGES[..=reached].iter().copied().chain(["lost"]).collect()
    } else {
        let reached = STAGES.iter().position(|s| *s == target).unwrap_or(0);
        STAGES[..=reached].to_vec()
    };
    let mut out = vec![Step {
        from: None,
        to: "new",
        at: start,
    }];
    let mut at = start;
    for pair in path.windows(2) {
        // The next change one to four days later, in working hours.
        let day = clock.date_of(at) + Duration::days(rng.range(1, 4));
        at = clock.on(day, rng.range(8, 17), rng.range(0, 59));
        if at > clock.now - Duration::minutes(30) {
            break;
        }
        out.push(Step {
            from: Some(pair[0]),
            to: pair[1],
            at,
        });
    }
    let lost_reason = (out.last().map(|s| s.to) == Some("lost")).then(|| *rng.pick(LOST_REASONS));
    (out, lost_reason)
}

fn lead_status(stage: &str) -> &'static str {
    match stage {
        "new" => "new",
        "contacted" => "contacted",
        "won" => "converted",
        "lost" => "disqualified",
        _ => "qualified",
    }
}

/// Builds the demo plan. `with_visit_photos`: visits carry photo evidence; without a
/// storage directory past visits are recorded as meetings instead.
pub fn build(team: &Team, clock: &Clock, with_visit_photos: bool) -> Plan {
    let mut rng = Rng::new(SEED);
    let mut ids = Identities {
        keys: HashSet::new(),
    };
    // Lead arrival times: six months, growing towards the current one (~60 leads).
    let months: [(i64, i64, usize); 6] = [
        (-182, -152, 9),
        (-151, -122, 11),
        (-121, -92, 13),
        (-91, -61, 16),
        (-60, -31, 20),
        (-29, 0, 60),
    ];
    let mut arrivals: Vec<DateTime<Utc>> = Vec::new();
    for (from, to, count) in months {
        for _ in 0..count {
            let day = rng.range(from, to);
            arrivals.push(clock.past(&mut rng, day));
        }
    }
    arrivals.sort();

    let mut customers: Vec<Customer> = Vec::new();
    let mut prospects: Vec<Prospect> = Vec::new();
    let mut leads: Vec<Lead> = Vec::new();
    let mut by_customer: HashMap<usize, usize> = HashMap::new();
    let mut unassigned = 0;
    let mut rfqs = 0;
    let channel_weights: Vec<(usize, u64)> =
        CHANNELS.iter().enumerate().map(|(i, c)| (i, c.3)).collect();
    for created_at in arrivals {
        let recent = clock.now - created_at < Duration::days(30);
        let fresh = clock.now - created_at < Duration::days(4);
        let channel = CHANNELS[*rng.weighted(&channel_weights)];
        let leave_unassigned = fresh && unassigned < 6 && rng.chance(55);
        let assigned_customers: Vec<usize> = by_customer
            .iter()
            .filter(|(_, p)| prospects[**p].owner.is_some())
            .map(|(c, _)| *c)
            .collect();
        let repeat = !leave_unassigned
            && !assigned_customers.is_empty()
            && rng.chance(if recent { 30 } else { 10 });
        let (customer, prospect, contact_name, email, phone, npwp, matched_on) = if repeat {
            let mut sorted = assigned_customers;
            sorted.sort_unstable();
            let c = sorted[rng.index(sorted.len())];
            let existing = &customers[c];
            // The new form carries some of what we know, at least one identifier.
            let mut email = existing.email.clone().filter(|_| rng.chance(60));
            let mut phone = existing.phone.clone().filter(|_| rng.chance(60));
            let npwp = existing.npwp.clone().filter(|_| rng.chance(30));
            if email.is_none() && phone.is_none() && npwp.is_none() {
                if existing.phone.is_some() {
                    phone.clone_from(&existing.phone);
                } else {
                    email.clone_from(&existing.email);
                }
            }
            let matched_on = if npwp.is_some() {
                "npwp"
            } else if email.is_some() {
                "email"
            } else if phone.is_some() {
                "phone"
            } else {
                "company_name"
            };
            let contact = if rng.chance(70) {
                existing.contact_name.clone()
            } else {
                person(&mut rng).0
            };
            (
                c,
                by_customer[&c],
                contact,
                email,
                phone,
                npwp,
                Some(matched_on),
            )
        } else {
            let owner = (!leave_unassigned).then(|| *rng.pick(&team.salespersons));
            let customer = new_customer(&mut rng, &mut ids, owner, created_at);
            let (steps, lost_reason) = if owner.is_some() {
                steps(&mut rng, clock, created_at)
            } else {
                unassigned += 1;
                (
                    vec![Step {
                        from: None,
                        to: "new",
                        at: created_at,
                    }],
                    None,
                )
            };
            let won_on = steps
                .iter()
                .find(|s| s.to == "won" || s.to == "lost")
                .map(|s| clock.date_of(s.at));
            let expected_close_date = match won_on {
                Some(day) => Some(day),
                None => Some(clock.today + Duration::days(rng.range(7, 90))),
            };
            let prospect = Prospect {
                id: rng.uuid(),
                customer: customers.len(),
                owner,
                steps,
                lost_reason,
                expected_value: rng.range(50, 1500) * 500_000,
                expected_close_date,
                service: rng.pick(SERVICES),
                created_at,
            };
            let c = customers.len();
            let (contact, email, phone, npwp) = (
                customer.contact_name.clone(),
                customer.email.clone(),
                customer.phone.clone(),
                customer.npwp.clone(),
            );
            customers.push(customer);
            prospects.push(prospect);
            by_customer.insert(c, prospects.len() - 1);
            (c, prospects.len() - 1, contact, email, phone, npwp, None)
        };
        let sales_owner = prospects[prospect].owner;
        let delay = Duration::minutes(rng.range(20, 300));
        let assigned_at = sales_owner.map(|_| clock.not_after_now(&mut rng, created_at + delay));
        let rfq = (recent && rfqs < 8 && rng.chance(16)).then(|| {
            rfqs += 1;
            let service = prospects[prospect].service.0;
            let options: Vec<_> = ROUTES.iter().filter(|r| r.0 == service).collect();
            let route = options[rng.index(options.len())];
            Rfq {
                service: route.0,
                origin: route.1,
                destination: route.2,
                commodity: route.3,
                weight_kg: rng.range(5, 240) * 100,
            }
        });
        leads.push(Lead {
            id: rng.uuid(),
            customer,
            prospect,
            channel: channel.0,
            channel_raw: channel.1,
            utm: channel.2,
            contact_name,
            email,
            phone,
            npwp,
            matched_on,
            sales_owner,
            assigned_at,
            notes: (*rng.pick(LEAD_NOTES)).to_owned(),
            rfq,
            created_at,
        });
    }

    let activities = activities(&mut rng, clock, &customers, &prospects, with_visit_photos);
    let tasks = tasks(&mut rng, clock, team, &customers, &prospects);
    let spend = spend(&mut rng, clock, team);
    let events = vec![
        (
            clock.today - Duration::days(170),
            "Kampanye Ekspor UMKM Q1",
            "campaign",
            Some("tiktok_ads"),
            15_000_000,
        ),
        (
            clock.today - Duration::days(150),
            "Webinar: Cara Ekspor Pertama Kali",
            "webinar",
            Some("event"),
            5_000_000,
        ),
        (
            clock.today - Duration::days(128),
            "Konten edukasi Incoterms",
            "content",
            Some("instagram"),
            2_500_000,
        ),
        (
            clock.today - Duration::days(110),
            "Pameran Logistik Surabaya",
            "exhibition",
            Some("event"),
            45_000_000,
        ),
        (
            clock.today - Duration::days(95),
            "Promo LCL Asia Tenggara",
            "promotion",
            Some("instagram_ads"),
            12_000_000,
        ),
        (
            clock.today - Duration::days(72),
            "Kampanye Google Search Forwarder",
            "campaign",
            Some("google_ads"),
            20_000_000,
        ),
        (
            clock.today - Duration::days(58),
            "Video testimoni pelanggan",
            "content",
            Some("tiktok"),
            3_000_000,
        ),
        (
            clock.today - Duration::days(41),
            "Lead form Facebook: jasa impor",
            "campaign",
            Some("meta_ads"),
            10_000_000,
        ),
        (
            clock.today - Duration::days(26),
            "Indonesia Logistics Expo, JIExpo",
            "exhibition",
            Some("event"),
            60_000_000,
        ),
        (
            clock.today - Duration::days(14),
            "Promo ongkir domestik akhir bulan",
            "promotion",
            Some("whatsapp"),
            4_000_000,
        ),
        (
            clock.today - Duration::days(6),
            "Webinar: Impor Door to Door",
            "webinar",
            Some("event"),
            5_000_000,
        ),
        (
            clock.today + Duration::days(9),
            "Kampanye akhir tahun TikTok",
            "campaign",
            Some("tiktok_ads"),
            18_000_000,
        ),
    ];
    let notifications = notifications(clock, team, &customers, &leads, &tasks);
    Plan {
        customers,
        prospects,
        leads,
        activities,
        tasks,
        spend,
        events,
        notifications,
    }
}

fn activities(
    rng: &mut Rng,
    clock: &Clock,
    customers: &[Customer],
    prospects: &[Prospect],
    with_visit_photos: bool,
) -> Vec<Activity> {
    let mut out = Vec::new();
    for (index, prospect) in prospects.iter().enumerate() {
        let Some(owner) = prospect.owner else {
            continue;
        };
        let customer = &customers[prospect.customer];
        let mut previous = prospect.created_at;
        for step in prospect.steps.iter().skip(1) {
            let (kind, subject): (&str, String) = match step.to {
                "contacted" => {
                    if rng.chance(50) {
                        ("call", "Telepon perkenalan layanan".to_owned())
                    } else {
                        ("whatsapp", "Follow up inquiry via WhatsApp".to_owned())
                    }
                }
                "qualification" => {
                    if rng.chance(55) {
                        ("visit", format!("Kunjungan ke {}", customer.company_name))
                    } else {
                        ("meeting", "Meeting kebutuhan pengiriman".to_owned())
                    }
                }
                "proposal" => ("email", "Kirim penawaran harga".to_owned()),
                "negotiation" => {
                    if rng.chance(40) {
                        ("visit", "Negosiasi tarif di kantor pelanggan".to_owned())
                    } else {
                        (
                            "meeting",
                            "Negosiasi tarif dan termin pembayaran".to_owned(),
                        )
                    }
                }
                "won" => (
                    "call",
                    "Konfirmasi PO dan jadwal pengiriman pertama".to_owned(),
                ),
                _ => ("whatsapp", "Follow up keputusan pelanggan".to_owned()),
            };
            let span = (step.at - previous).num_minutes().max(60);
            let occurred_at = step.at - Duration::minutes(rng.range(30, span.min(360)));
            let kind = if kind == "visit" && !with_visit_photos {
                "meeting"
            } else {
                kind
            };
            let visit = (kind == "visit").then(|| {
                let at = (
                    customer.point.0 + (rng.unit() - 0.5) * 0.003,
                    customer.point.1 + (rng.unit() - 0.5) * 0.003,
                );
                (rng.uuid(), at, distance_m(customer.point, at))
            });
            out.push(Activity {
                id: rng.uuid(),
                kind,
                subject,
                notes: String::new(),
                prospect: index,
                owner,
                occurred_at,
                scheduled_at: None,
                visit,
                next_action: None,
            });
            out.push(Activity {
                id: rng.uuid(),
                kind: "system",
                subject: format!("Stage: {} → {}", step.from.unwrap_or("new"), step.to),
                notes: prospect
                    .lost_reason
                    .filter(|_| step.to == "lost")
                    .unwrap_or_default()
                    .to_owned(),
                prospect: index,
                owner,
                occurred_at: step.at,
                scheduled_at: None,
                visit: None,
                next_action: None,
            });
            previous = step.at;
        }
        if prospect.is_open() && rng.chance(45) {
            let day = rng.range(0, 8);
            let mut scheduled = clock.at(day, rng.range(9, 16), 0);
            if scheduled <= clock.now {
                scheduled = clock.at(day + 1, rng.range(9, 16), 0);
            }
            let (kind, subject) = *rng.pick(&[
                ("visit", "Rencana kunjungan ke pelanggan"),
                ("meeting", "Presentasi layanan ke tim procurement"),
                ("call", "Telepon follow up penawaran"),
            ]);
            let planned_on = clock.not_after_now(rng, previous + Duration::hours(2));
            out.push(Activity {
                id: rng.uuid(),
                kind,
                subject: subject.to_owned(),
                notes: customer.address.clone(),
                prospect: index,
                owner,
                occurred_at: planned_on,
                scheduled_at: Some(scheduled),
                visit: None,
                next_action: None,
            });
        } else if prospect.is_open() && prospect.steps.len() > 1 {
            // The last contact names the next step.
            if let Some(last) = out
                .iter_mut()
                .rev()
                .find(|a| a.prospect == index && a.kind != "system")
            {
                let due = clock.at(rng.range(-3, 6), rng.range(9, 16), 0);
                last.next_action = Some(("Kirim revisi penawaran".to_owned(), due));
            }
        }
    }
    out
}

fn tasks(
    rng: &mut Rng,
    clock: &Clock,
    team: &Team,
    customers: &[Customer],
    prospects: &[Prospect],
) -> Vec<Task> {
    let mut out = Vec::new();
    for owner in team.salespersons {
        let open: Vec<usize> = prospects
            .iter()
            .enumerate()
            .filter(|(_, p)| p.owner == Some(owner) && p.is_open())
            .map(|(i, _)| i)
            .collect();
        let closed: Vec<usize> = prospects
            .iter()
            .enumerate()
            .filter(|(_, p)| p.owner == Some(owner) && !p.is_open())
            .map(|(i, _)| i)
            .collect();
        // (day offset, done, title)
        let plan: [(i64, bool, &str); 12] = [
            (-5, false, "Follow up penawaran"),
            (-2, false, "Kirim ulang company profile ke"),
            (-1, false, "Telepon PIC procurement"),
            (0, false, "Konfirmasi jadwal meeting dengan"),
            (0, false, "Kirim draft kontrak ke"),
            (1, false, "Follow up penawaran"),
            (1, false, "Siapkan penawaran revisi untuk"),
            (4, false, "Kunjungan rutin ke"),
            (9, false, "Review kebutuhan gudang"),
            (-8, true, "Kirim penawaran awal ke"),
            (-4, true, "Follow up penawaran"),
            (-1, true, "Minta dokumen NPWP dari"),
        ];
        for (day, done, title) in plan {
            let pool = if done && !closed.is_empty() && rng.chance(40) {
                &closed
            } else {
                &open
            };
            let prospect = (!pool.is_empty()).then(|| pool[rng.index(pool.len())]);
            let company = prospect
                .map(|p| customers[prospects[p].customer].company_name.clone())
                .unwrap_or_else(|| "pelanggan".to_owned());
            let due_at = clock.at(day, rng.range(9, 16), *rng.pick(&[0, 30]));
            let completed_at = done.then(|| clock.not_after_now(rng, due_at - Duration::hours(2)));
            out.push(Task {
                title: format!("{title} {company}"),
                owner,
                prospect,
                due_at,
                completed_at,
                created_at: {
                    let lead_time = Duration::days(rng.range(2, 6));
                    clock.not_after_now(rng, due_at - lead_time)
                },
            });
        }
    }
    for (owner, title, day) in [
        (team.sales_manager, "Review pipeline mingguan tim sales", 0),
        (
            team.sales_manager,
            "Assign lead baru dari antrian handover",
            -1,
        ),
        (team.marketing_staff, "Rekap leads pameran JIExpo", -2),
        (team.marketing_staff, "Upload konten TikTok minggu ini", 1),
        (team.marketing_staff, "Update biaya iklan Google Ads", 0),
        (
            team.marketing_manager,
            "Evaluasi CPL per platform bulan ini",
            3,
        ),
        (
            team.marketing_manager,
            "Siapkan brief kampanye akhir tahun",
            6,
        ),
    ] {
        let due_at = clock.at(day, 10, 0);
        out.push(Task {
            title: title.to_owned(),
            owner,
            prospect: None,
            due_at,
            completed_at: None,
            created_at: clock.not_after_now(rng, due_at - Duration::days(3)),
        });
    }
    out
}

fn spend(rng: &mut Rng, clock: &Clock, team: &Team) -> Vec<Spend> {
    // (platform, daily base IDR, cost per 1000 impressions, click-through ‰, campaign)
    let platforms: [(&str, i64, i64, i64, &str); 4] = [
        ("tiktok", 450_000, 18_000, 9, "TikTok - Jasa Ekspor UMKM"),
        (
            "instagram",
            380_000,
            25_000,
            11,
            "IG - Promo LCL Asia Tenggara",
        ),
        ("meta", 520_000, 22_000, 13, "FB - Lead Form Forwarding"),
        (
            "google",
            750_000,
            60_000,
            38,
            "Search - freight forwarder jakarta",
        ),
    ];
    let mut out = Vec::new();
    for back in (1..=182).rev() {
        let date = clock.today - Duration::days(back);
        let growth = 100 + (182 - back) / 3; // +60 % over six months
        let weekend = matches!(date.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
        for (platform, base, cpm, ctr, campaign) in platforms {
            let noise = rng.range(80, 120);
            let mut amount = base * growth / 100 * noise / 100;
            if weekend {
                amount = amount * 7 / 10;
            }
            let amount = amount / 1000 * 1000;
            let impressions = amount * 1000 / cpm;
            let clicks = impressions * ctr * rng.range(85, 115) / 100_000;
            out.push(Spend {
                platform,
                date,
                amount,
                impressions,
                clicks,
                campaign,
                created_by: if rng.chance(80) {
                    team.marketing_staff
                } else {
                    team.marketing_manager
                },
            });
        }
    }
    out
}

fn notifications(
    clock: &Clock,
    team: &Team,
    customers: &[Customer],
    leads: &[Lead],
    tasks: &[Task],
) -> Vec<Notification> {
    let mut out = Vec::new();
    for owner in team.salespersons {
        let mine: Vec<&Lead> = leads
            .iter()
            .filter(|l| l.sales_owner == Some(owner))
            .rev()
            .take(3)
            .collect();
        for (n, lead) in mine.iter().enumerate() {
            out.push(Notification {
                user: owner,
                kind: "lead_assigned",
                title: "Lead baru di-assign ke Anda".to_owned(),
                body: customers[lead.customer].company_name.clone(),
                link: format!("/crm/leads/{}", lead.id),
                dedup_key: format!("demo:lead_assigned:{}", lead.id),
                read: n == 2,
                created_at: lead.assigned_at.unwrap_or(lead.created_at),
            });
        }
        for task in tasks
            .iter()
            .filter(|t| t.owner == owner && t.completed_at.is_none() && t.due_at < clock.now)
            .take(2)
        {
            out.push(Notification {
                user: owner,
                kind: "task_due",
                title: "Follow-up jatuh tempo".to_owned(),
                body: task.title.clone(),
                link: "/crm/tasks".to_owned(),
                dedup_key: format!("demo:task_due:{}:{}", owner, task.due_at.timestamp()),
                read: false,
                created_at: task.due_at,
            });
        }
    }
    let waiting = leads.iter().filter(|l| l.sales_owner.is_none()).count();
    for user in [team.sales_manager, team.marketing_manager] {
        out.push(Notification {
            user,
            kind: "system",
            title: format!("{waiting} lead menunggu handover ke sales"),
            body: "Buka antrian handover untuk meng-assign lead baru.".to_owned(),
            link: "/crm/leads?unassigned=true".to_owned(),
            dedup_key: format!("demo:handover:{user}"),
            read: false,
            created_at: clock.now - Duration::minutes(15),
        });
    }
    out.push(Notification {
        user: team.marketing_manager,
        kind: "system",
        title: "Laporan biaya iklan bulan lalu siap".to_owned(),
        body: "Spend, leads dan CPL per platform.".to_owned(),
        link: "/crm/analytics".to_owned(),
        dedup_key: "demo:ads-report".to_owned(),
        read: true,
        created_at: clock.at(-3, 8, 0),
    });
    out
}

// ---------------------------------------------------------------------------------------
// Writing the plan

fn rfq_json(rfq: &Rfq) -> serde_json::Value {
    serde_json::json!({
        "service": rfq.service,
        "origin": rfq.origin,
        "destination": rfq.destination,
        "commodity": rfq.commodity,
        "weight_kg": rfq.weight_kg,
    })
}

/// Writes `plan` (CRM tables, notifications) in `tx`; visit photos go to
/// `storage/prospect-evidence/…` when `storage` is given.
pub async fn insert(
    tx: &mut Transaction<'_, Postgres>,
    team: &Team,
    plan: &Plan,
    storage: Option<&Path>,
) -> anyhow::Result<()> {
    // Audit rows name the marketing staff member who entered the leads.
    sqlx::query("select set_config('app.user_id', $1::text, true), set_config('app.role', 'marketing_staff', true)")
        .bind(team.marketing_staff)
        .execute(&mut **tx)
        .await?;

    let c = &plan.customers;
    sqlx::query(
        "insert into customers (id, company_name, company_key, npwp, email, phone, contact_name, address, \
                                city, latitude, longitude, owner_user_id, created_by, created_at, updated_at) \
         select id, name, key, npwp, email, phone, contact, address, city, lat, lng, owner, $14, at, at \
           from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], \
                       $8::text[], $9::text[], $10::float8[], $11::float8[], $12::uuid[], $13::timestamptz[]) \
                with ordinality as t(id, name, key, npwp, email, phone, contact, address, city, lat, lng, \
                                     owner, at, n) \
          order by n",
    )
    .bind(c.iter().map(|x| x.id).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.company_name.clone()).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.company_key.clone()).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.npwp.clone()).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.email.clone()).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.phone.clone()).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.contact_name.clone()).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.address.clone()).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.city.to_owned()).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.point.0).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.point.1).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.owner).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.created_at).collect::<Vec<_>>())
    .bind(team.marketing_staff)
    .execute(&mut **tx)
    .await
    .context("demo customers")?;

    let p = &plan.prospects;
    sqlx::query(
        "insert into prospects (id, customer_id, owner_user_id, stage, expected_value, expected_close_date, \
                                lost_reason, service_interest, stage_changed_at, created_by, created_at, \
                                updated_at) \
         select id, customer, owner, stage, value::numeric, close, reason, service, changed, \
                $11, at, changed \
           from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int8[], $6::date[], $7::text[], \
                       $8::text[], $9::timestamptz[], $10::timestamptz[]) \
                with ordinality as t(id, customer, owner, stage, value, close, reason, service, changed, at, n) \
          order by n",
    )
    .bind(p.iter().map(|x| x.id).collect::<Vec<_>>())
    .bind(p.iter().map(|x| c[x.customer].id).collect::<Vec<_>>())
    .bind(p.iter().map(|x| x.owner).collect::<Vec<_>>())
    .bind(p.iter().map(|x| x.stage().to_owned()).collect::<Vec<_>>())
    .bind(p.iter().map(|x| x.expected_value).collect::<Vec<_>>())
    .bind(p.iter().map(|x| x.expected_close_date).collect::<Vec<_>>())
    .bind(p.iter().map(|x| x.lost_reason.map(str::to_owned)).collect::<Vec<_>>())
    .bind(p.iter().map(|x| x.service.1.to_owned()).collect::<Vec<_>>())
    .bind(p.iter().map(Prospect::changed_at).collect::<Vec<_>>())
    .bind(p.iter().map(|x| x.created_at).collect::<Vec<_>>())
    .bind(team.marketing_staff)
    .execute(&mut **tx)
    .await
    .context("demo prospects")?;
    // The insert trigger recorded one history row per prospect, now; replace it with the
    // backdated chain, and set how far each prospect got (the trigger only knows the start).
    let prospect_ids: Vec<Uuid> = p.iter().map(|x| x.id).collect();
    sqlx::query("delete from prospect_stage_history where prospect_id = any($1)")
        .bind(&prospect_ids)
        .execute(&mut **tx)
        .await?;
    let steps: Vec<(Uuid, &Step, Option<Uuid>, Option<&str>)> = p
        .iter()
        .flat_map(|x| {
            x.steps.iter().map(move |s| {
                (
                    x.id,
                    s,
                    x.owner.or(Some(team.marketing_staff)),
                    x.lost_reason.filter(|_| s.to == "lost"),
                )
            })
        })
        .collect();
    sqlx::query(
        "insert into prospect_stage_history (prospect_id, from_stage, to_stage, lost_reason, changed_by, changed_at) \
         select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::timestamptz[])",
    )
    .bind(steps.iter().map(|s| s.0).collect::<Vec<_>>())
    .bind(steps.iter().map(|s| s.1.from.map(str::to_owned)).collect::<Vec<_>>())
    .bind(steps.iter().map(|s| s.1.to.to_owned()).collect::<Vec<_>>())
    .bind(steps.iter().map(|s| s.3.map(str::to_owned)).collect::<Vec<_>>())
    .bind(steps.iter().map(|s| s.2).collect::<Vec<_>>())
    .bind(steps.iter().map(|s| s.1.at).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await
    .context("demo stage history")?;
    sqlx::query(
        "update prospects p set furthest_position = v.f \
           from unnest($1::uuid[], $2::int4[]) v(id, f) where p.id = v.id and p.furthest_position <> v.f",
    )
    .bind(&prospect_ids)
    .bind(p.iter().map(Prospect::furthest_position).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await?;

    let l = &plan.leads;
    sqlx::query(
        "insert into leads (id, status, channel, channel_raw, utm_source, utm_medium, utm_campaign, \
                            company_name, contact_name, email, phone, npwp, service_interest, notes, \
                            need_rfq, rfq, customer_id, prospect_id, matched_on, marketing_owner_user_id, \
                            sales_owner_user_id, assigned_at, created_by, created_at, updated_at) \
         select id, status, channel, raw, src, med, nullif(camp, ''), company, contact, email, phone, npwp, \
                service, notes, rfq is not null, rfq::jsonb, customer, prospect, matched, $20, owner, assigned, \
                $20, at, coalesce(assigned, at) \
           from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], \
                       $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], \
                       $14::text[], $15::text[], $16::uuid[], $17::uuid[], $18::text[], $19::uuid[], \
                       $21::timestamptz[], $22::timestamptz[]) \
                with ordinality as t(id, status, channel, raw, src, med, camp, company, contact, email, phone, \
                                     npwp, service, notes, rfq, customer, prospect, matched, owner, assigned, \
                                     at, n) \
          order by n",
    )
    .bind(l.iter().map(|x| x.id).collect::<Vec<_>>())
    .bind(l.iter().map(|x| lead_status(p[x.prospect].stage()).to_owned()).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.channel.to_owned()).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.channel_raw.to_owned()).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.utm.map(|u| u.0.to_owned())).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.utm.map(|u| u.1.to_owned())).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.utm.map(|u| u.2.to_owned())).collect::<Vec<_>>())
    .bind(l.iter().map(|x| c[x.customer].company_name.clone()).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.contact_name.clone()).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.email.clone()).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.phone.clone()).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.npwp.clone()).collect::<Vec<_>>())
    .bind(l.iter().map(|x| p[x.prospect].service.1.to_owned()).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.notes.clone()).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.rfq.as_ref().map(|r| rfq_json(r).to_string())).collect::<Vec<_>>())
    .bind(l.iter().map(|x| c[x.customer].id).collect::<Vec<_>>())
    .bind(l.iter().map(|x| p[x.prospect].id).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.matched_on.map(str::to_owned)).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.sales_owner).collect::<Vec<_>>())
    .bind(team.marketing_staff)
    .bind(l.iter().map(|x| x.assigned_at).collect::<Vec<_>>())
    .bind(l.iter().map(|x| x.created_at).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await
    .context("demo leads")?;

    insert_activities(tx, plan, storage).await?;
    insert_tasks(tx, plan).await?;
    insert_tickets(tx, team, plan).await?;
    insert_marketing(tx, plan).await?;
    insert_notifications(tx, plan).await?;
    Ok(())
}

async fn insert_activities(
    tx: &mut Transaction<'_, Postgres>,
    plan: &Plan,
    storage: Option<&Path>,
) -> anyhow::Result<()> {
    let (c, p) = (&plan.customers, &plan.prospects);
    let visits: Vec<&Activity> = plan
        .activities
        .iter()
        .filter(|a| a.visit.is_some())
        .collect();
    if !visits.is_empty() {
        let object_key =
            |a: &Activity, file: Uuid| format!("{}/{file}", a.occurred_at.format("%Y/%m"));
        if let Some(storage) = storage {
            for a in &visits {
                if let Some((file, _, _)) = a.visit {
                    let path: PathBuf = storage.join(EVIDENCE_BUCKET).join(object_key(a, file));
                    if let Some(dir) = path.parent() {
                        std::fs::create_dir_all(dir)
                            .with_context(|| format!("cannot create {}", dir.display()))?;
                    }
                    std::fs::write(&path, VISIT_PHOTO)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                }
            }
        }
        let files: Vec<(Uuid, String, Uuid, DateTime<Utc>)> = visits
            .iter()
            .filter_map(|a| {
                a.visit
                    .map(|(file, _, _)| (file, object_key(a, file), a.owner, a.occurred_at))
            })
            .collect();
        sqlx::query(
            "insert into files (id, bucket, object_key, original_name, content_type, size_bytes, sha256, \
                                uploaded_by, created_at) \
             select id, $5, key, 'foto-kunjungan.jpg', 'image/jpeg', length($6::bytea), \
                    encode(sha256($6::bytea), 'hex'), owner, at \
               from unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[]) as t(id, key, owner, at)",
        )
        .bind(files.iter().map(|f| f.0).collect::<Vec<_>>())
        .bind(files.iter().map(|f| f.1.clone()).collect::<Vec<_>>())
        .bind(files.iter().map(|f| f.2).collect::<Vec<_>>())
        .bind(files.iter().map(|f| f.3).collect::<Vec<_>>())
        .bind(EVIDENCE_BUCKET)
        .bind(VISIT_PHOTO)
        .execute(&mut **tx)
        .await
        .context("demo visit photos")?;
    }
    let a = &plan.activities;
    sqlx::query(
        "insert into sales_activities (id, activity_type, subject, notes, customer_id, prospect_id, \
                                       owner_user_id, occurred_at, scheduled_at, evidence_file_id, latitude, \
                                       longitude, distance_m, next_action, next_action_at, created_by, \
                                       created_at, updated_at) \
         select id, kind, subject, notes, customer, prospect, owner, at, planned, file, lat, lng, dist, \
                next, next_at, owner, at, at \
           from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], \
                       $8::timestamptz[], $9::timestamptz[], $10::uuid[], $11::float8[], $12::float8[], \
                       $13::float8[], $14::text[], $15::timestamptz[]) \
                as t(id, kind, subject, notes, customer, prospect, owner, at, planned, file, lat, lng, dist, \
                     next, next_at)",
    )
    .bind(a.iter().map(|x| x.id).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.kind.to_owned()).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.subject.clone()).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.notes.clone()).collect::<Vec<_>>())
    .bind(a.iter().map(|x| c[p[x.prospect].customer].id).collect::<Vec<_>>())
    .bind(a.iter().map(|x| p[x.prospect].id).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.owner).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.occurred_at).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.scheduled_at).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.visit.map(|v| v.0)).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.visit.map(|v| v.1 .0)).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.visit.map(|v| v.1 .1)).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.visit.map(|v| v.2.round())).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.next_action.as_ref().map(|n| n.0.clone())).collect::<Vec<_>>())
    .bind(a.iter().map(|x| x.next_action.as_ref().map(|n| n.1)).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await
    .context("demo activities")?;
    Ok(())
}

async fn insert_tasks(tx: &mut Transaction<'_, Postgres>, plan: &Plan) -> anyhow::Result<()> {
    let (c, p, t) = (&plan.customers, &plan.prospects, &plan.tasks);
    sqlx::query(
        "insert into tasks (title, status, due_at, remind_at, owner_user_id, customer_id, prospect_id, \
                            completed_at, created_by, created_at, updated_at) \
         select title, case when done is null then 'open' else 'done' end, due, \
                case when done is null and due > now() then due - interval '1 hour' end, owner, customer, \
                prospect, done, owner, at, coalesce(done, at) \
           from unnest($1::text[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::uuid[], \
                       $6::timestamptz[], $7::timestamptz[]) as t(title, due, owner, customer, prospect, done, at)",
    )
    .bind(t.iter().map(|x| x.title.clone()).collect::<Vec<_>>())
    .bind(t.iter().map(|x| x.due_at).collect::<Vec<_>>())
    .bind(t.iter().map(|x| x.owner).collect::<Vec<_>>())
    .bind(t.iter().map(|x| x.prospect.map(|i| c[p[i].customer].id)).collect::<Vec<_>>())
    .bind(t.iter().map(|x| x.prospect.map(|i| p[i].id)).collect::<Vec<_>>())
    .bind(t.iter().map(|x| x.completed_at).collect::<Vec<_>>())
    .bind(t.iter().map(|x| x.created_at).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await
    .context("demo tasks")?;
    Ok(())
}

/// RFQ tickets of the leads that asked for a quotation (as the lead bundle opens them),
/// in a spread of states Operations would have them in.
async fn insert_tickets(
    tx: &mut Transaction<'_, Postgres>,
    team: &Team,
    plan: &Plan,
) -> anyhow::Result<()> {
    let (c, p) = (&plan.customers, &plan.prospects);
    for (n, lead) in plan.leads.iter().filter(|l| l.rfq.is_some()).enumerate() {
        let Some(rfq) = &lead.rfq else { continue };
        let created_at = lead.created_at + Duration::minutes(1);
        // Open and closed from the second RFQ on, every state from the fourth, however
        // few the month brings (the plan has at least two).
        let (status, outcome, reason) = match n % 6 {
            0 | 4 => ("open", None, None),
            1 => ("closed", Some("won"), Some("Tarif disetujui pelanggan")),
            2 | 5 => ("in_progress", None, None),
            _ => ("pending", None, None),
        };
        let assignee = (status != "open")
            .then(|| team.ops.get(rfq.service).copied())
            .flatten();
        let ticket_id: Uuid = sqlx::query_scalar(
            "insert into tickets (ticket_type, priority, status, dept_target, subject, description, company_name, \
                                  contact_name, customer_phone, customer_email, rfq, need_customer_masking, \
                                  related_lead_id, related_customer_id, related_prospect_id, \
                                  assigned_to_user_id, source, inquiry_outcome, close_reason, closed_at, \
                                  created_by, created_at, updated_at) \
             values ('inquiry_tariff', $1, $2, $3, $4, 'Request for quotation from a CRM lead.', $5, $6, $7, \
                     $8, $9, true, $10, $11, $12, $13, 'crm', $14, $15, \
                     case when $2 = 'closed' then $16::timestamptz + interval '2 days' end, $17, $16, $16) \
             returning id",
        )
        .bind(if n % 4 == 0 { "high" } else { "medium" })
        .bind(status)
        .bind(rfq.service)
        .bind(format!(
            "RFQ {} {} → {}: {}",
            rfq.service, rfq.origin, rfq.destination, rfq.commodity
        ))
        .bind(&c[lead.customer].company_name)
        .bind(&lead.contact_name)
        .bind(&lead.phone)
        .bind(&lead.email)
        .bind(rfq_json(rfq))
        .bind(lead.id)
        .bind(c[lead.customer].id)
        .bind(p[lead.prospect].id)
        .bind(assignee)
        .bind(outcome)
        .bind(reason)
        .bind(created_at)
        .bind(team.marketing_staff)
        .fetch_one(&mut **tx)
        .await
        .context("demo RFQ ticket")?;
        sqlx::query("update leads set ticket_id = $2, updated_at = $3 where id = $1")
            .bind(lead.id)
            .bind(ticket_id)
            .bind(created_at)
            .execute(&mut **tx)
            .await?;
        // The ticket trigger logged its system activity now; it happened with the lead.
        sqlx::query(
            "update sales_activities set occurred_at = $2, created_at = $2, updated_at = $2 \
              where activity_type = 'system' and lead_id = $1",
        )
        .bind(lead.id)
        .bind(created_at)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn insert_marketing(tx: &mut Transaction<'_, Postgres>, plan: &Plan) -> anyhow::Result<()> {
    let s = &plan.spend;
    sqlx::query(
        "insert into marketing_spend (platform, spend_date, amount, impressions, clicks, campaign, created_by, \
                                      created_at, updated_at) \
         select platform, day, amount::numeric, impressions, clicks, campaign, by_user, \
                least(now(), (day + 1)::timestamp at time zone 'Asia/Jakarta' + interval '9 hours'), \
                least(now(), (day + 1)::timestamp at time zone 'Asia/Jakarta' + interval '9 hours') \
           from unnest($1::text[], $2::date[], $3::int8[], $4::int8[], $5::int8[], $6::text[], $7::uuid[]) \
                as t(platform, day, amount, impressions, clicks, campaign, by_user)",
    )
    .bind(s.iter().map(|x| x.platform.to_owned()).collect::<Vec<_>>())
    .bind(s.iter().map(|x| x.date).collect::<Vec<_>>())
    .bind(s.iter().map(|x| x.amount).collect::<Vec<_>>())
    .bind(s.iter().map(|x| x.impressions).collect::<Vec<_>>())
    .bind(s.iter().map(|x| x.clicks).collect::<Vec<_>>())
    .bind(s.iter().map(|x| x.campaign.to_owned()).collect::<Vec<_>>())
    .bind(s.iter().map(|x| x.created_by).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await
    .context("demo marketing spend")?;
    let e = &plan.events;
    sqlx::query(
        "insert into marketing_activity_events (event_date, title, event_type, channel, description, budget, \
                                                created_by, created_at, updated_at) \
         select day, title, kind, channel, '', budget::numeric, \
                (select id from profiles where email = 'marketing_manager@demo.local'), \
                least(now(), day::timestamp at time zone 'Asia/Jakarta' - interval '7 days'), \
                least(now(), day::timestamp at time zone 'Asia/Jakarta' - interval '7 days') \
           from unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::int8[]) \
                as t(day, title, kind, channel, budget)",
    )
    .bind(e.iter().map(|x| x.0).collect::<Vec<_>>())
    .bind(e.iter().map(|x| x.1.to_owned()).collect::<Vec<_>>())
    .bind(e.iter().map(|x| x.2.to_owned()).collect::<Vec<_>>())
    .bind(e.iter().map(|x| x.3.map(str::to_owned)).collect::<Vec<_>>())
    .bind(e.iter().map(|x| x.4).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await
    .context("demo marketing events")?;
    Ok(())
}

async fn insert_notifications(
    tx: &mut Transaction<'_, Postgres>,
    plan: &Plan,
) -> anyhow::Result<()> {
    let n = &plan.notifications;
    sqlx::query(
        "insert into notifications (user_id, kind, title, body, link, dedup_key, read_at, created_at) \
         select user_id, kind, title, body, link, key, case when seen then least(now(), at + interval '1 hour') end, at \
           from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], \
                       $8::timestamptz[]) as t(user_id, kind, title, body, link, key, seen, at)",
    )
    .bind(n.iter().map(|x| x.user).collect::<Vec<_>>())
    .bind(n.iter().map(|x| x.kind.to_owned()).collect::<Vec<_>>())
    .bind(n.iter().map(|x| x.title.clone()).collect::<Vec<_>>())
    .bind(n.iter().map(|x| x.body.clone()).collect::<Vec<_>>())
    .bind(n.iter().map(|x| x.link.clone()).collect::<Vec<_>>())
    .bind(n.iter().map(|x| x.dedup_key.clone()).collect::<Vec<_>>())
    .bind(n.iter().map(|x| x.read).collect::<Vec<_>>())
    .bind(n.iter().map(|x| x.created_at).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await
    .context("demo notifications")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> Team {
        let mut rng = Rng::new(1);
        Team {
            marketing_staff: rng.uuid(),
            marketing_manager: rng.uuid(),
            sales_manager: rng.uuid(),
            salespersons: [rng.uuid(), rng.uuid()],
            ops: HashMap::from([
                ("EXIM", rng.uuid()),
                ("DOM", rng.uuid()),
                ("IMP", rng.uuid()),
                ("WH", rng.uuid()),
            ]),
        }
    }

    fn plan() -> (Clock, Plan) {
        let clock = Clock::new(
            DateTime::parse_from_rfc3339("2026-11-22T10:30:00+07:00")
                .unwrap()
                .with_timezone(&Utc),
        );
        (clock, build(&team(), &clock, true))
    }

    #[test]
    fn the_plan_is_reproducible() {
        let (_, a) = plan();
        let (_, b) = plan();
        assert_eq!(a.leads.len(), b.leads.len());
        assert_eq!(a.customers[3].company_name, b.customers[3].company_name);
        assert_eq!(a.leads[10].id, b.leads[10].id);
    }

    #[test]
    fn a_believable_month_with_six_months_of_history() {
        let (clock, plan) = plan();
        let recent = plan
            .leads
            .iter()
            .filter(|l| clock.now - l.created_at < Duration::days(30))
            .count();
        assert!((50..=70).contains(&recent), "{recent} leads this month");
        assert!(plan.leads.len() > recent + 50);
        assert!(plan.leads.iter().all(|l| l.created_at <= clock.now));
        let unassigned = plan
            .leads
            .iter()
            .filter(|l| l.sales_owner.is_none())
            .count();
        assert!((1..=6).contains(&unassigned), "{unassigned} unassigned");
        assert!(plan.leads.iter().any(|l| l.matched_on.is_some()));
        assert!(plan.customers.len() < plan.leads.len());
        let rfqs = plan.leads.iter().filter(|l| l.rfq.is_some()).count();
        assert!((2..=8).contains(&rfqs), "{rfqs} RFQs");
        for salesperson in team().salespersons {
            let open = plan
                .prospects
                .iter()
                .filter(|p| p.owner == Some(salesperson) && p.is_open())
                .count();
            assert!(open >= 8, "{open} open prospects");
        }
        let stages: HashSet<&str> = plan.prospects.iter().map(Prospect::stage).collect();
        for stage in [
            "new",
            "contacted",
            "qualification",
            "proposal",
            "negotiation",
            "won",
            "lost",
        ] {
            assert!(stages.contains(stage), "no prospect in {stage}");
        }
        assert_eq!(plan.spend.len(), 182 * 4);
        assert!(plan.activities.iter().any(|a| a.visit.is_some()));
        assert!(plan
            .tasks
            .iter()
            .any(|t| t.completed_at.is_none() && t.due_at < clock.now));
    }

    #[test]
    fn identifiers_are_normalised_and_unique() {
        let (_, plan) = plan();
        let mut seen = HashSet::new();
        for c in &plan.customers {
            assert_eq!(
                CompanyKey::parse(&c.company_name).unwrap().as_str(),
                c.company_key
            );
            assert!(seen.insert(format!("k{}", c.company_key)));
            if let Some(npwp) = &c.npwp {
                assert_eq!(npwp.len(), 16);
                assert!(seen.insert(format!("n{npwp}")));
            }
            if let Some(phone) = &c.phone {
                assert!(phone.starts_with("+62"));
                assert_eq!(PhoneE164::parse(phone).unwrap().as_str(), phone);
                assert!(seen.insert(format!("p{phone}")));
            }
            if let Some(email) = &c.email {
                assert_eq!(&email.to_lowercase(), email);
                assert!(seen.insert(format!("e{email}")));
            }
        }
    }

    #[test]
    fn stage_chains_are_consistent() {
        let (clock, plan) = plan();
        for p in &plan.prospects {
            assert_eq!(p.steps[0].from, None);
            assert_eq!(p.steps[0].to, "new");
            for pair in p.steps.windows(2) {
                assert_eq!(pair[1].from, Some(pair[0].to));
                assert!(pair[1].at > pair[0].at && pair[1].at <= clock.now);
            }
            assert_eq!(p.stage() == "lost", p.lost_reason.is_some());
            if p.owner.is_none() {
                assert_eq!(p.stage(), "new");
            }
        }
        // A repeat lead of a customer lands on that customer's prospect.
        for l in &plan.leads {
            assert_eq!(plan.prospects[l.prospect].customer, l.customer);
        }
    }
}
