//! The columns of KPI entries, marketing spend and products/programmes.

use super::{choice, field, FieldKind::*, FieldSpec};

pub(super) const KPI_ENTRIES: &[FieldSpec] = &[
    field(
        "metric_key",
        Choice,
        true,
        ("Metrik", "Metric"),
        &["kode metrik", "kpi", "metric"],
        (
            "Hanya metrik MANUAL/IMPORTED (lihat daftar).",
            "MANUAL/IMPORTED metrics only (see the list).",
        ),
        "siswa_baru",
    ),
    field(
        "assignee",
        Text,
        true,
        ("Untuk", "Assignee"),
        &[
            "karyawan",
            "email",
            "email karyawan",
            "user",
            "departemen",
            "dept",
            "pic",
        ],
        (
            "Email karyawan, kode departemen (mis. MKT) atau \"company\".",
            "An employee's e-mail, a department code (e.g. MKT) or \"company\".",
        ),
        "staff@commandcenter.id",
    ),
    field(
        "entry_date",
        Date,
        true,
        ("Tanggal", "Date"),
        &["tgl", "date", "tanggal entri"],
        ("dd/mm/yyyy.", "dd/mm/yyyy."),
        "05/12/2026",
    ),
    field(
        "value",
        Decimal,
        true,
        ("Nilai", "Value"),
        &["jumlah", "angka", "realisasi", "actual"],
        ("Angka ≥ 0.", "A number ≥ 0."),
        "12",
    ),
    field(
        "note",
        Text,
        false,
        ("Catatan", "Note"),
        &["keterangan", "notes"],
        ("Opsional.", "Optional."),
        "",
    ),
];

pub(super) const MARKETING_SPEND: &[FieldSpec] = &[
    choice(
        field(
            "platform",
            Choice,
            true,
            ("Platform", "Platform"),
            &["media", "kanal iklan", "channel"],
            (
                "tiktok, instagram, meta atau google.",
                "tiktok, instagram, meta or google.",
            ),
            "instagram",
        ),
        &["tiktok", "instagram", "meta", "google"],
    ),
    field(
        "spend_date",
        Date,
        true,
        ("Tanggal", "Date"),
        &["tgl", "date", "tanggal iklan"],
        ("dd/mm/yyyy.", "dd/mm/yyyy."),
        "05/12/2026",
    ),
    field(
        "amount",
        Decimal,
        true,
        ("Biaya", "Spend"),
        &["jumlah", "nominal", "biaya iklan", "spend", "cost"],
        ("Rupiah.", "Rupiah."),
        "2.500.000",
    ),
    field(
        "impressions",
        Count,
        false,
        ("Impresi", "Impressions"),
        &["tayangan", "views", "impr"],
        ("Opsional.", "Optional."),
        "120.000",
    ),
    field(
        "clicks",
        Count,
        false,
        ("Klik", "Clicks"),
        &["jumlah klik"],
        ("Opsional.", "Optional."),
        "3.400",
    ),
    field(
        "campaign",
        Text,
        false,
        ("Kampanye", "Campaign"),
        &["nama kampanye", "campaign name"],
        (
            "Satu baris per platform, tanggal dan kampanye.",
            "One row per platform, date and campaign.",
        ),
        "promo-desember",
    ),
];

pub(super) const PRODUCTS: &[FieldSpec] = &[
    field(
        "code",
        Text,
        true,
        ("Kode", "Code"),
        &["kode produk", "kode program", "sku", "product code"],
        (
            "Huruf besar, angka dan strip.",
            "Capitals, digits and hyphens.",
        ),
        "EXIM-FCL",
    ),
    field(
        "name",
        Text,
        true,
        ("Nama", "Name"),
        &[
            "nama produk",
            "nama program",
            "produk",
            "program",
            "product",
        ],
        ("Nama produk/program.", "The product's or programme's name."),
        "Ekspor FCL",
    ),
    choice(
        field(
            "service",
            Choice,
            false,
            ("Layanan", "Service"),
            &["jenis layanan", "divisi"],
            ("EXIM, DOM, IMP atau WH.", "EXIM, DOM, IMP or WH."),
            "EXIM",
        ),
        &["EXIM", "DOM", "IMP", "WH"],
    ),
    field(
        "description",
        Text,
        false,
        ("Deskripsi", "Description"),
        &["keterangan", "uraian"],
        ("Opsional.", "Optional."),
        "",
    ),
    choice(
        field(
            "is_active",
            Choice,
            false,
            ("Aktif", "Active"),
            &["status", "active"],
            ("ya/tidak; kosong = ya.", "yes/no; empty = yes."),
            "ya",
        ),
        &["ya", "tidak", "yes", "no"],
    ),
];
