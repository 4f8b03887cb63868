//! Demo news (NEWS-1): three published posts by the super admin, one of them pinned, so
//! the dashboard's news widget and the News page show something on `make run`.

use chrono::Duration;
use sqlx::{Postgres, Transaction};

use super::crm_demo::Clock;

/// (title, Markdown body, days before now, pinned)
const POSTS: &[(&str, &str, i64, bool)] = &[
    (
        "Selamat datang di Command Center",
        "Semua pekerjaan harian — **leads, tiket, piutang dan KPI** — kini ada di satu tempat.\n\n\
         * Dashboard menampilkan angka hari ini\n* Menu yang tidak Anda gunakan disembunyikan\n\n\
         Pertanyaan? Hubungi [tim IT](mailto:it@demo.local).",
        6,
        true,
    ),
    (
        "Jadwal operasional akhir tahun",
        "Gudang dan layanan domestik tutup pada **25 Desember** dan **1 Januari**. \
         Pengiriman ekspor tetap berjalan sesuai jadwal kapal.",
        2,
        false,
    ),
    (
        "Target KPI bulan ini sudah terbit",
        "Target per tim sudah dapat dilihat di menu **KPI**. Masukkan data manual paling \
         lambat tanggal 5 bulan berikutnya.",
        0,
        false,
    ),
];

/// Writes the demo posts; returns how many.
pub async fn insert(tx: &mut Transaction<'_, Postgres>, clock: &Clock) -> anyhow::Result<u64> {
    let mut written = 0;
    for (title, body, days_ago, pinned) in POSTS {
        let at = clock.now - Duration::days(*days_ago) - Duration::hours(1);
        written += sqlx::query(
            "insert into news (title, body, published_at, pinned, created_by, updated_by, created_at) \
             select $1, $2, $3, $4, p.id, p.id, $3 from profiles p where p.email = 'super_admin@demo.local'",
        )
        .bind(title)
        .bind(body)
        .bind(at)
        .bind(pinned)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    }
    tracing::info!(posts = written, "demo news loaded");
    Ok(written)
}
