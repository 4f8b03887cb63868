//! Demo WhatsApp traffic (WA-1…WA-4): a month of conversations on the business number
//! `110000000000001` (display `6281100000000`): customers asking about shipments, tariffs,
//! complaints, pickups, payments and imports, the bot's first answers within seconds, the
//! CS agents' replies in business hours, delivery statuses with the Cloud API's failures,
//! and three campaigns with the replies they drew.
//!
//! The traffic goes through the real intake path: Cloud API webhook bodies and outbound
//! batches, stored with `app.wa_receive` and processed with `app.wa_process` inside the
//! demo transaction, a body per Jakarta day and per turn of the talk (the numbers' own
//! order kept, [`bodies`]). Before each day, the conversations CS had resolved by then are
//! resolved ([`steps`]): a reply or a campaign message joins a conversation that is still
//! open however old it is. Processing stamps "now" where it creates rows; the
//! conversations, the leads of new numbers (with their customers and prospects), messages,
//! statuses and stored bodies are then dated as they happened, and the conversations left
//! as CS left them.
//!
//! The plan ([`build`]) is pure and unit-tested. What the demo must show — a failure of
//! each error code, a conversation the bot resolved, open and pending ones, unassigned
//! ones, a returning customer — is placed explicitly, whatever the day and hour of
//! seeding; the draws only add the believable rest.

use std::collections::{HashMap, HashSet};

use anyhow::Context;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Utc, Weekday};
use serde_json::{json, Value};
use sqlx::{Postgres, Transaction};
use uuid::Uuid;

use super::{crm_demo::Clock, rng::Rng, ticket_demo::CITIES};

const SEED: u64 = 0x5eed_0a7a_2026;
/// The business number (Cloud API `metadata`) and its WhatsApp Business Account.
pub const PHONE_NUMBER_ID: &str = "110000000000001";
pub const DISPLAY_PHONE: &str = "6281100000000";
const WABA_ID: &str = "100000000000001";
/// The people who answer: e-mail and the name they sign with.
pub const AGENTS: [(&str, &str); 3] = [
    ("cs_agent@demo.local", "Dimas"),
    ("cs_agent2@demo.local", "Nur"),
    ("cs_admin@demo.local", "Putri"),
];
const AGENT_WEIGHTS: &[(usize, u64)] = &[(0, 45), (1, 45), (2, 10)];
/// Demo customers whose numbers write (about 30 % of the numbers), new numbers that
/// become leads, and numbers that only receive campaigns unless they answer one.
const CUSTOMER_NUMBERS: usize = 54;
const NEW_NUMBERS: usize = 126;
const LIST_NUMBERS: usize = 70;
/// Cloud API errors of failed messages: code, title, details.
pub const ERRORS: [(i64, &str, &str); 4] = [
    (
        131_026,
        "Message undeliverable",
        "Unable to deliver message. Reasons can include: the recipient phone number is not a \
         WhatsApp phone number, the recipient has not accepted the new Terms of Service, or the \
         recipient is using an old WhatsApp version.",
    ),
    (
        131_047,
        "Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer last \
         replied to this number.",
    ),
    (
        131_049,
        "This message was not delivered to maintain healthy ecosystem engagement.",
        "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.",
    ),
    (
        130_472,
        "User's number is part of an experiment",
        "Failed to send message because this user's phone number is part of an experiment.",
    ),
];
const ERROR_HREF: &str =
    "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";
/// Most status items in one webhook body.
const STATUSES_PER_BODY: usize = 400;

fn secs(n: i64) -> Duration {
    Duration::seconds(n)
}

fn mins(n: i64) -> Duration {
    Duration::minutes(n)
}

/// Two cycles of one number are at least this far apart (24 h of silence starts a new one).
fn cycle_gap() -> Duration {
    Duration::hours(26)
}

/// A campaign message joins a conversation that is live within 24 h; keep them apart.
fn campaign_guard() -> Duration {
    Duration::hours(25)
}

// ------------------------------------------------------------------------------------
// The plan

/// A number that writes to (or is written by) the business number.
#[derive(Debug, Clone)]
pub struct Contact {
    /// E.164, e.g. `+6281234567001`.
    pub phone: String,
    /// The WhatsApp profile name.
    pub name: String,
    /// An existing demo customer's number.
    pub customer: bool,
}

impl Contact {
    fn wa_id(&self) -> &str {
        self.phone.trim_start_matches('+')
    }

    /// How the agents address them: `Kak Budi`, or `Kak` for a shop's profile.
    fn address(&self) -> String {
        match self.name.split_whitespace().next() {
            Some(first) if !BUSINESS_WORDS.contains(&first) && first.chars().count() > 1 => {
                format!("Kak {first}")
            }
            _ => "Kak".to_owned(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sender {
    Customer,
    Bot,
    /// An index in [`AGENTS`].
    Agent(usize),
}

/// A media object of the Cloud API (id, hash; the URL follows from the id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media {
    pub id: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Text(String),
    Image {
        caption: Option<String>,
        media: Media,
    },
    Document {
        filename: String,
        caption: Option<String>,
        media: Media,
    },
    Voice {
        media: Media,
    },
    /// An index in [`PLACES`].
    Location(usize),
    /// A reply button of the bot's menu: `to` is the bot message's index in its conversation.
    ButtonReply {
        id: &'static str,
        title: &'static str,
        to: usize,
    },
    /// A quick-reply button of a campaign's template message.
    QuickReply {
        payload: &'static str,
        text: &'static str,
        campaign: usize,
        send: usize,
    },
}

impl Content {
    /// The Cloud API message type.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Text(_) => "text",
            Self::Image { .. } => "image",
            Self::Document { .. } => "document",
            Self::Voice { .. } => "audio",
            Self::Location(_) => "location",
            Self::ButtonReply { .. } => "interactive",
            Self::QuickReply { .. } => "button",
        }
    }

    fn text_mut(&mut self) -> Option<&mut String> {
        match self {
            Self::Text(text) => Some(text),
            Self::Image { caption, .. } | Self::Document { caption, .. } => caption.as_mut(),
            _ => None,
        }
    }
}

/// A delivery status WhatsApp reported for an outbound message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// `sent`, `delivered`, `read` or `failed`.
    pub status: &'static str,
    pub at: DateTime<Utc>,
    /// An index in [`ERRORS`] (failed only).
    pub error: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Message {
    /// The `wamid.…` id (given when the plan is complete).
    pub id: String,
    pub at: DateTime<Utc>,
    pub sender: Sender,
    pub content: Content,
    /// Outbound messages only.
    pub statuses: Vec<Status>,
}

impl Message {
    fn inbound(&self) -> bool {
        self.sender == Sender::Customer
    }

    fn failed(&self) -> Option<usize> {
        self.statuses.iter().find_map(|s| s.error)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Open,
    Pending,
    Resolved {
        /// `agent`, `bot` or `timeout`.
        by: &'static str,
        at: DateTime<Utc>,
    },
}

impl Outcome {
    pub fn status(&self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Pending => "pending",
            Self::Resolved { .. } => "resolved",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Conversation {
    /// An index in [`Plan::contacts`].
    pub contact: usize,
    pub messages: Vec<Message>,
    pub outcome: Outcome,
    /// The agent who has it and since when: the first to answer.
    pub assignee: Option<(usize, DateTime<Utc>)>,
    /// The campaign it answers.
    pub campaign: Option<usize>,
}

impl Conversation {
    pub fn opened_at(&self) -> DateTime<Utc> {
        self.messages.first().map_or(DateTime::UNIX_EPOCH, |m| m.at)
    }

    pub fn last_at(&self) -> DateTime<Utc> {
        self.messages.last().map_or(DateTime::UNIX_EPOCH, |m| m.at)
    }

    pub fn has(&self, wanted: impl Fn(Sender) -> bool) -> bool {
        has(&self.messages, wanted)
    }
}

fn has(messages: &[Message], wanted: impl Fn(Sender) -> bool) -> bool {
    messages.iter().any(|m| wanted(m.sender))
}

/// One template message of a campaign to one number.
#[derive(Debug, Clone)]
pub struct Send {
    pub contact: usize,
    pub message: Message,
    /// It drew a reply (a conversation).
    pub replied: bool,
}

#[derive(Debug, Clone)]
pub struct Campaign {
    pub name: &'static str,
    /// Pricing category: `marketing` or `utility`.
    pub category: &'static str,
    pub sends: Vec<Send>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub contacts: Vec<Contact>,
    pub conversations: Vec<Conversation>,
    pub campaigns: Vec<Campaign>,
}

// ------------------------------------------------------------------------------------
// What people write

#[derive(Debug, Clone, Copy)]
enum MediaKind {
    Photo(Option<&'static str>),
    Doc(&'static str, Option<&'static str>),
    Place,
    Voice,
}

struct Topic {
    opening: &'static [&'static str],
    follow: &'static [&'static str],
    agent_first: &'static [&'static str],
    agent_more: &'static [&'static str],
    bot_answer: &'static str,
    /// The bot menu's button for it.
    button: (&'static str, &'static str),
    media: &'static [(MediaKind, u64)],
    /// Percent of openings followed by a burst of media, and of follow-ups that are media.
    burst: u64,
    media_follow: u64,
}

const RESI: Topic = Topic {
    opening: &[
        "Halo kak, paket saya dengan resi {resi} kok belum sampai ya? Estimasinya kemarin.",
        "Selamat pagi, mau tanya posisi barang resi {resi} sudah sampai mana?",
        "Kak tolong dicek resi {resi}, di aplikasi statusnya tidak bergerak dari 2 hari lalu.",
        "Permisi, kiriman ke {kota} dengan resi {resi} kapan tiba ya?",
        "Min, resi {resi} statusnya masih di gudang transit terus. Aman kan?",
    ],
    follow: &[
        "Oke kak, ditunggu kabarnya ya.",
        "Penerimanya sudah menunggu dari kemarin kak, tolong dibantu.",
        "Alamatnya sudah benar kak, nomor penerima juga aktif.",
        "Kira-kira besok bisa sampai kak?",
        "Kalau bisa diantar sebelum jam 3 sore ya kak, kantornya tutup.",
    ],
    agent_first: &[
        "Selamat {waktu} {sapa}, saya {agen} dari tim CS. Kami cek dulu posisi paket {resi} ya, mohon ditunggu sebentar.",
        "Halo {sapa}, terima kasih sudah menunggu. Paket {resi} saat ini di hub {kota} dan dijadwalkan diantar besok.",
        "Selamat {waktu} {sapa}, saya {agen}. Paket {resi} sedang dalam perjalanan ke {kota}, estimasi tiba 1–2 hari kerja.",
    ],
    agent_more: &[
        "Sudah kami konfirmasi ke hub {kota}, paket keluar untuk diantar hari ini sebelum jam 17.00.",
        "Mohon maaf atas keterlambatannya {sapa}, ada penumpukan di gudang transit. Pengantarannya kami prioritaskan.",
        "Baik {sapa}, kami teruskan ke tim operasional. Kurir akan menghubungi penerima sebelum mengantar.",
    ],
    bot_answer: "Status resi {resi}: dalam perjalanan ke {kota}, estimasi tiba 1–2 hari kerja. Ketik MENU untuk kembali ke menu utama.",
    button: ("cek_resi", "Cek resi"),
    media: &[
        (MediaKind::Photo(Some("Foto resi")), 5),
        (MediaKind::Photo(None), 2),
        (MediaKind::Voice, 1),
    ],
    burst: 20,
    media_follow: 20,
};

const TARIF: Topic = Topic {
    opening: &[
        "Halo, mau tanya ongkir dari Jakarta ke {kota} untuk 50 kg berapa ya?",
        "Kak, tarif kirim motor ke {kota} berapa? Sama berapa lama sampainya?",
        "Selamat siang, saya butuh penawaran harga kirim 2 palet ke {kota} via laut.",
        "Berapa ongkos kirim dokumen ke {kota} yang sampai besok?",
    ],
    follow: &[
        "Ukurannya 120x80x100 cm kak, beratnya sekitar 200 kg.",
        "Kalau via udara berapa selisihnya?",
        "Bisa dijemput di gudang kami kak?",
        "Minta penawaran resminya dikirim ke email ya kak.",
        "Oke kak, saya diskusikan dulu dengan atasan.",
    ],
    agent_first: &[
        "Halo {sapa}, saya {agen}. Untuk tujuan {kota}, tarif darat mulai Rp 4.500/kg dengan estimasi 3–5 hari. Boleh info dimensi barangnya?",
        "Selamat {waktu} {sapa}, terima kasih atas minatnya. Ke {kota} kami melayani darat, laut, dan udara. Barangnya apa dan berapa kilo?",
    ],
    agent_more: &[
        "Untuk 200 kg via darat totalnya Rp 1.150.000 sudah termasuk asuransi dasar. Via udara Rp 3.400.000, sampai 1–2 hari.",
        "Bisa {sapa}, penjemputan gratis untuk area Jabodetabek di atas 100 kg.",
        "Penawaran resmi sudah kami kirim ke email {sapa} ya, berlaku 14 hari.",
    ],
    bot_answer: "Tarif ke {kota} mulai Rp 4.500/kg (darat) dan Rp 17.000/kg (udara). Untuk penawaran khusus pilih Bicara dengan agen.",
    button: ("info_tarif", "Info tarif"),
    media: &[
        (MediaKind::Photo(Some("Barangnya seperti ini kak")), 4),
        (MediaKind::Place, 2),
        (MediaKind::Doc("Daftar_Barang.pdf", None), 2),
    ],
    burst: 15,
    media_follow: 25,
};

const KOMPLAIN: Topic = Topic {
    opening: &[
        "Kak barang saya sampai dalam kondisi rusak, kardusnya penyok semua. Resi {resi}.",
        "Saya mau komplain, paket {resi} isinya kurang 1 koli.",
        "Kurirnya antar ke alamat yang salah kak, padahal alamat sudah lengkap. Resi {resi}.",
        "Kenapa paket saya dikembalikan ke pengirim? Penerima ada di tempat seharian.",
    ],
    follow: &[
        "Saya minta ganti rugi kak, barangnya tidak bisa dipakai.",
        "Tolong segera ya kak, customer saya sudah komplain.",
        "Baik, saya tunggu kabar selanjutnya.",
        "Sudah 3 hari lho kak, belum ada kabar.",
    ],
    agent_first: &[
        "Mohon maaf atas ketidaknyamanannya {sapa}, saya {agen} dari tim CS. Boleh dikirimkan foto kondisi barang dan kemasannya?",
        "Halo {sapa}, kami mohon maaf. Kasus paket {resi} sudah kami catat dan kami teruskan ke tim investigasi.",
    ],
    agent_more: &[
        "Terima kasih fotonya {sapa}. Klaim sudah kami ajukan, proses verifikasi maksimal 3 hari kerja.",
        "Kami sudah konfirmasi ke kurir, paket akan diantar ulang besok pagi ke alamat yang benar.",
        "Untuk klaim, mohon lampirkan invoice pembelian barangnya ya {sapa}.",
    ],
    bot_answer: "Mohon maaf atas kendalanya. Keluhan Kakak sudah kami catat dan tim kami akan menghubungi dalam 1×24 jam.",
    button: ("komplain", "Ajukan komplain"),
    media: &[
        (MediaKind::Photo(Some("Kondisi barang saat diterima")), 5),
        (MediaKind::Photo(None), 4),
        (MediaKind::Doc("Form_Klaim_{resi}.pdf", Some("Form klaim")), 2),
        (MediaKind::Voice, 1),
    ],
    burst: 55,
    media_follow: 40,
};

const PICKUP: Topic = Topic {
    opening: &[
        "Kak, bisa request pickup besok pagi? Ada 15 koli di gudang.",
        "Halo, mau jadwalkan jemput barang hari ini jam 2 siang bisa?",
        "Pickup untuk kiriman ke {kota} bisa hari Sabtu kak?",
    ],
    follow: &[
        "Nanti ketemu dengan security di pos depan ya kak.",
        "Barangnya sudah dipacking kayu kak.",
        "Drivernya sudah sampai mana ya kak?",
    ],
    agent_first: &[
        "Bisa {sapa}, saya {agen}. Mohon share lokasi penjemputan dan jumlah kolinya ya.",
        "Halo {sapa}, jadwal pickup sudah kami catat. Driver akan datang antara jam 09.00–12.00.",
    ],
    agent_more: &[
        "Lokasi sudah kami terima, driver atas nama Pak Joko dengan armada CDE akan datang sesuai jadwal.",
        "Pickup sudah selesai {sapa}, resi kami kirimkan setelah barang ditimbang di gudang.",
    ],
    bot_answer: "Permintaan pickup tercatat. Driver kami mengonfirmasi jadwal penjemputan paling lambat 2 jam sebelum datang.",
    button: ("pickup", "Jadwalkan pickup"),
    media: &[
        (MediaKind::Place, 6),
        (MediaKind::Photo(Some("Barang sudah siap di gudang")), 3),
    ],
    burst: 45,
    media_follow: 35,
};

const BAYAR: Topic = Topic {
    opening: &[
        "Kak, invoice bulan lalu sudah saya transfer ya, mohon dicek.",
        "Selamat pagi, minta dikirimkan ulang invoice untuk pengiriman ke {kota} minggu lalu.",
        "Mau konfirmasi pembayaran kak.",
    ],
    follow: &[
        "Faktur pajaknya sekalian ya kak.",
        "Transfernya dari rekening atas nama perusahaan kak.",
        "Oke, terima kasih infonya.",
    ],
    agent_first: &[
        "Terima kasih {sapa}, saya {agen}. Pembayaran sedang kami cocokkan dengan tim finance, mohon ditunggu.",
        "Selamat {waktu} {sapa}, saya {agen}. Invoicenya kami cek dulu ya.",
    ],
    agent_more: &[
        "Pembayaran sudah kami terima dan invoice berstatus lunas. Terima kasih {sapa}.",
        "Invoice dan faktur pajak sudah kami kirim ulang ke email terdaftar ya {sapa}.",
    ],
    bot_answer: "Terima kasih, konfirmasi pembayaran Kakak sudah kami terima dan diverifikasi tim finance dalam 1 hari kerja.",
    button: ("pembayaran", "Konfirmasi pembayaran"),
    media: &[
        (MediaKind::Photo(Some("Bukti transfer")), 6),
        (MediaKind::Doc("Bukti_Transfer.pdf", None), 3),
    ],
    burst: 60,
    media_follow: 30,
};

const IMPOR: Topic = Topic {
    opening: &[
        "Halo kak, mau tanya layanan impor door to door dari Guangzhou, berapa lama prosesnya?",
        "Barang impor saya tertahan di bea cukai, bisa dibantu cek?",
        "Berapa biaya clearance untuk 1 kontainer 20 feet di Tanjung Priok?",
    ],
    follow: &[
        "Barangnya sparepart mesin kak, HS code belum tahu.",
        "Oke kak, ditunggu penawarannya.",
        "Kapan kira-kira bisa keluar dari pelabuhan?",
    ],
    agent_first: &[
        "Halo {sapa}, saya {agen}. Untuk impor DTD dari Guangzhou estimasi 14–21 hari sampai gudang. Boleh info jenis barangnya?",
        "Selamat {waktu} {sapa}, saya {agen} dari tim CS. Mohon kirimkan packing list dan invoice supplier agar kami cek.",
    ],
    agent_more: &[
        "Dokumen sudah kami terima, tim customs kami cek kelengkapannya hari ini.",
        "Untuk clearance 20 feet biayanya mulai Rp 6.500.000 di luar bea masuk dan pajak.",
    ],
    bot_answer: "Layanan impor DTD kami melayani rute Tiongkok, Singapura, dan Malaysia. Pilih Bicara dengan agen untuk penawaran.",
    button: ("impor", "Layanan impor"),
    media: &[
        (MediaKind::Doc("Packing_List.pdf", Some("Packing list")), 4),
        (MediaKind::Doc("Commercial_Invoice.pdf", None), 3),
        (MediaKind::Photo(None), 1),
    ],
    burst: 40,
    media_follow: 40,
};

const TOPICS: &[(&Topic, u64)] = &[
    (&RESI, 35),
    (&TARIF, 20),
    (&KOMPLAIN, 15),
    (&PICKUP, 12),
    (&BAYAR, 10),
    (&IMPOR, 8),
];

const BOT_GREETING: &str =
    "Halo {sapa}! 👋 Terima kasih telah menghubungi Layanan Pelanggan kami. \
     Silakan pilih menu: Cek resi, Info tarif, atau Bicara dengan agen.";
const BOT_HANDOFF: &str =
    "Baik, {sapa} akan segera dibantu oleh agen kami. Mohon tunggu sebentar ya.";
const BOT_HANDOFF_NIGHT: &str =
    "Agen kami sedang offline dan akan membalas mulai pukul 08.00 WIB. Terima kasih sudah menunggu.";
const AGENT_BUTTON: (&str, &str) = ("bicara_agen", "Bicara dengan agen");
const CLOSINGS: &[&str] = &[
    "Terima kasih {sapa}, bila ada yang bisa dibantu lagi silakan hubungi kami kembali. 🙏",
    "Baik {sapa}, percakapan ini kami tutup ya. Terima kasih sudah menghubungi kami.",
    "Sama-sama {sapa}, semoga harinya menyenangkan!",
];
const THANKS: &[&str] = &[
    "Terima kasih kak 🙏",
    "Oke siap, makasih ya",
    "Baik kak, terima kasih banyak",
    "👍",
    "Sip, thanks kak",
];
const WELCOME: &str = "Sama-sama {sapa} 🙏";

/// Places customers share: name, address, latitude, longitude.
pub const PLACES: &[(&str, &str, f64, f64)] = &[
    (
        "Gudang Cikarang",
        "Jl. Industri Selatan 5 Blok GG No. 3, Cikarang Selatan, Bekasi",
        -6.339_2,
        107.138_9,
    ),
    (
        "Ruko Mangga Dua Square",
        "Jl. Gunung Sahari Raya No. 1, Pademangan, Jakarta Utara",
        -6.137_2,
        106.827_6,
    ),
    (
        "Kawasan Industri Pulogadung",
        "Jl. Rawa Gelam III No. 8, Cakung, Jakarta Timur",
        -6.199_0,
        106.909_0,
    ),
    (
        "Pergudangan Margomulyo",
        "Jl. Margomulyo No. 44, Tandes, Surabaya",
        -7.239_5,
        112.686_1,
    ),
    (
        "ITC Kuningan",
        "Jl. Prof. DR. Satrio Kav. 11, Karet Kuningan, Setiabudi, Jakarta Selatan 12940",
        -6.223_3,
        106.828_1,
    ),
];

struct CampaignDef {
    name: &'static str,
    /// Day (relative to today), hour and minute it went out (Jakarta time).
    day: i64,
    hour: i64,
    minute: i64,
    category: &'static str,
    text: &'static str,
    button: (&'static str, &'static str),
    topic: Topic,
}

const CAMPAIGNS: [CampaignDef; 3] = [
    CampaignDef {
        name: "Info Tarif Baru 2027",
        day: -22,
        hour: 10,
        minute: 0,
        category: "marketing",
        text: "Yth. {sapa}, mulai 1 Januari 2027 tarif pengiriman darat dan laut kami sesuaikan rata-rata 5%. \
               Tabel tarif lengkap dapat diminta melalui chat ini.",
        button: ("TARIF_MINTA", "Minta tabel tarif"),
        topic: Topic {
            opening: &[
                "Boleh minta tabel tarif barunya kak?",
                "Untuk kontrak tahunan tarifnya ikut naik juga kak?",
                "Kenaikan 5% itu berlaku untuk semua rute kak?",
            ],
            follow: &[
                "Oke kak, nanti saya teruskan ke bagian purchasing.",
                "Kalau volume kami naik bisa dapat harga khusus?",
            ],
            agent_first: &[
                "Halo {sapa}, saya {agen}. Tabel tarif 2027 kami kirim ke email terdaftar hari ini ya.",
                "Selamat {waktu} {sapa}, untuk kontrak yang sudah berjalan tarif lama berlaku sampai kontrak berakhir.",
            ],
            agent_more: &[
                "Bisa {sapa}, untuk volume di atas 5 ton per bulan ada potongan khusus. Sales kami akan menghubungi.",
                "Tabel tarifnya sudah terkirim, mohon dicek juga folder spam ya {sapa}.",
            ],
            bot_answer: "Tabel tarif 2027 akan dikirim ke email Kakak yang terdaftar dalam 1 hari kerja.",
            button: ("info_tarif", "Info tarif"),
            media: &[(MediaKind::Doc("Kontrak_Tarif_2026.pdf", None), 1)],
            burst: 5,
            media_follow: 10,
        },
    },
    CampaignDef {
        name: "Promo Desember",
        day: -13,
        hour: 9,
        minute: 30,
        category: "marketing",
        text: "Halo {sapa}! 🎉 Promo Desember: diskon ongkir 20% untuk semua pengiriman antarpulau sampai \
               31 Desember. Sebutkan kode DES20 saat pickup.",
        button: ("PROMO_TERTARIK", "Tertarik"),
        topic: Topic {
            opening: &[
                "Kak promo DES20 berlaku untuk kiriman ke {kota} juga?",
                "Minimal berat berapa kg untuk dapat diskonnya?",
                "Promonya bisa digabung dengan harga kontrak kak?",
            ],
            follow: &[
                "Oke, saya mau kirim 300 kg minggu depan.",
                "Sip kak, nanti saya jadwalkan pickupnya.",
            ],
            agent_first: &[
                "Halo {sapa}, saya {agen}. Betul, DES20 berlaku untuk semua rute antarpulau tanpa minimal berat.",
                "Selamat {waktu} {sapa}, promo berlaku sampai 31 Desember untuk pengiriman darat dan laut.",
            ],
            agent_more: &[
                "Untuk harga kontrak, promo tidak dapat digabung ya {sapa}. Kami pilihkan yang paling hemat.",
                "Siap {sapa}, jadwal pickup minggu depan sudah kami catat dengan kode DES20.",
            ],
            bot_answer: "Promo DES20: diskon ongkir 20% untuk pengiriman antarpulau sampai 31 Desember.",
            button: ("info_tarif", "Info tarif"),
            media: &[(MediaKind::Photo(Some("Barang yang mau dikirim")), 1)],
            burst: 10,
            media_follow: 20,
        },
    },
    CampaignDef {
        name: "Pengingat Pembayaran",
        day: -6,
        hour: 8,
        minute: 30,
        category: "utility",
        text: "Halo {sapa}, kami mengingatkan tagihan pengiriman Kakak jatuh tempo dalam 3 hari. Abaikan pesan \
               ini bila sudah membayar. Terima kasih.",
        button: ("BAYAR_SUDAH", "Sudah bayar"),
        topic: Topic {
            opening: &[
                "Sudah saya transfer kemarin kak.",
                "Minta nomor rekeningnya kak.",
                "Tagihan yang mana ya kak? Rasanya sudah lunas semua.",
            ],
            follow: &["Oke kak, terima kasih.", "Faktur pajaknya sekalian ya kak."],
            agent_first: &[
                "Terima kasih {sapa}, saya {agen}. Pembayaran kami cocokkan dengan tim finance dulu ya.",
                "Halo {sapa}, pembayaran dapat ditransfer ke rekening perusahaan yang tertera di invoice.",
            ],
            agent_more: &[
                "Pembayaran sudah kami terima, invoice berstatus lunas. Terima kasih {sapa}.",
                "Invoicenya kami kirim ulang ke email {sapa} ya.",
            ],
            bot_answer: "Terima kasih, konfirmasi pembayaran Kakak kami teruskan ke tim finance.",
            button: ("pembayaran", "Konfirmasi pembayaran"),
            media: &[
                (MediaKind::Photo(Some("Bukti transfer")), 3),
                (MediaKind::Doc("Bukti_Transfer.pdf", None), 1),
            ],
            burst: 60,
            media_follow: 20,
        },
    },
];

const FIRST_NAMES: &[&str] = &[
    "Budi", "Siti", "Andi", "Dewi", "Agus", "Rina", "Joko", "Sri", "Hendra", "Yuni", "Rudi",
    "Lestari", "Fajar", "Indah", "Bayu", "Wulan", "Eko", "Ratna", "Dani", "Maya", "Arif", "Fitri",
    "Teguh", "Nurul", "Rizky", "Ayu", "Hadi", "Putu", "Made", "Wayan", "Yusuf", "Intan", "Bambang",
    "Sari", "Ilham", "Mega", "Reza", "Citra", "Imam", "Dian",
];
const LAST_NAMES: &[&str] = &[
    "Santoso",
    "Wijaya",
    "Pratama",
    "Saputra",
    "Hidayat",
    "Kurniawan",
    "Setiawan",
    "Nugroho",
    "Siregar",
    "Nasution",
    "Simanjuntak",
    "Wibowo",
    "Halim",
    "Gunawan",
    "Tanjung",
    "Harahap",
    "Susanto",
    "Rahman",
    "Permana",
    "Lubis",
];
const SHOP_NAMES: &[&str] = &[
    "Toko Sinar Jaya",
    "CV Maju Bersama",
    "Berkah Elektronik",
    "UD Sumber Rezeki",
    "Grosir Makmur",
    "PT Cahaya Abadi",
    "Toko Bangunan Sentosa",
    "Sparepart Motor Jaya",
    "Online Shop Ayu",
    "Dapur Mama Rina",
];
/// First words of a shop's profile name (addressed as plain `Kak`).
const BUSINESS_WORDS: &[&str] = &[
    "Toko",
    "CV",
    "UD",
    "PT",
    "Berkah",
    "Grosir",
    "Sparepart",
    "Online",
    "Dapur",
];
const PREFIXES: &[&str] = &[
    "811", "812", "813", "821", "822", "852", "853", "857", "858", "877", "878", "895", "896",
    "838",
];
/// Conversations started per hour of the day (Jakarta): business hours, peaks at 10 and 14.
const HOURS: &[(i64, u64)] = &[
    (0, 1),
    (4, 1),
    (5, 1),
    (6, 2),
    (7, 4),
    (8, 7),
    (9, 10),
    (10, 13),
    (11, 10),
    (12, 7),
    (13, 10),
    (14, 13),
    (15, 10),
    (16, 8),
    (17, 5),
    (18, 4),
    (19, 4),
    (20, 3),
    (21, 2),
    (22, 2),
    (23, 1),
];

// ------------------------------------------------------------------------------------
// Time

fn local(at: DateTime<Utc>) -> NaiveDateTime {
    (at + Duration::hours(7)).naive_utc()
}

fn date_of(at: DateTime<Utc>) -> NaiveDate {
    local(at).date()
}

fn in_business_hours(at: DateTime<Utc>) -> bool {
    (8..17).contains(&local(at).hour())
}

/// `at`, or the start of the next business hours (08:00–17:00 Jakarta, every day).
fn business(rng: &mut Rng, clock: &Clock, at: DateTime<Utc>) -> DateTime<Utc> {
    let hour = local(at).hour();
    if (8..17).contains(&hour) {
        return at;
    }
    let day = date_of(at) + Duration::days(i64::from(hour >= 17));
    clock.on(day, 8, rng.range(0, 40)) + secs(rng.range(0, 59))
}

/// `at`, or the next waking hour (07:00–22:00) a customer answers in.
fn waking(rng: &mut Rng, clock: &Clock, at: DateTime<Utc>) -> DateTime<Utc> {
    let hour = local(at).hour();
    if (7..22).contains(&hour) {
        return at;
    }
    let day = date_of(at) + Duration::days(i64::from(hour >= 22));
    clock.on(day, 7, rng.range(10, 90)) + secs(rng.range(0, 59))
}

fn greeting_time(at: DateTime<Utc>) -> &'static str {
    match local(at).hour() {
        4..=10 => "pagi",
        11..=14 => "siang",
        15..=18 => "sore",
        _ => "malam",
    }
}

// ------------------------------------------------------------------------------------
// Drafting a conversation

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// The bot greets, then an agent takes over.
    BotThenAgent,
    BotOnly,
    AgentOnly,
    /// Nobody answered (yet).
    Silent,
}

enum Opener {
    Topic,
    /// An answer to a campaign message: its quick-reply button, or a text.
    Campaign {
        campaign: usize,
        send: usize,
        quick: bool,
    },
}

struct Script<'a> {
    shape: Shape,
    topic: &'a Topic,
    customer_messages: usize,
    agent: usize,
    opener: Opener,
}

/// A conversation before it is given its number and outcome.
struct Draft {
    contact: usize,
    messages: Vec<Message>,
    campaign: Option<usize>,
    /// How long after its last message it is resolved.
    resolve_after: Duration,
    /// Left pending although old (waiting for the customer's documents).
    linger: bool,
    /// Kept as it is (the showcase's open and pending conversations).
    hold: bool,
}

#[derive(Default)]
struct Thread {
    messages: Vec<Message>,
}

impl Thread {
    fn last(&self) -> DateTime<Utc> {
        self.messages.last().map_or(DateTime::UNIX_EPOCH, |m| m.at)
    }

    /// Adds a message at `at` (at least a second after the previous); returns its index.
    fn push(&mut self, at: DateTime<Utc>, sender: Sender, content: Content) -> usize {
        let at = if self.messages.is_empty() {
            at
        } else {
            at.max(self.last() + secs(1))
        };
        self.messages.push(Message {
            id: String::new(),
            at,
            sender,
            content,
            statuses: Vec::new(),
        });
        self.messages.len() - 1
    }

    fn text(&mut self, at: DateTime<Utc>, sender: Sender, text: String) -> usize {
        self.push(at, sender, Content::Text(text))
    }
}

fn media_object(rng: &mut Rng) -> Media {
    let mut bytes = Vec::with_capacity(32);
    for _ in 0..4 {
        bytes.extend_from_slice(&rng.next_u64().to_be_bytes());
    }
    Media {
        id: format!("1{}", rng.digits(15)),
        sha256: base64(&bytes),
    }
}

fn media(rng: &mut Rng, topic: &Topic, fill: &dyn Fn(&str) -> String) -> Content {
    match *rng.weighted(topic.media) {
        MediaKind::Photo(caption) => Content::Image {
            caption: caption.map(fill),
            media: media_object(rng),
        },
        MediaKind::Doc(filename, caption) => Content::Document {
            filename: fill(filename),
            caption: caption.map(fill),
            media: media_object(rng),
        },
        MediaKind::Place => Content::Location(rng.index(PLACES.len())),
        MediaKind::Voice => Content::Voice {
            media: media_object(rng),
        },
    }
}

/// The messages of a conversation opened at `start`, texts with their `{sapa}`, `{agen}`
/// and `{waktu}` still to fill once the number is known.
fn converse(rng: &mut Rng, clock: &Clock, start: DateTime<Utc>, script: &Script) -> Vec<Message> {
    let topic = script.topic;
    let resi = format!(
        "LOG{}{:04}",
        (date_of(start) - Duration::days(rng.range(1, 5))).format("%Y%m%d"),
        rng.range(1, 42)
    );
    let city = *rng.pick(CITIES);
    let fill = |text: &str| text.replace("{resi}", &resi).replace("{kota}", city);
    let mut thread = Thread::default();
    let mut budget = script.customer_messages.max(1) - 1;
    match script.opener {
        Opener::Campaign {
            campaign,
            send,
            quick: true,
        } => {
            let (payload, text) = CAMPAIGNS[campaign].button;
            thread.push(
                start,
                Sender::Customer,
                Content::QuickReply {
                    payload,
                    text,
                    campaign,
                    send,
                },
            );
        }
        _ => {
            let opening = *rng.pick(topic.opening);
            thread.text(start, Sender::Customer, fill(opening));
        }
    }
    let greeting = matches!(script.shape, Shape::BotOnly | Shape::BotThenAgent).then(|| {
        thread.text(
            start + secs(rng.range(2, 5)),
            Sender::Bot,
            BOT_GREETING.to_owned(),
        )
    });
    if budget > 0 && rng.chance(topic.burst) {
        let burst = usize::try_from(rng.range(1, 3)).unwrap_or(1).min(budget);
        for _ in 0..burst {
            let content = media(rng, topic, &fill);
            thread.push(
                thread.last() + secs(rng.range(3, 25)),
                Sender::Customer,
                content,
            );
        }
        budget -= burst;
    }
    match script.shape {
        Shape::Silent => {}
        Shape::BotOnly => {
            if let (true, Some(to)) = (budget > 0, greeting) {
                let (id, title) = topic.button;
                thread.push(
                    thread.last() + secs(rng.range(15, 90)),
                    Sender::Customer,
                    Content::ButtonReply { id, title, to },
                );
                budget -= 1;
            }
            thread.text(
                thread.last() + secs(rng.range(2, 5)),
                Sender::Bot,
                fill(topic.bot_answer),
            );
            if budget > 0 && rng.chance(60) {
                thread.text(
                    thread.last() + mins(rng.range(1, 8)),
                    Sender::Customer,
                    (*rng.pick(THANKS)).to_owned(),
                );
            }
        }
        Shape::BotThenAgent | Shape::AgentOnly => {
            if let (true, Some(to)) = (budget > 0 && rng.chance(65), greeting) {
                let (id, title) = AGENT_BUTTON;
                let at = thread.push(
                    thread.last() + secs(rng.range(15, 90)),
                    Sender::Customer,
                    Content::ButtonReply { id, title, to },
                );
                budget -= 1;
                let night = !in_business_hours(thread.messages[at].at);
                let text = if night {
                    BOT_HANDOFF_NIGHT
                } else {
                    BOT_HANDOFF
                };
                thread.text(
                    thread.last() + secs(rng.range(2, 4)),
                    Sender::Bot,
                    text.to_owned(),
                );
            }
            agents_answer(rng, clock, &mut thread, script, budget, &fill);
        }
    }
    thread.messages
}

/// The agent's part: a first answer in business hours, then turns with the customer
/// until their messages run out, and a closing.
fn agents_answer(
    rng: &mut Rng,
    clock: &Clock,
    thread: &mut Thread,
    script: &Script,
    mut budget: usize,
    fill: &dyn Fn(&str) -> String,
) {
    let topic = script.topic;
    let agent = Sender::Agent(script.agent);
    let mut more = rng.index(topic.agent_more.len());
    let mut follow = rng.index(topic.follow.len());
    let mut first = true;
    loop {
        let delay = if first {
            match *rng.weighted(&[(0, 35), (1, 35), (2, 20), (3, 10)]) {
                0 => mins(rng.range(1, 10)),
                1 => mins(rng.range(10, 45)),
                2 => mins(rng.range(45, 120)),
                _ => mins(rng.range(120, 300)),
            }
        } else {
            match *rng.weighted(&[(0, 60), (1, 30), (2, 10)]) {
                0 => mins(rng.range(1, 15)),
                1 => mins(rng.range(15, 60)),
                _ => mins(rng.range(60, 180)),
            }
        } + secs(rng.range(0, 59));
        let at = business(rng, clock, thread.last() + delay);
        let text = if first {
            *rng.pick(topic.agent_first)
        } else {
            more += 1;
            topic.agent_more[more % topic.agent_more.len()]
        };
        thread.text(at, agent, fill(text));
        if budget == 0 {
            if rng.chance(55) {
                let later = thread.last() + mins(rng.range(5, 40));
                let at = business(rng, clock, later);
                let closing = *rng.pick(CLOSINGS);
                thread.text(at, agent, fill(closing));
            }
            return;
        }
        first = false;
        let delay = if rng.chance(80) {
            mins(rng.range(1, 40))
        } else {
            mins(rng.range(60, 240))
        } + secs(rng.range(0, 59));
        let at = thread.last() + delay;
        if budget == 1 && rng.chance(45) {
            thread.text(at, Sender::Customer, (*rng.pick(THANKS)).to_owned());
            if rng.chance(50) {
                let later = thread.last() + mins(rng.range(1, 10));
                let at = business(rng, clock, later);
                thread.text(at, agent, WELCOME.to_owned());
            }
            return;
        }
        if rng.chance(topic.media_follow) {
            let burst = usize::try_from(rng.range(1, 3)).unwrap_or(1).min(budget);
            let mut at = at;
            for _ in 0..burst {
                let content = media(rng, topic, fill);
                thread.push(at, Sender::Customer, content);
                at = thread.last() + secs(rng.range(3, 30));
            }
            budget -= burst;
        } else {
            follow += 1;
            let text = fill(topic.follow[follow % topic.follow.len()]);
            thread.text(at, Sender::Customer, text);
            budget -= 1;
        }
    }
}

/// Statuses of a message sent at `at`: sent, delivered and (mostly) read — read before
/// `reply` when the customer answered it.
fn deliver(
    rng: &mut Rng,
    at: DateTime<Utc>,
    reply: Option<DateTime<Utc>>,
    read_percent: u64,
) -> Vec<Status> {
    let status = |status, at| Status {
        status,
        at,
        error: None,
    };
    let sent = at + secs(rng.range(1, 2));
    let mut delivered = if rng.chance(8) {
        sent + mins(rng.range(3, 90))
    } else {
        sent + secs(rng.range(1, 8))
    };
    let read = match reply {
        Some(reply) if reply - at > secs(20) => {
            delivered = delivered.min(reply - secs(10)).max(sent + secs(1));
            let span = (reply - secs(3) - delivered).num_seconds().max(1);
            Some(delivered + secs(rng.range(1, span)))
        }
        _ => rng.chance(read_percent).then(|| {
            delivered
                + match *rng.weighted(&[(0, 40), (1, 35), (2, 20), (3, 5)]) {
                    0 => secs(rng.range(5, 120)),
                    1 => mins(rng.range(2, 30)),
                    2 => mins(rng.range(30, 240)),
                    _ => mins(rng.range(240, 720)),
                }
        }),
    };
    let mut out = vec![status("sent", sent), status("delivered", delivered)];
    out.extend(read.map(|read| status("read", read)));
    out
}

fn fail(rng: &mut Rng, at: DateTime<Utc>, error: usize) -> Vec<Status> {
    vec![Status {
        status: "failed",
        at: at + secs(rng.range(1, 4)),
        error: Some(error),
    }]
}

/// Statuses for the outbound messages of a conversation; about 5 % fail (never a menu the
/// customer answered).
fn conversation_statuses(rng: &mut Rng, messages: &mut [Message]) {
    let answered: HashSet<usize> = messages
        .iter()
        .filter_map(|m| match m.content {
            Content::ButtonReply { to, .. } => Some(to),
            _ => None,
        })
        .collect();
    for index in 0..messages.len() {
        if messages[index].inbound() {
            continue;
        }
        let at = messages[index].at;
        // What the customer sends within seconds was typed before they saw it.
        let reply = messages[index + 1..]
            .iter()
            .find(|m| m.inbound() && m.at - at > secs(20))
            .map(|m| m.at);
        messages[index].statuses = if !answered.contains(&index) && rng.chance(5) {
            let error = *rng.weighted(&[(0, 6), (1, 3), (2, 1), (3, 1)]);
            fail(rng, at, error)
        } else {
            deliver(rng, at, reply, 85)
        };
    }
}

// ------------------------------------------------------------------------------------
// Who writes, and when

/// The conversations and campaign messages each number already has, so a new one keeps
/// its cycles apart and out of a campaign's way.
struct Book {
    windows: Vec<Vec<(DateTime<Utc>, DateTime<Utc>)>>,
    sends: Vec<Vec<DateTime<Utc>>>,
}

impl Book {
    fn new(contacts: usize) -> Self {
        Self {
            windows: vec![Vec::new(); contacts],
            sends: vec![Vec::new(); contacts],
        }
    }

    fn free(&self, contact: usize, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        self.windows[contact]
            .iter()
            .all(|(s, e)| *e + cycle_gap() <= start || end + cycle_gap() <= *s)
            && self.sends[contact]
                .iter()
                .all(|t| *t < start || *t > end + campaign_guard())
    }

    fn take(&mut self, contact: usize, messages: &[Message]) {
        if let (Some(first), Some(last)) = (messages.first(), messages.last()) {
            self.windows[contact].push((first.at, last.at));
        }
    }
}

fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.index(i + 1));
    }
}

fn profile_name(rng: &mut Rng) -> String {
    match *rng.weighted(&[(0, 70), (1, 15), (2, 15)]) {
        0 => format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)),
        1 => (*rng.pick(FIRST_NAMES)).to_owned(),
        _ => (*rng.pick(SHOP_NAMES)).to_owned(),
    }
}

/// The demo customers' numbers that write (up to [`CUSTOMER_NUMBERS`]), then new numbers
/// and campaign-list numbers that no customer or lead has yet.
fn contacts(
    rng: &mut Rng,
    customers: &[(String, String)],
    taken: &HashSet<String>,
) -> (Vec<Contact>, usize) {
    let mut order: Vec<usize> = (0..customers.len()).collect();
    shuffle(rng, &mut order);
    let mut out: Vec<Contact> = order
        .into_iter()
        .take(CUSTOMER_NUMBERS)
        .map(|i| Contact {
            phone: customers[i].0.clone(),
            name: customers[i].1.clone(),
            customer: true,
        })
        .collect();
    let mut seen: HashSet<String> = taken.iter().cloned().collect();
    seen.extend(out.iter().map(|c| c.phone.clone()));
    let writers = out.len() + NEW_NUMBERS;
    while out.len() < writers + LIST_NUMBERS {
        let phone = format!("+62{}{}", rng.pick(PREFIXES), rng.digits(8));
        if seen.insert(phone.clone()) {
            out.push(Contact {
                phone,
                name: profile_name(rng),
                customer: false,
            });
        }
    }
    (out, writers)
}

/// The three campaigns: 60–120 numbers each on one day, their statuses (a failure of
/// every error code among them, whatever the draws), and the answers they drew within two
/// days, as drafts.
fn campaigns(
    rng: &mut Rng,
    clock: &Clock,
    contacts: &[Contact],
    reserved: &HashSet<usize>,
    book: &mut Book,
) -> (Vec<Campaign>, Vec<Draft>) {
    let mut out = Vec::new();
    let mut drafts = Vec::new();
    for def in &CAMPAIGNS {
        let start = clock.at(def.day, def.hour, def.minute);
        let count = usize::try_from(rng.range(60, 120)).unwrap_or(60);
        let mut pool: Vec<usize> = (0..contacts.len())
            .filter(|c| !reserved.contains(c))
            .collect();
        shuffle(rng, &mut pool);
        if def.category == "utility" {
            // Payment reminders go to customers first.
            pool.sort_by_key(|c| !contacts[*c].customer);
        }
        let mut sends = Vec::new();
        for (n, contact) in pool.into_iter().take(count).enumerate() {
            let at = start + secs(i64::try_from(n).unwrap_or(0) * 2 + rng.range(0, 1));
            let failed = rng.chance(7);
            let statuses = if failed {
                let error = *rng.weighted(&[(0, 3), (2, 4), (3, 2)]);
                fail(rng, at, error)
            } else {
                deliver(rng, at, None, 65)
            };
            book.sends[contact].push(at);
            sends.push(Send {
                contact,
                message: Message {
                    id: String::new(),
                    at,
                    sender: Sender::Bot,
                    content: Content::Text(def.text.to_owned()),
                    statuses,
                },
                replied: false,
            });
        }
        out.push(Campaign {
            name: def.name,
            category: def.category,
            sends,
        });
    }
    // Every error code shows somewhere, on a campaign message nobody answered.
    for error in 0..ERRORS.len() {
        if out
            .iter()
            .any(|c| c.sends.iter().any(|s| s.message.failed() == Some(error)))
        {
            continue;
        }
        let campaign = &mut out[error % CAMPAIGNS.len()];
        if let Some(send) = campaign
            .sends
            .iter_mut()
            .rev()
            .find(|s| s.message.failed().is_none())
        {
            send.message.statuses = fail(rng, send.message.at, error);
        }
    }
    for (index, campaign) in out.iter_mut().enumerate() {
        let def = &CAMPAIGNS[index];
        let mut replies = 0;
        for send_index in 0..campaign.sends.len() {
            let answer = rng.chance(12);
            let last = send_index + 1 == campaign.sends.len() && replies == 0;
            if !(answer || last) {
                continue;
            }
            let send = &campaign.sends[send_index];
            if send.message.failed().is_some() {
                continue;
            }
            let delivered = send
                .message
                .statuses
                .iter()
                .find(|s| s.status == "delivered")
                .map_or(send.message.at, |s| s.at);
            let later = delivered + mins(rng.range(10, 36 * 60)) + secs(rng.range(0, 59));
            let reply = waking(rng, clock, later);
            let shape = *rng.weighted(&[
                (Shape::BotThenAgent, 40),
                (Shape::AgentOnly, 45),
                (Shape::BotOnly, 15),
            ]);
            let script = Script {
                shape,
                topic: &def.topic,
                customer_messages: *rng.weighted(&[(1, 20), (2, 35), (3, 30), (4, 15)]),
                agent: *rng.weighted(AGENT_WEIGHTS),
                opener: Opener::Campaign {
                    campaign: index,
                    send: send_index,
                    quick: rng.chance(50),
                },
            };
            let mut messages = converse(rng, clock, reply, &script);
            let contact = send.contact;
            let end = messages.last().map_or(reply, |m| m.at);
            if !book.free(contact, reply, end) {
                continue;
            }
            conversation_statuses(rng, &mut messages);
            book.take(contact, &messages);
            // They read it before they answered.
            let send = &mut campaign.sends[send_index];
            send.replied = true;
            send.message.statuses.retain(|s| s.status != "read");
            let read = (reply - mins(rng.range(1, 5))).max(delivered + secs(1));
            send.message.statuses.push(Status {
                status: "read",
                at: read,
                error: None,
            });
            replies += 1;
            drafts.push(Draft {
                contact,
                messages,
                campaign: Some(index),
                resolve_after: mins(rng.range(5, 180)),
                linger: false,
                hold: false,
            });
        }
    }
    (out, drafts)
}

/// The conversations the demo must show whatever the hour: two open ones waiting in the
/// unassigned queue (one the bot handed over), one pending the customer's answer, one the
/// bot resolved, and a number that came back a week later.
fn showcase(rng: &mut Rng, clock: &Clock, contacts: [usize; 5]) -> Vec<Draft> {
    let draft = |contact, messages, hold| Draft {
        contact,
        messages,
        campaign: None,
        resolve_after: mins(20),
        linger: false,
        hold,
    };
    let mut out = Vec::new();
    // Whole seconds, as the Cloud API's timestamps are.
    let now = DateTime::from_timestamp(clock.now.timestamp(), 0).unwrap_or(clock.now);
    // Open, nobody answered yet: a complaint with a photo.
    let mut thread = Thread::default();
    let at = now - mins(18);
    thread.text(
        at,
        Sender::Customer,
        "Kak, paket saya datang basah semua, kardusnya hancur. Tolong dibantu klaimnya.".to_owned(),
    );
    thread.push(
        at + secs(40),
        Sender::Customer,
        Content::Image {
            caption: Some("Kondisi paket saat diterima".to_owned()),
            media: media_object(rng),
        },
    );
    out.push(draft(contacts[0], thread.messages, true));
    // Open, the bot handed over to an agent.
    let mut thread = Thread::default();
    let at = now - mins(47);
    thread.text(
        at,
        Sender::Customer,
        "Selamat siang, mau tanya tarif kirim 1 ton ke Makassar via laut.".to_owned(),
    );
    let menu = thread.text(at + secs(3), Sender::Bot, BOT_GREETING.to_owned());
    let (id, title) = AGENT_BUTTON;
    thread.push(
        at + secs(41),
        Sender::Customer,
        Content::ButtonReply {
            id,
            title,
            to: menu,
        },
    );
    let text = if in_business_hours(at) {
        BOT_HANDOFF
    } else {
        BOT_HANDOFF_NIGHT
    };
    thread.text(at + secs(44), Sender::Bot, text.to_owned());
    out.push(draft(contacts[1], thread.messages, true));
    // Pending: the agent asked for documents in the last business hours before now.
    let mut answered = now - mins(90);
    if !in_business_hours(answered) {
        let day = date_of(answered) - Duration::days(i64::from(local(answered).hour() < 8));
        answered = clock.on(day, 16, 30);
    }
    let mut thread = Thread::default();
    thread.text(
        answered - mins(50),
        Sender::Customer,
        "Halo kak, barang impor saya dari Shenzhen masih tertahan di Priok, bisa dibantu?"
            .to_owned(),
    );
    thread.text(
        answered,
        Sender::Agent(0),
        "Selamat {waktu} {sapa}, saya {agen}. Bisa dibantu, mohon kirimkan packing list, invoice supplier, \
         dan nomor BL-nya ya."
            .to_owned(),
    );
    out.push(draft(contacts[2], thread.messages, true));
    // Resolved by the bot two days ago.
    let mut thread = Thread::default();
    let at = clock.at(-2, 10, 5);
    thread.text(
        at,
        Sender::Customer,
        format!(
            "Mau cek resi LOG{}0042 kak",
            (clock.today - Duration::days(5)).format("%Y%m%d")
        ),
    );
    let menu = thread.text(at + secs(3), Sender::Bot, BOT_GREETING.to_owned());
    let (id, title) = RESI.button;
    thread.push(
        at + secs(35),
        Sender::Customer,
        Content::ButtonReply {
            id,
            title,
            to: menu,
        },
    );
    thread.text(
        at + secs(38),
        Sender::Bot,
        "Status resi: sudah diterima oleh penerima. Ketik MENU untuk kembali ke menu utama."
            .to_owned(),
    );
    thread.text(
        at + mins(3),
        Sender::Customer,
        "Oke, terima kasih".to_owned(),
    );
    out.push(draft(contacts[3], thread.messages, false));
    // A number that came back: a tariff question ten days ago, a pickup three days ago.
    for (day, hour, topic, agent) in [(-10, 14, &TARIF, 1), (-3, 10, &PICKUP, 2)] {
        let script = Script {
            shape: Shape::AgentOnly,
            topic,
            customer_messages: 3,
            agent,
            opener: Opener::Topic,
        };
        let start = clock.at(day, hour, rng.range(0, 30));
        let mut messages = converse(rng, clock, start, &script);
        conversation_statuses(rng, &mut messages);
        out.push(draft(contacts[4], messages, false));
    }
    out
}

/// Start times of the month's own conversations: more on weekdays, business hours with
/// peaks at 10 and 14, a few at night; none in the last ten minutes.
fn starts(rng: &mut Rng, clock: &Clock) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    for day in -29..=0 {
        let count = match (clock.today + Duration::days(day)).weekday() {
            Weekday::Sat => rng.range(4, 6),
            Weekday::Sun => rng.range(2, 4),
            _ => rng.range(7, 10),
        };
        for _ in 0..count {
            let at = clock.at(day, *rng.weighted(HOURS), rng.range(0, 59)) + secs(rng.range(0, 59));
            if at < clock.now - mins(10) {
                out.push(at);
            }
        }
    }
    out.sort();
    out
}

/// The month's own conversations: each drafted from its own generator (so a draw count
/// that depends on the clock cannot shift the others), then given a number: a new one, or
/// one that wrote before and has been silent for more than a day.
fn organic(
    clock: &Clock,
    fresh: &mut Vec<usize>,
    used: &mut Vec<usize>,
    book: &mut Book,
) -> Vec<Draft> {
    let mut rng = Rng::new(SEED ^ 0x0000_0000_0c0a);
    let starts = starts(&mut rng, clock);
    let total = starts.len();
    let mut out = Vec::new();
    for (n, start) in starts.into_iter().enumerate() {
        let mut rng = Rng::new(SEED.wrapping_add((n as u64 + 1).wrapping_mul(0x9E37_79B9)));
        let shape = *rng.weighted(&[
            (Shape::BotThenAgent, 50),
            (Shape::BotOnly, 20),
            (Shape::AgentOnly, 25),
            (Shape::Silent, 5),
        ]);
        let topic = *rng.weighted(TOPICS);
        let script = Script {
            shape,
            topic,
            customer_messages: *rng.weighted(&[
                (1, 15),
                (2, 25),
                (3, 25),
                (4, 18),
                (5, 10),
                (6, 7),
            ]),
            agent: *rng.weighted(AGENT_WEIGHTS),
            opener: Opener::Topic,
        };
        let mut messages = converse(&mut rng, clock, start, &script);
        conversation_statuses(&mut rng, &mut messages);
        let end = messages.last().map_or(start, |m| m.at);
        let left = (total - n) as f64;
        let returning: Vec<usize> = used
            .iter()
            .copied()
            .filter(|c| book.free(*c, start, end))
            .collect();
        let wants_fresh = rng.unit() < fresh.len() as f64 / left;
        let contact = if wants_fresh || returning.is_empty() {
            fresh
                .iter()
                .position(|c| book.free(*c, start, end))
                .map(|i| fresh.remove(i))
                .or_else(|| returning.first().copied())
        } else {
            Some(*rng.pick(&returning))
        };
        let Some(contact) = contact else {
            continue;
        };
        if !used.contains(&contact) {
            used.push(contact);
        }
        book.take(contact, &messages);
        out.push(Draft {
            contact,
            messages,
            campaign: None,
            resolve_after: if shape == Shape::BotOnly {
                mins(rng.range(2, 15))
            } else {
                mins(rng.range(3, 180))
            },
            linger: rng.chance(5),
            hold: false,
        });
    }
    out
}

// ------------------------------------------------------------------------------------
// The plan as a whole

/// The month of WhatsApp traffic for `clock`: `customers` are the demo customers'
/// (phone, contact name); `taken` every phone a customer or lead already has.
pub fn build(clock: &Clock, customers: &[(String, String)], taken: &HashSet<String>) -> Plan {
    let mut rng = Rng::new(SEED);
    let (contacts, writers) = contacts(&mut rng, customers, taken);
    let mut book = Book::new(contacts.len());
    // The showcase's numbers: new ones, kept out of the campaigns.
    let show: [usize; 5] = std::array::from_fn(|i| writers - 5 + i);
    let reserved: HashSet<usize> = show.iter().copied().collect();
    let mut drafts = showcase(&mut Rng::new(SEED ^ 0x5), clock, show);
    for draft in &drafts {
        book.take(draft.contact, &draft.messages);
    }
    let (mut campaigns, replies) = campaigns(
        &mut Rng::new(SEED ^ 0xCA),
        clock,
        &contacts,
        &reserved,
        &mut book,
    );
    let mut used: Vec<usize> = show.to_vec();
    for draft in replies {
        if !used.contains(&draft.contact) {
            used.push(draft.contact);
        }
        drafts.push(draft);
    }
    let mut fresh: Vec<usize> = (0..writers - 5).filter(|c| !used.contains(c)).collect();
    shuffle(&mut rng, &mut fresh);
    drafts.extend(organic(clock, &mut fresh, &mut used, &mut book));
    drafts.sort_by_key(|d| (d.messages.first().map(|m| m.at), d.contact));
    let mut sends: HashMap<usize, Vec<DateTime<Utc>>> = HashMap::new();
    for send in campaigns.iter().flat_map(|c| c.sends.iter()) {
        sends.entry(send.contact).or_default().push(send.message.at);
    }
    let mut conversations = settle(&mut rng, clock, drafts, &sends);
    balance_agents(&mut conversations);
    name(
        &mut Rng::new(SEED ^ 0x1D),
        &contacts,
        &mut conversations,
        &mut campaigns,
    );
    Plan {
        contacts,
        conversations,
        campaigns,
    }
}

/// Cuts the drafts at now and decides how each conversation stands: one the number wrote
/// again after, or was sent a campaign message after (which would join it otherwise), is
/// resolved (by whoever answered it, else by the 24-hour timeout); an old one mostly
/// resolved; a recent one open (waiting for us) or pending (waiting for the customer)
/// until it is resolved. The first agent to answer has it.
fn settle(
    rng: &mut Rng,
    clock: &Clock,
    drafts: Vec<Draft>,
    sends: &HashMap<usize, Vec<DateTime<Utc>>>,
) -> Vec<Conversation> {
    let horizon = clock.now - mins(1);
    let mut drafts: Vec<Draft> = drafts
        .into_iter()
        .filter_map(|mut draft| {
            draft.messages.retain(|m| m.at <= horizon);
            for message in &mut draft.messages {
                message.statuses.retain(|s| s.at <= clock.now);
            }
            draft
                .messages
                .first()
                .is_some_and(Message::inbound)
                .then_some(draft)
        })
        .collect();
    drafts.sort_by_key(|d| (d.messages[0].at, d.contact));
    let mut latest: HashMap<usize, DateTime<Utc>> = HashMap::new();
    for draft in &drafts {
        let start = draft.messages[0].at;
        let entry = latest.entry(draft.contact).or_insert(start);
        *entry = (*entry).max(start);
    }
    drafts
        .into_iter()
        .map(|draft| {
            let start = draft.messages[0].at;
            let last = draft.messages[draft.messages.len() - 1].clone();
            let by = if has(&draft.messages, |s| matches!(s, Sender::Agent(_))) {
                "agent"
            } else if has(&draft.messages, |s| s == Sender::Bot) {
                "bot"
            } else {
                "timeout"
            };
            let resolved_at = match by {
                "agent" => business(rng, clock, last.at + draft.resolve_after),
                "bot" => last.at + draft.resolve_after,
                _ => last.at,
            };
            let waiting = if matches!(last.sender, Sender::Agent(_)) {
                Outcome::Pending
            } else {
                Outcome::Open
            };
            let resolved = Outcome::Resolved {
                by,
                at: resolved_at,
            };
            let campaign_after = sends
                .get(&draft.contact)
                .is_some_and(|at| at.iter().any(|t| *t > start));
            let outcome = if latest[&draft.contact] > start || campaign_after {
                resolved
            } else if draft.hold {
                waiting
            } else if by == "timeout" {
                if last.at + Duration::hours(24) <= clock.now {
                    resolved
                } else {
                    Outcome::Open
                }
            } else if resolved_at > clock.now || (draft.linger && waiting == Outcome::Pending) {
                waiting
            } else {
                resolved
            };
            let assignee = draft.messages.iter().find_map(|m| match m.sender {
                Sender::Agent(agent) => Some((agent, m.at)),
                _ => None,
            });
            Conversation {
                contact: draft.contact,
                messages: draft.messages,
                outcome,
                assignee,
                campaign: draft.campaign,
            }
        })
        .collect()
}

/// Every CS person has several conversations: one short of five takes over the latest
/// of the busiest person's.
fn balance_agents(conversations: &mut [Conversation]) {
    const SEVERAL: usize = 5;
    for _ in 0..conversations.len() {
        let mut counts = [0usize; AGENTS.len()];
        for (agent, _) in conversations.iter().filter_map(|c| c.assignee) {
            counts[agent] += 1;
        }
        let Some(short) = (0..AGENTS.len()).find(|a| counts[*a] < SEVERAL) else {
            return;
        };
        let busiest = (0..AGENTS.len()).max_by_key(|a| counts[*a]).unwrap_or(0);
        let Some(conversation) = conversations
            .iter_mut()
            .rev()
            .find(|c| c.assignee.is_some_and(|(a, _)| a == busiest))
        else {
            return;
        };
        for message in &mut conversation.messages {
            if matches!(message.sender, Sender::Agent(_)) {
                message.sender = Sender::Agent(short);
            }
        }
        conversation.assignee = conversation.assignee.map(|(_, at)| (short, at));
    }
}

/// Gives every message its `wamid` and fills in the texts' names and time of day.
fn name(
    rng: &mut Rng,
    contacts: &[Contact],
    conversations: &mut [Conversation],
    campaigns: &mut [Campaign],
) {
    let mut ids = HashSet::new();
    let mut give = |rng: &mut Rng, contact: &Contact, message: &mut Message| {
        message.id = loop {
            let id = wamid(rng, contact.wa_id(), message.inbound());
            if ids.insert(id.clone()) {
                break id;
            }
        };
        let agent = match message.sender {
            Sender::Agent(agent) => AGENTS[agent].1,
            _ => "",
        };
        let at = message.at;
        if let Some(text) = message.content.text_mut() {
            *text = text
                .replace("{sapa}", &contact.address())
                .replace("{agen}", agent)
                .replace("{waktu}", greeting_time(at));
        }
    };
    for conversation in conversations.iter_mut() {
        let contact = &contacts[conversation.contact];
        for message in &mut conversation.messages {
            give(rng, contact, message);
        }
    }
    for campaign in campaigns.iter_mut() {
        for send in &mut campaign.sends {
            give(rng, &contacts[send.contact], &mut send.message);
        }
    }
}

/// A WhatsApp message id as Meta makes them: base64 of the customer's number, the
/// direction and a random tail.
fn wamid(rng: &mut Rng, wa_id: &str, inbound: bool) -> String {
    let mut bytes = vec![0x1c, 0x18, u8::try_from(wa_id.len()).unwrap_or(13)];
    bytes.extend_from_slice(wa_id.as_bytes());
    bytes.extend_from_slice(&[
        0x15,
        0x02,
        0x00,
        if inbound { 0x12 } else { 0x11 },
        0x18,
        0x14,
    ]);
    let tail = format!("{:016X}{:04X}", rng.next_u64(), rng.next_u64() & 0xFFFF);
    bytes.extend_from_slice(tail.as_bytes());
    bytes.push(0);
    format!("wamid.{}", base64(&bytes))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

// ------------------------------------------------------------------------------------
// Webhook bodies

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Source {
    /// Conversation and message index.
    Conversation(usize, usize),
    /// Campaign and send index.
    Campaign(usize, usize),
}

impl Plan {
    fn message(&self, source: Source) -> &Message {
        match source {
            Source::Conversation(c, m) => &self.conversations[c].messages[m],
            Source::Campaign(c, s) => &self.campaigns[c].sends[s].message,
        }
    }

    fn contact_of(&self, source: Source) -> &Contact {
        let index = match source {
            Source::Conversation(c, _) => self.conversations[c].contact,
            Source::Campaign(c, s) => self.campaigns[c].sends[s].contact,
        };
        &self.contacts[index]
    }

    fn sources(&self) -> Vec<Source> {
        let conversations = self.conversations.iter().enumerate().flat_map(|(c, conv)| {
            (0..conv.messages.len()).map(move |m| Source::Conversation(c, m))
        });
        let campaigns = self
            .campaigns
            .iter()
            .enumerate()
            .flat_map(|(c, camp)| (0..camp.sends.len()).map(move |s| Source::Campaign(c, s)));
        conversations.chain(campaigns).collect()
    }
}

/// A Jakarta day's messages, and its statuses (message and status index).
type Day = (Vec<Source>, Vec<(Source, usize)>);

/// A body to store and process: `cloud_api` or `outbound`, with how many messages and
/// statuses it carries and when its last item happened.
#[derive(Debug, Clone)]
pub struct Body {
    /// The Jakarta day it belongs to.
    pub day: NaiveDate,
    pub kind: &'static str,
    pub json: Value,
    pub at: DateTime<Utc>,
    pub messages: usize,
    pub statuses: usize,
}

/// The plan as the bodies n8n and Meta would have posted, in the order to process them:
/// per Jakarta day, the turns of the talk (a webhook body with what customers wrote, then
/// an outbound batch with what was answered, and so on — each number's messages in their
/// own order), then the day's statuses.
pub fn bodies(plan: &Plan) -> anyhow::Result<Vec<Body>> {
    let mut days: std::collections::BTreeMap<NaiveDate, Day> = std::collections::BTreeMap::new();
    let mut sources = plan.sources();
    sources.sort_by_key(|s| (plan.message(*s).at, plan.contact_of(*s).phone.clone()));
    for source in sources {
        let message = plan.message(source);
        days.entry(date_of(message.at)).or_default().0.push(source);
        for (index, status) in message.statuses.iter().enumerate() {
            days.entry(date_of(status.at))
                .or_default()
                .1
                .push((source, index));
        }
    }
    let mut out = Vec::new();
    for (day, (messages, mut statuses)) in days {
        let first = out.len();
        let mut turn: HashMap<&str, (usize, bool)> = HashMap::new();
        let mut turns: Vec<Vec<Source>> = Vec::new();
        for source in messages {
            let inbound = plan.message(source).inbound();
            let phone = plan.contact_of(source).phone.as_str();
            let round = match turn.get(phone) {
                None => usize::from(!inbound),
                Some((round, was_inbound)) if *was_inbound == inbound => *round,
                Some((round, _)) => round + 1,
            };
            turn.insert(phone, (round, inbound));
            if turns.len() <= round {
                turns.resize(round + 1, Vec::new());
            }
            turns[round].push(source);
        }
        for (round, sources) in turns.iter().enumerate() {
            if sources.is_empty() {
                continue;
            }
            out.push(if round % 2 == 0 {
                inbound_body(plan, sources)
            } else {
                outbound_body(plan, sources)?
            });
        }
        statuses.sort_by_key(|(source, index)| plan.message(*source).statuses[*index].at);
        for chunk in statuses.chunks(STATUSES_PER_BODY) {
            out.push(status_body(plan, chunk));
        }
        for body in &mut out[first..] {
            body.day = day;
        }
    }
    Ok(out)
}

/// A step of loading: process a body, or resolve conversations as CS did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// An index in the bodies.
    Body(usize),
    /// Indexes in [`Plan::conversations`].
    Resolve(Vec<usize>),
}

/// The bodies in order, with the conversations resolved before each day resolved before
/// that day's bodies: a campaign message or a reply joins a conversation that is still
/// open however old it is, and a conversation is resolved only after its last message.
pub fn steps(plan: &Plan, bodies: &[Body]) -> Vec<Step> {
    let mut due: Vec<(DateTime<Utc>, usize)> = plan
        .conversations
        .iter()
        .enumerate()
        .filter_map(|(index, c)| match c.outcome {
            Outcome::Resolved { at, .. } => Some((at, index)),
            _ => None,
        })
        .collect();
    due.sort();
    let mut due = due.into_iter().peekable();
    let mut out = Vec::new();
    let mut day = None;
    for (index, body) in bodies.iter().enumerate() {
        if day != Some(body.day) {
            day = Some(body.day);
            let midnight =
                body.day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc() - Duration::hours(7);
            let mut resolve = Vec::new();
            while let Some((_, conversation)) = due.next_if(|(at, _)| *at < midnight) {
                resolve.push(conversation);
            }
            if !resolve.is_empty() {
                out.push(Step::Resolve(resolve));
            }
        }
        out.push(Step::Body(index));
    }
    out
}

fn metadata() -> Value {
    json!({"display_phone_number": DISPLAY_PHONE, "phone_number_id": PHONE_NUMBER_ID})
}

fn cloud(changes: Vec<Value>) -> Value {
    json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": WABA_ID, "changes": changes}],
    })
}

/// One webhook body with a change per number, as Meta batches them.
fn inbound_body(plan: &Plan, sources: &[Source]) -> Body {
    let mut order: Vec<&str> = Vec::new();
    let mut by_phone: HashMap<&str, Vec<Value>> = HashMap::new();
    for source in sources {
        let phone = plan.contact_of(*source).phone.as_str();
        if !by_phone.contains_key(phone) {
            order.push(phone);
        }
        by_phone
            .entry(phone)
            .or_default()
            .push(inbound_json(plan, *source));
    }
    let changes = order
        .iter()
        .map(|phone| {
            let contact = plan
                .contacts
                .iter()
                .find(|c| c.phone == *phone)
                .map_or_else(
                    || json!([]),
                    |c| json!([{"profile": {"name": c.name}, "wa_id": c.wa_id()}]),
                );
            json!({
                "value": {
                    "messaging_product": "whatsapp",
                    "metadata": metadata(),
                    "contacts": contact,
                    "messages": by_phone.remove(phone).unwrap_or_default(),
                },
                "field": "messages",
            })
        })
        .collect();
    Body {
        day: NaiveDate::MIN,
        kind: "cloud_api",
        json: cloud(changes),
        at: latest(plan, sources),
        messages: sources.len(),
        statuses: 0,
    }
}

fn latest(plan: &Plan, sources: &[Source]) -> DateTime<Utc> {
    sources
        .iter()
        .map(|s| plan.message(*s).at)
        .max()
        .unwrap_or(DateTime::UNIX_EPOCH)
}

fn media_json(media: &Media, mime: &str) -> Value {
    json!({
        "mime_type": mime,
        "sha256": media.sha256,
        "id": media.id,
        "url": format!("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid={}", media.id),
    })
}

/// A customer's message in the Cloud API's shape.
fn inbound_json(plan: &Plan, source: Source) -> Value {
    let message = plan.message(source);
    let kind = message.content.kind();
    let mut out = json!({
        "from": plan.contact_of(source).wa_id(),
        "id": message.id,
        "timestamp": message.at.timestamp().to_string(),
        "type": kind,
    });
    let (object, context) = match &message.content {
        Content::Text(body) => (json!({"body": body}), None),
        Content::Image { caption, media } => {
            let mut image = media_json(media, "image/jpeg");
            if let Some(caption) = caption {
                image["caption"] = json!(caption);
            }
            (image, None)
        }
        Content::Document {
            filename,
            caption,
            media,
        } => {
            let mut document = media_json(media, "application/pdf");
            document["filename"] = json!(filename);
            if let Some(caption) = caption {
                document["caption"] = json!(caption);
            }
            (document, None)
        }
        Content::Voice { media } => {
            let mut audio = media_json(media, "audio/ogg; codecs=opus");
            audio["voice"] = json!(true);
            (audio, None)
        }
        Content::Location(place) => {
            let (name, address, latitude, longitude) = PLACES[*place];
            (
                json!({"address": address, "latitude": latitude, "longitude": longitude, "name": name}),
                None,
            )
        }
        Content::ButtonReply { id, title, to } => {
            let context = match source {
                Source::Conversation(c, _) => Some(plan.conversations[c].messages[*to].id.clone()),
                Source::Campaign(..) => None,
            };
            (
                json!({"type": "button_reply", "button_reply": {"id": id, "title": title}}),
                context,
            )
        }
        Content::QuickReply {
            payload,
            text,
            campaign,
            send,
        } => (
            json!({"payload": payload, "text": text}),
            Some(plan.campaigns[*campaign].sends[*send].message.id.clone()),
        ),
    };
    out[kind] = object;
    if let Some(id) = context {
        out["context"] = json!({"from": DISPLAY_PHONE, "id": id});
    }
    out
}

/// An outbound batch as n8n posts it, read and stored the way the endpoint stores it.
fn outbound_body(plan: &Plan, sources: &[Source]) -> anyhow::Result<Body> {
    let items: Vec<Value> = sources
        .iter()
        .map(|source| {
            let message = plan.message(*source);
            let (kind, email) = match message.sender {
                Sender::Agent(agent) => ("agent", Some(AGENTS[agent].0)),
                _ => ("bot", None),
            };
            let text = match &message.content {
                Content::Text(text) => Some(text.as_str()),
                _ => None,
            };
            let campaign = match source {
                Source::Campaign(c, _) => Some(plan.campaigns[*c].name),
                Source::Conversation(..) => None,
            };
            json!({
                "provider_message_id": message.id,
                "to": plan.contact_of(*source).phone,
                "sender_kind": kind,
                "agent_email": email,
                "text": text,
                "timestamp": message.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "campaign": campaign,
                "phone_number_id": PHONE_NUMBER_ID,
            })
        })
        .collect();
    let read = domain::whatsapp::read_outbound(&Value::Array(items))
        .map_err(|errors| anyhow::anyhow!("demo outbound batch: {errors:?}"))?;
    Ok(Body {
        day: NaiveDate::MIN,
        kind: "outbound",
        json: Value::Array(read.iter().map(|m| m.to_json()).collect()),
        at: latest(plan, sources),
        messages: sources.len(),
        statuses: 0,
    })
}

/// Pricing as the Cloud API reports it since per-message pricing (July 2025): answers in
/// the customer service window are free, templates are billed by category.
fn pricing(category: &str) -> Value {
    if category == "service" {
        json!({"billable": false, "pricing_model": "PMP", "category": "service", "type": "free_customer_service"})
    } else {
        json!({"billable": true, "pricing_model": "PMP", "category": category, "type": "regular"})
    }
}

fn status_body(plan: &Plan, statuses: &[(Source, usize)]) -> Body {
    let items: Vec<Value> = statuses
        .iter()
        .map(|(source, index)| {
            let message = plan.message(*source);
            let status = &message.statuses[*index];
            let mut item = json!({
                "id": message.id,
                "status": status.status,
                "timestamp": status.at.timestamp().to_string(),
                "recipient_id": plan.contact_of(*source).wa_id(),
            });
            if matches!(status.status, "sent" | "delivered") {
                item["pricing"] = pricing(match source {
                    Source::Campaign(c, _) => plan.campaigns[*c].category,
                    Source::Conversation(..) => "service",
                });
            }
            if let Some(error) = status.error {
                let (code, title, details) = ERRORS[error];
                item["errors"] = json!([{
                    "code": code,
                    "title": title,
                    "message": title,
                    "error_data": {"details": details},
                    "href": ERROR_HREF,
                }]);
            }
            item
        })
        .collect();
    let at = statuses
        .iter()
        .map(|(source, index)| plan.message(*source).statuses[*index].at)
        .max()
        .unwrap_or(DateTime::UNIX_EPOCH);
    Body {
        day: NaiveDate::MIN,
        kind: "cloud_api",
        json: cloud(vec![json!({
            "value": {"messaging_product": "whatsapp", "metadata": metadata(), "statuses": items},
            "field": "messages",
        })]),
        at,
        messages: 0,
        statuses: statuses.len(),
    }
}

// ------------------------------------------------------------------------------------
// Loading

/// What the WhatsApp demo loaded.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    pub bodies: usize,
    pub conversations: usize,
    pub messages: usize,
    pub statuses: usize,
    pub leads: u64,
}

/// The conversations' triggers that would stamp each touch, resolution and assignment
/// with the time of seeding (off while the traffic is processed and dated).
const CONVERSATION_TRIGGERS: &[&str] = &["conversations_set_updated_at", "conversations_audit"];
/// Triggers that would stamp the dating of what processing made with the time of
/// seeding, or audit it.
const QUIET: &[(&str, &[&str])] = &[
    ("campaigns", &["campaigns_audit"]),
    ("leads", &["leads_set_updated_at", "leads_audit"]),
    (
        "customers",
        &["customers_set_updated_at", "customers_audit"],
    ),
    (
        "prospects",
        &["prospects_set_updated_at", "prospects_audit"],
    ),
];

/// Loads the WhatsApp demo into the demo transaction (after the CRM demo: it reads the
/// demo customers' numbers).
pub async fn insert(tx: &mut Transaction<'_, Postgres>, clock: &Clock) -> anyhow::Result<Counts> {
    let customers: Vec<(String, String)> = sqlx::query_as(
        "select phone, coalesce(nullif(btrim(contact_name), ''), company_name) from customers \
          where phone is not null and merged_into_id is null and deleted_at is null order by phone",
    )
    .fetch_all(&mut **tx)
    .await?;
    let taken: HashSet<String> = sqlx::query_scalar::<_, String>(
        "select phone from customers where phone is not null \
         union select phone from leads where phone is not null",
    )
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .collect();
    let emails: Vec<&str> = AGENTS.iter().map(|(email, _)| *email).collect();
    let rows: Vec<(String, Uuid)> =
        sqlx::query_as("select email::text, id from profiles where email = any($1::text[])")
            .bind(&emails)
            .fetch_all(&mut **tx)
            .await?;
    let agents: Vec<Uuid> = emails
        .iter()
        .map(|email| {
            rows.iter()
                .find(|(e, _)| e == email)
                .map(|(_, id)| *id)
                .with_context(|| format!("demo user {email} is missing"))
        })
        .collect::<anyhow::Result<_>>()?;
    let key: Option<Uuid> = sqlx::query_scalar(
        "select id from api_keys where 'whatsapp:write' = any(scopes) and revoked_at is null \
          order by created_at limit 1",
    )
    .fetch_optional(&mut **tx)
    .await?;

    let plan = build(clock, &customers, &taken);
    let bodies = bodies(&plan)?;
    // Received as n8n's key posts them.
    let saved: (Option<String>, Option<String>, Option<String>) = sqlx::query_as(
        "select current_setting('app.user_id', true), current_setting('app.role', true), \
                current_setting('app.api_key_id', true)",
    )
    .fetch_one(&mut **tx)
    .await?;
    act_as(
        tx,
        "",
        "integration",
        &key.map(|k| k.to_string()).unwrap_or_default(),
    )
    .await?;
    super::switch_triggers(tx, "conversations", CONVERSATION_TRIGGERS, false).await?;
    let mut events = Vec::with_capacity(bodies.len());
    for step in steps(&plan, &bodies) {
        let body = match step {
            Step::Body(index) => &bodies[index],
            Step::Resolve(conversations) => {
                resolve(tx, &plan, &conversations).await?;
                continue;
            }
        };
        let sha256 =
            http_api::credentials::sha256_hex(&http_api::extract::canonical_json(&body.json));
        let (event, duplicate, counts): (i64, bool, Option<Value>) = sqlx::query_as(
            "select r.event_id, r.duplicate, app.wa_process(r.event_id) \
               from app.wa_receive($1, $2, $3, 'api_key', true) r",
        )
        .bind(body.kind)
        .bind(&sha256)
        .bind(&body.json)
        .fetch_one(&mut **tx)
        .await
        .context("demo WhatsApp body")?;
        let counts = counts.unwrap_or_default();
        let stored = (counts["messages"].as_u64(), counts["statuses"].as_u64());
        anyhow::ensure!(
            !duplicate && stored == (Some(body.messages as u64), Some(body.statuses as u64)),
            "demo WhatsApp body {event}: processed {counts}, planned {} messages and {} statuses",
            body.messages,
            body.statuses
        );
        events.push((event, body.at));
    }
    act_as(
        tx,
        saved.0.as_deref().unwrap_or(""),
        saved.1.as_deref().unwrap_or(""),
        saved.2.as_deref().unwrap_or(""),
    )
    .await?;
    for (table, names) in QUIET {
        super::switch_triggers(tx, table, names, false).await?;
    }
    let leads = backdate(tx, &plan, &events, &agents).await?;
    for (table, names) in QUIET {
        super::switch_triggers(tx, table, names, true).await?;
    }
    super::switch_triggers(tx, "conversations", CONVERSATION_TRIGGERS, true).await?;
    Ok(Counts {
        bodies: bodies.len(),
        conversations: plan.conversations.len(),
        messages: bodies.iter().map(|b| b.messages).sum(),
        statuses: bodies.iter().map(|b| b.statuses).sum(),
        leads,
    })
}

/// Resolves `conversations` of the plan as CS did.
async fn resolve(
    tx: &mut Transaction<'_, Postgres>,
    plan: &Plan,
    conversations: &[usize],
) -> anyhow::Result<()> {
    let c: Vec<&Conversation> = conversations
        .iter()
        .map(|i| &plan.conversations[*i])
        .collect();
    let resolved = |c: &Conversation| match c.outcome {
        Outcome::Resolved { by, at } => (Some(by), Some(at)),
        _ => (None, None),
    };
    let updated = sqlx::query(
        "update conversations c set status = 'resolved', resolved_at = u.at, resolved_by = u.by \
           from unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::text[]) \
                as u(phone, opened_at, at, by) \
          where c.business_phone_id = $5 and c.customer_phone = u.phone and c.opened_at = u.opened_at",
    )
    .bind(c.iter().map(|x| plan.contacts[x.contact].phone.as_str()).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.opened_at()).collect::<Vec<_>>())
    .bind(c.iter().map(|x| resolved(x).1).collect::<Vec<_>>())
    .bind(c.iter().map(|x| resolved(x).0).collect::<Vec<_>>())
    .bind(PHONE_NUMBER_ID)
    .execute(&mut **tx)
    .await
    .context("demo conversations resolved")?
    .rows_affected();
    anyhow::ensure!(
        updated == c.len() as u64,
        "demo WhatsApp: {} conversations to resolve, {updated} found",
        c.len()
    );
    Ok(())
}

async fn act_as(
    tx: &mut Transaction<'_, Postgres>,
    user: &str,
    role: &str,
    api_key: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "select set_config('app.user_id', $1, true), set_config('app.role', $2, true), \
                set_config('app.api_key_id', $3, true)",
    )
    .bind(user)
    .bind(role)
    .bind(api_key)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Dates what processing stamped "now" as it happened and leaves the conversations as CS
/// did; returns how many leads the new numbers became.
async fn backdate(
    tx: &mut Transaction<'_, Postgres>,
    plan: &Plan,
    events: &[(i64, DateTime<Utc>)],
    agents: &[Uuid],
) -> anyhow::Result<u64> {
    let c = &plan.conversations;
    let resolved = |c: &Conversation| match c.outcome {
        Outcome::Resolved { by, at } => (Some(by.to_owned()), Some(at)),
        _ => (None, None),
    };
    let updated = sqlx::query(
        "update conversations c set status = u.status, resolved_at = u.resolved_at, \
                resolved_by = u.resolved_by, assigned_to_user_id = u.agent, assigned_at = u.assigned_at, \
                created_at = c.opened_at, \
                updated_at = greatest(c.last_message_at, u.resolved_at, u.assigned_at) \
           from unnest($1::text[], $2::timestamptz[], $3::text[], $4::timestamptz[], $5::text[], \
                       $6::uuid[], $7::timestamptz[]) \
                as u(phone, opened_at, status, resolved_at, resolved_by, agent, assigned_at) \
          where c.business_phone_id = $8 and c.customer_phone = u.phone and c.opened_at = u.opened_at",
    )
    .bind(c.iter().map(|x| plan.contacts[x.contact].phone.clone()).collect::<Vec<_>>())
    .bind(c.iter().map(Conversation::opened_at).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.outcome.status().to_owned()).collect::<Vec<_>>())
    .bind(c.iter().map(|x| resolved(x).1).collect::<Vec<_>>())
    .bind(c.iter().map(|x| resolved(x).0).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.assignee.map(|(a, _)| agents[a])).collect::<Vec<_>>())
    .bind(c.iter().map(|x| x.assignee.map(|(_, at)| at)).collect::<Vec<_>>())
    .bind(PHONE_NUMBER_ID)
    .execute(&mut **tx)
    .await
    .context("demo conversations' outcomes")?
    .rows_affected();
    let (made, joined): (i64, i64) = sqlx::query_as(
        "select (select count(*) from conversations where business_phone_id = $1), \
                (select count(*) from messages where campaign_id is not null and conversation_id is not null)",
    )
    .bind(PHONE_NUMBER_ID)
    .fetch_one(&mut **tx)
    .await?;
    anyhow::ensure!(
        updated == c.len() as u64 && made == c.len() as i64 && joined == 0,
        "demo WhatsApp: planned {} conversations, processing made {made} ({updated} matched, \
         {joined} campaign messages inside one)",
        c.len()
    );
    // A new number's lead, customer and prospect were made with its first message.
    let leads: i64 = sqlx::query_scalar(
        "with first as (select lead_id, min(opened_at) as at from conversations \
                         where business_phone_id = $1 and lead_id is not null group by lead_id), \
              l as (update leads l set created_at = f.at, updated_at = f.at from first f \
                     where l.id = f.lead_id and l.channel = 'whatsapp' and l.created_at = now() \
                     returning l.customer_id, l.prospect_id, f.at), \
              c as (update customers c set created_at = l.at, updated_at = l.at from l \
                     where c.id = l.customer_id and c.created_at = now() returning c.id), \
              p as (update prospects p set created_at = l.at, updated_at = l.at, stage_changed_at = l.at \
                      from l where p.id = l.prospect_id and p.created_at = now() returning p.id), \
              h as (update prospect_stage_history h set changed_at = l.at from l \
                     where h.prospect_id = l.prospect_id and h.changed_at = now() returning h.id) \
         select count(*) from l",
    )
    .bind(PHONE_NUMBER_ID)
    .fetch_one(&mut **tx)
    .await
    .context("demo WhatsApp leads")?;
    let new_numbers: HashSet<usize> = c
        .iter()
        .map(|x| x.contact)
        .filter(|i| !plan.contacts[*i].customer)
        .collect();
    anyhow::ensure!(
        leads == new_numbers.len() as i64,
        "demo WhatsApp: {} new numbers wrote, {leads} leads made",
        new_numbers.len()
    );
    // Campaigns were prepared the day before they went out.
    sqlx::query(
        "update campaigns set created_at = first_sent_at - interval '1 day' where name = any($1::text[])",
    )
    .bind(plan.campaigns.iter().map(|x| x.name).collect::<Vec<_>>())
    .execute(&mut **tx)
    .await?;
    let ids: Vec<i64> = events.iter().map(|(id, _)| *id).collect();
    sqlx::query(
        "with e as (update wa_webhook_events w set received_at = u.at, processed_at = u.at \
                      from unnest($1::int8[], $2::timestamptz[]) as u(id, at) where w.id = u.id), \
              m as (update messages set created_at = sent_at where event_id = any($1)) \
         update message_status_events set received_at = occurred_at where event_id = any($1)",
    )
    .bind(&ids)
    .bind(
        events
            .iter()
            .map(|(_, at)| *at + secs(1))
            .collect::<Vec<_>>(),
    )
    .execute(&mut **tx)
    .await
    .context("demo WhatsApp receipts")?;
    Ok(u64::try_from(leads).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use domain::crm::PhoneE164;

    use super::*;

    fn customers() -> Vec<(String, String)> {
        let mut rng = Rng::new(11);
        (0..107)
            .map(|i| {
                (
                    format!("+62811{}", rng.digits(8)),
                    format!(
                        "{} {}",
                        FIRST_NAMES[i % FIRST_NAMES.len()],
                        LAST_NAMES[i % LAST_NAMES.len()]
                    ),
                )
            })
            .collect()
    }

    fn clock(now: &str) -> Clock {
        Clock::new(
            DateTime::parse_from_rfc3339(now)
                .unwrap()
                .with_timezone(&Utc),
        )
    }

    fn plan_at(now: &str) -> (Clock, Plan) {
        let clock = clock(now);
        let customers = customers();
        let taken = customers.iter().map(|c| c.0.clone()).collect();
        let plan = build(&clock, &customers, &taken);
        (clock, plan)
    }

    const DAYS: &[&str] = &[
        "2026-12-07T14:00:00+07:00",
        "2026-12-01T00:10:00+07:00",
        "2026-12-13T06:30:00+07:00",
        "2027-01-31T23:50:00+07:00",
        "2027-03-01T08:00:00+07:00",
        "2026-06-30T18:00:00Z",
        "2026-12-09T09:41:07.246361987+07:00",
    ];

    /// The days above and every fifth hour of a week and a day.
    fn moments() -> Vec<String> {
        let start = clock("2026-12-07T00:20:00+07:00").now;
        DAYS.iter()
            .map(|d| (*d).to_owned())
            .chain(
                (0..8 * 24)
                    .step_by(5)
                    .map(|h| (start + Duration::hours(h)).to_rfc3339()),
            )
            .collect()
    }

    fn texts(plan: &Plan) -> Vec<String> {
        plan.conversations
            .iter()
            .flat_map(|c| c.messages.iter())
            .chain(
                plan.campaigns
                    .iter()
                    .flat_map(|c| c.sends.iter().map(|s| &s.message)),
            )
            .map(|m| format!("{} {} {:?}", m.id, m.at, m.content))
            .collect()
    }

    #[test]
    fn the_plan_is_reproducible() {
        let (_, a) = plan_at(DAYS[0]);
        let (_, b) = plan_at(DAYS[0]);
        assert_eq!(texts(&a), texts(&b));
        let outcomes = |p: &Plan| {
            p.conversations
                .iter()
                .map(|c| format!("{:?} {:?}", c.outcome, c.assignee))
                .collect::<Vec<_>>()
        };
        assert_eq!(outcomes(&a), outcomes(&b));
        assert_eq!(
            bodies(&a)
                .unwrap()
                .iter()
                .map(|b| b.json.to_string())
                .collect::<Vec<_>>(),
            bodies(&b)
                .unwrap()
                .iter()
                .map(|b| b.json.to_string())
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn nothing_is_in_the_future_and_every_thread_is_in_order() {
        for day in DAYS {
            let (clock, plan) = plan_at(day);
            let mut cycles: HashMap<usize, Vec<&Conversation>> = HashMap::new();
            for c in &plan.conversations {
                let first = &c.messages[0];
                assert!(
                    first.inbound(),
                    "{day}: a customer opens every conversation"
                );
                assert!(c.opened_at() >= clock.now - Duration::days(30), "{day}");
                for pair in c.messages.windows(2) {
                    assert!(pair[0].at < pair[1].at, "{day}: messages in order");
                    assert!(
                        pair[1].at - pair[0].at < Duration::hours(20),
                        "{day}: no silence of a day inside a conversation"
                    );
                }
                for (index, m) in c.messages.iter().enumerate() {
                    assert!(m.at < clock.now, "{day}: {m:?}");
                    assert_eq!(m.at.timestamp_subsec_nanos(), 0, "{day}: whole seconds");
                    assert_eq!(m.inbound(), m.statuses.is_empty() && m.inbound());
                    for pair in m.statuses.windows(2) {
                        assert!(pair[0].at <= pair[1].at, "{day}: {m:?}");
                    }
                    for s in &m.statuses {
                        assert!(s.at > m.at && s.at <= clock.now, "{day}: {s:?}");
                        assert_eq!(s.error.is_some(), s.status == "failed");
                    }
                    match &m.content {
                        Content::ButtonReply { to, .. } => {
                            assert!(*to < index && c.messages[*to].sender == Sender::Bot)
                        }
                        Content::QuickReply { campaign, send, .. } => {
                            let send = &plan.campaigns[*campaign].sends[*send];
                            assert!(send.contact == c.contact && send.message.at < m.at);
                            assert_eq!(c.campaign, Some(*campaign));
                        }
                        Content::Text(text) => assert!(!text.contains('{'), "{text}"),
                        _ => {}
                    }
                    if !m.inbound() {
                        assert!(matches!(m.content, Content::Text(_)));
                    }
                }
                match c.outcome {
                    Outcome::Resolved { at, by } => {
                        assert!(at >= c.last_at() && at <= clock.now, "{day}: {at}");
                        let expected = if c.has(|s| matches!(s, Sender::Agent(_))) {
                            "agent"
                        } else if c.has(|s| s == Sender::Bot) {
                            "bot"
                        } else {
                            "timeout"
                        };
                        assert_eq!(by, expected);
                    }
                    Outcome::Open | Outcome::Pending => {}
                }
                let first_agent = c.messages.iter().find_map(|m| match m.sender {
                    Sender::Agent(a) => Some((a, m.at)),
                    _ => None,
                });
                assert_eq!(c.assignee, first_agent, "{day}: the first to answer has it");
                cycles.entry(c.contact).or_default().push(c);
            }
            for (contact, list) in &cycles {
                for pair in list.windows(2) {
                    assert!(
                        pair[0].last_at() + cycle_gap() <= pair[1].opened_at(),
                        "{day}: cycles of {contact} apart"
                    );
                    assert!(matches!(pair[0].outcome, Outcome::Resolved { .. }));
                }
            }
            for campaign in &plan.campaigns {
                for send in &campaign.sends {
                    assert!(send.message.at < clock.now);
                    for c in cycles.get(&send.contact).into_iter().flatten() {
                        let t = send.message.at;
                        assert!(
                            t < c.opened_at() || t > c.last_at() + campaign_guard(),
                            "{day}: a campaign message outside the conversations"
                        );
                        // An earlier conversation is resolved before the campaign's day.
                        if c.opened_at() < t {
                            let midnight = date_of(t).and_hms_opt(0, 0, 0).unwrap().and_utc()
                                - Duration::hours(7);
                            assert!(
                                matches!(c.outcome, Outcome::Resolved { at, .. } if at < midnight),
                                "{day}: {:?} before a campaign",
                                c.outcome
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn what_the_demo_must_show_is_there_at_every_hour() {
        for now in moments() {
            let (clock, plan) = plan_at(&now);
            let conversations = &plan.conversations;
            assert!(
                (220..=300).contains(&conversations.len()),
                "{now}: {} conversations",
                conversations.len()
            );
            let failed: HashSet<usize> = conversations
                .iter()
                .flat_map(|c| c.messages.iter())
                .chain(
                    plan.campaigns
                        .iter()
                        .flat_map(|c| c.sends.iter().map(|s| &s.message)),
                )
                .filter_map(Message::failed)
                .collect();
            assert_eq!(failed.len(), ERRORS.len(), "{now}: every error code");
            let count = |wanted: &dyn Fn(&Conversation) -> bool| {
                conversations.iter().filter(|c| wanted(c)).count()
            };
            assert!(
                count(&|c| matches!(c.outcome, Outcome::Resolved { by: "bot", .. })) >= 1,
                "{now}: the bot resolved one"
            );
            assert!(count(&|c| c.outcome == Outcome::Open) >= 2, "{now}: open");
            assert!(
                count(&|c| c.outcome == Outcome::Pending) >= 1,
                "{now}: pending"
            );
            assert!(
                count(&|c| c.outcome == Outcome::Open && c.assignee.is_none()) >= 2,
                "{now}: unassigned queue"
            );
            let old = count(&|c| c.opened_at() < clock.now - Duration::days(1));
            let old_resolved = count(&|c| {
                c.opened_at() < clock.now - Duration::days(1)
                    && matches!(c.outcome, Outcome::Resolved { .. })
            });
            assert!(
                old_resolved * 100 >= old * 90,
                "{now}: {old_resolved} of {old} old resolved"
            );
            for (agent, (email, _)) in AGENTS.iter().enumerate() {
                assert!(
                    count(&|c| c.assignee.is_some_and(|(a, _)| a == agent)) >= 5,
                    "{now}: {email} has several"
                );
            }
            let mut per_contact: HashMap<usize, usize> = HashMap::new();
            for c in conversations {
                *per_contact.entry(c.contact).or_default() += 1;
            }
            let returning = per_contact.values().filter(|n| **n >= 2).count();
            assert!(returning >= 20, "{now}: {returning} numbers came back");
            assert!(
                (150..=220).contains(&per_contact.len()),
                "{now}: {} numbers",
                per_contact.len()
            );
            let customers = per_contact
                .keys()
                .filter(|c| plan.contacts[**c].customer)
                .count();
            assert!(
                (20..=40).contains(&(customers * 100 / per_contact.len())),
                "{now}: {customers} of {} numbers are customers",
                per_contact.len()
            );
            assert!(
                per_contact.len() - customers > 50,
                "{now}: new numbers become leads"
            );
            assert_eq!(plan.campaigns.len(), 3);
            for (index, campaign) in plan.campaigns.iter().enumerate() {
                assert!((60..=120).contains(&campaign.sends.len()), "{now}");
                let replies = count(&|c| c.campaign == Some(index));
                assert!(replies >= 1, "{now}: {} drew replies", campaign.name);
                assert_eq!(replies, campaign.sends.iter().filter(|s| s.replied).count());
                let day = date_of(campaign.sends[0].message.at);
                assert!(campaign.sends.iter().all(|s| date_of(s.message.at) == day));
            }
        }
    }

    #[test]
    fn a_month_that_looks_like_a_cs_desk() {
        let (clock, plan) = plan_at(DAYS[0]);
        let conversations = &plan.conversations;
        let share = |wanted: &dyn Fn(&Conversation) -> bool| {
            conversations.iter().filter(|c| wanted(c)).count() * 100 / conversations.len()
        };
        let bot_fast = share(&|c| {
            c.messages
                .iter()
                .find(|m| m.sender == Sender::Bot)
                .is_some_and(|m| m.at - c.opened_at() <= secs(10))
        });
        assert!(
            (60..=80).contains(&bot_fast),
            "bot first within seconds: {bot_fast} %"
        );
        let agent = share(&|c| c.has(|s| matches!(s, Sender::Agent(_))));
        assert!((65..=85).contains(&agent), "agents answered {agent} %");
        let media = share(&|c| {
            c.messages.iter().any(|m| {
                matches!(
                    m.content,
                    Content::Image { .. }
                        | Content::Document { .. }
                        | Content::Voice { .. }
                        | Content::Location(_)
                )
            })
        });
        assert!((15..=70).contains(&media), "media in {media} %");
        let night = share(&|c| !(7..20).contains(&local(c.opened_at()).hour()));
        assert!((1..=15).contains(&night), "{night} % at night");
        let kinds: HashSet<&str> = conversations
            .iter()
            .flat_map(|c| c.messages.iter().map(|m| m.content.kind()))
            .collect();
        for kind in [
            "text",
            "image",
            "document",
            "audio",
            "location",
            "interactive",
            "button",
        ] {
            assert!(kinds.contains(kind), "{kind} in {kinds:?}");
        }
        let per_message: Vec<usize> = conversations
            .iter()
            .map(|c| c.messages.iter().filter(|m| m.inbound()).count())
            .collect();
        assert!(per_message.iter().all(|n| (1..=6).contains(n)));
        // Agents answer in business hours.
        for c in conversations {
            for m in &c.messages {
                if matches!(m.sender, Sender::Agent(_)) {
                    assert!(in_business_hours(m.at), "{m:?}");
                }
            }
        }
        let outbound: Vec<&Message> = conversations
            .iter()
            .flat_map(|c| c.messages.iter())
            .chain(
                plan.campaigns
                    .iter()
                    .flat_map(|c| c.sends.iter().map(|s| &s.message)),
            )
            .filter(|m| !m.inbound())
            .collect();
        let failed = outbound.iter().filter(|m| m.failed().is_some()).count();
        let read = outbound
            .iter()
            .filter(|m| m.statuses.iter().any(|s| s.status == "read"))
            .count();
        assert!(
            (3..=10).contains(&(failed * 100 / outbound.len())),
            "{failed} of {}",
            outbound.len()
        );
        assert!(
            read * 100 / outbound.len() >= 60,
            "{read} read of {}",
            outbound.len()
        );
        let messages = outbound.len()
            + conversations
                .iter()
                .map(|c| c.messages.len())
                .sum::<usize>();
        assert!((1_500..=4_000).contains(&messages), "{messages} messages");
        // More on weekdays than at weekends, day for day.
        let mut weekday = 0;
        let mut weekend = 0;
        for c in conversations.iter().filter(|c| c.campaign.is_none()) {
            match date_of(c.opened_at()).weekday() {
                Weekday::Sat | Weekday::Sun => weekend += 1,
                _ => weekday += 1,
            }
        }
        assert!(
            weekday * 8 > weekend * 22 * 3 / 2,
            "{weekday} on weekdays, {weekend} at weekends"
        );
        let _ = clock;
    }

    #[test]
    fn bodies_keep_each_numbers_order_and_pass_the_endpoints_checks() {
        let (_, plan) = plan_at(DAYS[0]);
        let bodies = bodies(&plan).unwrap();
        assert!(bodies.len() < 700, "{} bodies", bodies.len());
        let mut seen: HashMap<String, Vec<String>> = HashMap::new();
        let mut ids = HashSet::new();
        let mut statuses = 0;
        for body in &bodies {
            match body.kind {
                "cloud_api" => {
                    domain::whatsapp::check_cloud_body(&body.json).unwrap();
                    for change in body.json["entry"][0]["changes"].as_array().unwrap() {
                        let value = &change["value"];
                        assert_eq!(value["metadata"]["phone_number_id"], PHONE_NUMBER_ID);
                        let mut previous = String::new();
                        for m in value["messages"].as_array().into_iter().flatten() {
                            let ts = m["timestamp"].as_str().unwrap().to_owned();
                            assert!(ts >= previous, "a change's messages in order");
                            previous = ts;
                            assert!(ids.insert(m["id"].as_str().unwrap().to_owned()));
                            seen.entry(format!("+{}", m["from"].as_str().unwrap()))
                                .or_default()
                                .push(m["id"].as_str().unwrap().to_owned());
                        }
                        for s in value["statuses"].as_array().into_iter().flatten() {
                            statuses += 1;
                            let failed = s["status"] == "failed";
                            assert_eq!(failed, s["errors"][0]["code"].is_i64());
                            assert_eq!(
                                matches!(s["status"].as_str(), Some("sent" | "delivered")),
                                s["pricing"]["pricing_model"] == "PMP"
                            );
                        }
                    }
                }
                _ => {
                    let items = body.json.as_array().unwrap();
                    assert!(
                        !items.is_empty() && items.len() <= domain::whatsapp::MAX_OUTBOUND_BATCH
                    );
                    let mut items: Vec<&Value> = items.iter().collect();
                    items.sort_by_key(|i| i["timestamp"].as_str().unwrap().to_owned());
                    for item in items {
                        assert!(
                            ids.insert(item["provider_message_id"].as_str().unwrap().to_owned())
                        );
                        seen.entry(item["to"].as_str().unwrap().to_owned())
                            .or_default()
                            .push(item["provider_message_id"].as_str().unwrap().to_owned());
                    }
                }
            }
        }
        // Each number's messages are processed in the order they happened.
        let mut expected: HashMap<String, Vec<(DateTime<Utc>, String)>> = HashMap::new();
        for source in plan.sources() {
            let m = plan.message(source);
            expected
                .entry(plan.contact_of(source).phone.clone())
                .or_default()
                .push((m.at, m.id.clone()));
        }
        for (phone, mut list) in expected {
            assert_eq!(PhoneE164::parse(&phone).unwrap().as_str(), phone);
            list.sort();
            let list: Vec<String> = list.into_iter().map(|(_, id)| id).collect();
            assert_eq!(seen.get(&phone), Some(&list), "{phone}");
        }
        let planned: usize = plan
            .sources()
            .iter()
            .map(|s| plan.message(*s).statuses.len())
            .sum();
        assert_eq!(statuses, planned);
        assert!(ids
            .iter()
            .all(|id| id.starts_with("wamid.HBg") && id.len() < 200));
    }

    /// The intake's cycle rules (`app.wa_conversation`), replayed over the loading steps.
    #[derive(Debug)]
    struct Cycle {
        phone: String,
        opened: i64,
        last: i64,
        resolved: bool,
    }

    fn replay(plan: &Plan, bodies: &[Body]) -> (Vec<Cycle>, usize) {
        let mut cycles: Vec<Cycle> = Vec::new();
        let mut current: HashMap<String, usize> = HashMap::new();
        let mut joined_by_campaigns = 0;
        for step in steps(plan, bodies) {
            let body = match step {
                Step::Resolve(list) => {
                    for index in list {
                        let c = &plan.conversations[index];
                        let phone = &plan.contacts[c.contact].phone;
                        let cycle = cycles
                            .iter_mut()
                            .find(|x| &x.phone == phone && x.opened == c.opened_at().timestamp())
                            .expect("a conversation to resolve");
                        assert!(
                            cycle.last <= c.last_at().timestamp(),
                            "resolved after its last message"
                        );
                        cycle.resolved = true;
                    }
                    continue;
                }
                Step::Body(index) => &bodies[index],
            };
            // (phone, time, inbound, campaign)
            let mut messages: Vec<(String, i64, bool, bool)> = Vec::new();
            if body.kind == "cloud_api" {
                for change in body.json["entry"][0]["changes"].as_array().unwrap() {
                    let mut list: Vec<(String, i64, bool, bool)> = change["value"]["messages"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|m| {
                            let phone = format!("+{}", m["from"].as_str().unwrap());
                            let at: i64 = m["timestamp"].as_str().unwrap().parse().unwrap();
                            (phone, at, true, false)
                        })
                        .collect();
                    list.sort_by_key(|m| m.1);
                    messages.extend(list);
                }
            } else {
                let mut list: Vec<(String, i64, bool, bool)> = body
                    .json
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| {
                        let at = DateTime::parse_from_rfc3339(i["timestamp"].as_str().unwrap())
                            .unwrap()
                            .timestamp();
                        (
                            i["to"].as_str().unwrap().to_owned(),
                            at,
                            false,
                            !i["campaign"].is_null(),
                        )
                    })
                    .collect();
                list.sort_by_key(|m| m.1);
                messages.extend(list);
            }
            for (phone, at, inbound, campaign) in messages {
                let found = current.get(&phone).map(|i| &cycles[*i]);
                if campaign && found.is_none_or(|c| at < c.opened) {
                    continue;
                }
                let joins =
                    found.is_some_and(|c| !c.resolved && (!inbound || c.last > at - 86_400));
                if joins {
                    let index = current[&phone];
                    cycles[index].last = cycles[index].last.max(at);
                    joined_by_campaigns += usize::from(campaign);
                } else if !campaign {
                    if let Some(index) = current.get(&phone) {
                        cycles[*index].resolved = true;
                    }
                    current.insert(phone.clone(), cycles.len());
                    cycles.push(Cycle {
                        phone,
                        opened: at,
                        last: at,
                        resolved: false,
                    });
                }
            }
        }
        (cycles, joined_by_campaigns)
    }

    #[test]
    fn the_intake_makes_exactly_the_planned_conversations() {
        for day in DAYS {
            let (_, plan) = plan_at(day);
            let bodies = bodies(&plan).unwrap();
            let (cycles, joined) = replay(&plan, &bodies);
            assert_eq!(
                joined, 0,
                "{day}: no campaign message inside a conversation"
            );
            let mut made: Vec<(String, i64, i64)> = cycles
                .iter()
                .map(|c| (c.phone.clone(), c.opened, c.last))
                .collect();
            let mut planned: Vec<(String, i64, i64)> = plan
                .conversations
                .iter()
                .map(|c| {
                    let phone = plan.contacts[c.contact].phone.clone();
                    (phone, c.opened_at().timestamp(), c.last_at().timestamp())
                })
                .collect();
            made.sort();
            planned.sort();
            assert_eq!(made, planned, "{day}");
        }
    }

    #[test]
    fn message_ids_look_like_metas() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
        let id = wamid(&mut Rng::new(1), "6281234567001", true);
        assert!(
            id.starts_with("wamid.HBgNNjI4MTIzNDU2NzAwMRUCABIYF"),
            "{id}"
        );
        let id = wamid(&mut Rng::new(1), "6281234567001", false);
        assert!(
            id.starts_with("wamid.HBgNNjI4MTIzNDU2NzAwMRUCABEYF"),
            "{id}"
        );
    }
}
