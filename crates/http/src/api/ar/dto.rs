//! Response shapes of receivables (SPEC §4.12). Amounts are decimal strings
//! (`"1500000.00"`), days are `YYYY-MM-DD` (Asia/Jakarta).

use chrono::{DateTime, NaiveDate, Utc};
use domain::ar::{InvoiceStatus, PaymentMethod};
use persistence::ar::{invoices, payments, reports};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// An invoice with its status and amounts as of today.
#[derive(Debug, Serialize, ToSchema)]
pub struct Invoice {
    pub id: Uuid,
    #[schema(example = "INV-2026-000123")]
    pub invoice_code: String,
    /// The company's own invoice number, unique per customer.
    pub invoice_number: Option<String>,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    #[schema(example = "1500000.00")]
    pub amount: String,
    pub paid: String,
    pub outstanding: String,
    /// Today − due date (negative: not yet due).
    pub days_overdue: i32,
    pub status: InvoiceStatus,
    pub description: Option<String>,
    pub voided_at: Option<DateTime<Utc>>,
    pub void_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<invoices::InvoiceRow> for Invoice {
    fn from(r: invoices::InvoiceRow) -> Self {
        Self {
            id: r.id,
            invoice_code: r.invoice_code,
            invoice_number: r.invoice_number,
            customer_id: r.customer_id,
            customer_name: r.customer_name,
            invoice_date: r.invoice_date,
            due_date: r.due_date,
            amount: r.amount,
            paid: r.paid,
            outstanding: r.outstanding,
            days_overdue: r.days_overdue,
            status: r.status.0,
            description: r.description,
            voided_at: r.voided_at,
            void_reason: r.void_reason,
            created_at: r.created_at,
        }
    }
}

/// A payment's allocation as the invoice shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvoicePayment {
    pub allocation_id: Uuid,
    pub payment_id: Uuid,
    pub payment_code: String,
    pub payment_date: NaiveDate,
    pub method: PaymentMethod,
    pub reference: Option<String>,
    pub amount: String,
}

impl From<invoices::InvoiceAllocation> for InvoicePayment {
    fn from(a: invoices::InvoiceAllocation) -> Self {
        Self {
            allocation_id: a.allocation_id,
            payment_id: a.payment_id,
            payment_code: a.payment_code,
            payment_date: a.payment_date,
            method: a.method.0,
            reference: a.reference,
            amount: a.amount,
        }
    }
}

/// An invoice with the payments allocated to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceDetail {
    #[serde(flatten)]
    pub invoice: Invoice,
    pub allocations: Vec<InvoicePayment>,
}

/// One allocation a payment made.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentAllocation {
    pub invoice_id: Uuid,
    pub invoice_code: String,
    pub amount: String,
}

impl From<payments::PaymentAllocation> for PaymentAllocation {
    fn from(a: payments::PaymentAllocation) -> Self {
        Self {
            invoice_id: a.invoice_id,
            invoice_code: a.invoice_code,
            amount: a.amount,
        }
    }
}

/// A payment with what it paid; `unapplied` is the customer's credit from it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Payment {
    pub id: Uuid,
    #[schema(example = "PAY-2026-000045")]
    pub payment_code: String,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub payment_date: NaiveDate,
    pub amount: String,
    pub allocated: String,
    pub unapplied: String,
    pub method: PaymentMethod,
    pub reference: Option<String>,
    pub created_at: DateTime<Utc>,
    pub allocations: Vec<PaymentAllocation>,
}

impl Payment {
    pub fn new(r: payments::PaymentRow, allocations: Vec<PaymentAllocation>) -> Self {
        Self {
            id: r.id,
            payment_code: r.payment_code,
            customer_id: r.customer_id,
            customer_name: r.customer_name,
            payment_date: r.payment_date,
            amount: r.amount,
            allocated: r.allocated,
            unapplied: r.unapplied,
            method: r.method.0,
            reference: r.reference,
            created_at: r.created_at,
            allocations,
        }
    }
}

/// An invoice open on `as_of` (DSO-2).
#[derive(Debug, Serialize, ToSchema)]
pub struct OutstandingInvoice {
    pub invoice_id: Uuid,
    pub invoice_code: String,
    pub invoice_number: Option<String>,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    pub amount: String,
    /// Paid by payments dated on or before `as_of`.
    pub paid: String,
    pub outstanding: String,
    /// Paid later, by payments dated after `as_of` (DSO-6).
    pub paid_after: String,
    /// `as_of` − due date; ≤ 0 is current.
    pub days_overdue: i32,
    pub status: InvoiceStatus,
}

impl From<reports::OutstandingRow> for OutstandingInvoice {
    fn from(r: reports::OutstandingRow) -> Self {
        Self {
            invoice_id: r.invoice_id,
            invoice_code: r.invoice_code,
            invoice_number: r.invoice_number,
            customer_id: r.customer_id,
            customer_name: r.customer_name,
            invoice_date: r.invoice_date,
            due_date: r.due_date,
            amount: r.amount,
            paid: r.paid,
            outstanding: r.outstanding,
            paid_after: r.paid_after,
            days_overdue: r.days_overdue,
            status: r.status.0,
        }
    }
}

/// A page of open invoices with the count and Σ outstanding of all that match.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutstandingBody {
    pub as_of: NaiveDate,
    pub data: Vec<OutstandingInvoice>,
    pub total: i64,
    /// Σ outstanding of every matching invoice (not just this page).
    pub total_outstanding: String,
    pub page: u32,
    pub per_page: u32,
}

/// One customer's aging on `as_of`; `total` = the five buckets; `unapplied` (≤ 0) is
/// cash not yet allocated; `net` = total + unapplied.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgingRow {
    /// `null` on the totals row.
    pub customer_id: Option<Uuid>,
    pub customer_code: Option<String>,
    pub customer_name: String,
    pub current: String,
    pub d1_30: String,
    pub d31_60: String,
    pub d61_90: String,
    pub d90_plus: String,
    pub total: String,
    pub paid_after: String,
    pub unapplied: String,
    pub net: String,
}

/// One page of the aging per customer plus the totals row of all customers.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgingBody {
    pub as_of: NaiveDate,
    pub data: Vec<AgingRow>,
    /// Over every customer, not just this page.
    pub totals: AgingRow,
    /// Customers over all pages (the whole book of today is counted up to 10,000).
    pub total: i64,
    /// More customers than were counted: `total` is the count cap (10,000).
    pub total_capped: bool,
    pub page: u32,
    pub per_page: u32,
}

/// One day of the DSO series.
#[derive(Debug, Serialize, ToSchema)]
pub struct DsoPoint {
    pub date: NaiveDate,
    pub ar_balance: String,
    pub revenue: String,
    /// Days, two decimals; `null` when it cannot be computed (no revenue).
    #[schema(example = "42.86")]
    pub dso: Option<String>,
}

/// DSO on `as_of` with its six-month daily series (SPEC §4.12).
#[derive(Debug, Serialize, ToSchema)]
pub struct DsoBody {
    pub as_of: NaiveDate,
    pub days: i64,
    pub method: domain::ar::DsoMethod,
    pub customer_id: Option<Uuid>,
    pub salesperson_id: Option<Uuid>,
    /// Σ outstanding on `as_of`.
    pub ar_balance: String,
    /// Σ invoiced in the `days` days ending on `as_of`.
    pub revenue: String,
    pub dso: Option<String>,
    /// DSO 30 days before `as_of`, for the trend.
    pub dso_last_month: Option<String>,
    pub series: Vec<DsoPoint>,
}
