//! The columns of invoices and payments, which name their customer by code, NPWP or
//! exact name.

use super::{choice, field, FieldKind::*, FieldSpec};

const CUSTOMER_REF_HELP: (&str, &str) = (
    "Pelanggan dikenali dari kode, NPWP atau nama persis; isi minimal satu. Jika cocok dengan dua pelanggan, baris ditolak.",
    "The customer is found by code, NPWP or exact name; fill at least one. A row that fits two customers is refused.",
);

const CUSTOMER_REF: [FieldSpec; 3] = [
    field(
        "customer_code",
        Text,
        false,
        ("Kode pelanggan", "Customer code"),
        &[
            "kode customer",
            "kode cust",
            "cust code",
            "customer id",
            "id pelanggan",
        ],
        CUSTOMER_REF_HELP,
        "CUST-000001",
    ),
    field(
        "customer_npwp",
        Npwp,
        false,
        ("NPWP pelanggan", "Customer NPWP"),
        &["npwp", "npwp customer", "tax id"],
        CUSTOMER_REF_HELP,
        "01.234.567.8-901.000",
    ),
    field(
        "customer_name",
        Text,
        false,
        ("Nama pelanggan", "Customer name"),
        &[
            "nama perusahaan",
            "perusahaan",
            "customer",
            "pelanggan",
            "nama customer",
            "company",
            "company name",
        ],
        CUSTOMER_REF_HELP,
        "PT Maju Jaya Abadi",
    ),
];

pub(super) const INVOICES: &[FieldSpec] = &[
    field(
        "invoice_number",
        Text,
        true,
        ("Nomor faktur", "Invoice number"),
        &[
            "no faktur",
            "no. faktur",
            "nomor invoice",
            "no invoice",
            "invoice no",
            "invoice",
            "faktur",
        ],
        ("Unik per pelanggan.", "Unique per customer."),
        "INV/2026/12/0001",
    ),
    CUSTOMER_REF[0],
    CUSTOMER_REF[1],
    CUSTOMER_REF[2],
    field(
        "invoice_date",
        Date,
        true,
        ("Tanggal faktur", "Invoice date"),
        &["tgl faktur", "tanggal invoice", "tgl invoice", "tanggal"],
        (
            "dd/mm/yyyy, ISO atau tanggal Excel.",
            "dd/mm/yyyy, ISO or an Excel date.",
        ),
        "01/12/2026",
    ),
    field(
        "due_date",
        Date,
        true,
        ("Jatuh tempo", "Due date"),
        &["tgl jatuh tempo", "tanggal jatuh tempo", "due", "jt"],
        (
            "Tidak boleh sebelum tanggal faktur.",
            "Not before the invoice date.",
        ),
        "31/12/2026",
    ),
    field(
        "amount",
        Decimal,
        true,
        ("Jumlah", "Amount"),
        &[
            "nilai",
            "total",
            "nominal",
            "jumlah tagihan",
            "nilai faktur",
            "amount idr",
        ],
        (
            "Rupiah, mis. 1.500.000 atau 1.500.000,50.",
            "Rupiah, e.g. 1.500.000 or 1.500.000,50.",
        ),
        "1.500.000",
    ),
    field(
        "description",
        Text,
        false,
        ("Keterangan", "Description"),
        &["deskripsi", "uraian", "catatan"],
        ("Opsional.", "Optional."),
        "Freight Jakarta–Surabaya",
    ),
];

pub(super) const PAYMENTS: &[FieldSpec] = &[
    field(
        "reference",
        Text,
        true,
        ("No referensi", "Reference"),
        &[
            "referensi",
            "no bukti",
            "nomor bukti",
            "no transaksi",
            "ref",
            "no ref",
            "bukti bayar",
        ],
        (
            "Nomor bukti dari bank; satu pembayaran per referensi per pelanggan.",
            "The bank's reference; one payment per reference and customer.",
        ),
        "TRF-20261205-001",
    ),
    CUSTOMER_REF[0],
    CUSTOMER_REF[1],
    CUSTOMER_REF[2],
    field(
        "payment_date",
        Date,
        true,
        ("Tanggal bayar", "Payment date"),
        &[
            "tgl bayar",
            "tanggal pembayaran",
            "tgl pembayaran",
            "tanggal",
        ],
        (
            "dd/mm/yyyy, ISO atau tanggal Excel.",
            "dd/mm/yyyy, ISO or an Excel date.",
        ),
        "05/12/2026",
    ),
    field(
        "amount",
        Decimal,
        true,
        ("Jumlah", "Amount"),
        &["jumlah bayar", "nominal", "nilai", "total"],
        ("Rupiah.", "Rupiah."),
        "1.500.000",
    ),
    choice(
        field(
            "method",
            Choice,
            false,
            ("Metode", "Method"),
            &["cara bayar", "metode bayar", "payment method"],
            ("Kosong = bank_transfer.", "Empty = bank_transfer."),
            "bank_transfer",
        ),
        &[
            "bank_transfer",
            "virtual_account",
            "cash",
            "giro",
            "cheque",
            "other",
        ],
    ),
    field(
        "invoice_number",
        Text,
        false,
        ("Nomor faktur", "Invoice number"),
        &[
            "no faktur",
            "no invoice",
            "untuk faktur",
            "invoice no",
            "nomor faktur",
            "invoice",
        ],
        (
            "Opsional: faktur pelanggan yang dilunasi; dialokasikan sebesar sisa tagihannya.",
            "Optional: the customer's invoice paid; allocated up to what is open on it.",
        ),
        "INV/2026/12/0001",
    ),
];
