//! Import Center (SPEC §4.8, IMP-1..5): the modules a spreadsheet can feed, their columns
//! with the Indonesian and English headers people really write, the header detection and
//! column mapping, the reading of real-world cells, and the validation of one row into
//! the typed record its module writes.

pub mod cells;
pub mod fields;
pub mod mapping;
pub mod records;
pub mod sheet;

use crate::{closed_set, Role};

closed_set!(
    /// What an import writes into.
    pub enum ImportModule {
        Leads => "leads",
        Customers => "customers",
        Invoices => "invoices",
        Payments => "payments",
        KpiEntries => "kpi_entries",
        MarketingSpend => "marketing_spend",
        Products => "products",
    }
);

closed_set!(
    /// Where an import stands: `staged` after the upload (rows parsed, nothing written),
    /// `queued`/`processing` while the worker runs, `done` or `failed` after it, and
    /// `reverted` once its inserts were undone.
    pub enum ImportStatus {
        Staged => "staged",
        Queued => "queued",
        Processing => "processing",
        Done => "done",
        Failed => "failed",
        Reverted => "reverted",
    }
);

closed_set!(
    /// One staged row's outcome.
    pub enum RowStatus {
        Pending => "pending",
        Ok => "ok",
        Error => "error",
        Duplicate => "duplicate",
    }
);

closed_set!(
    /// What an ok row did to its target: a new record, a changed one, or one that
    /// already held exactly this row (`matched`).
    pub enum RowAction {
        Created => "created",
        Updated => "updated",
        Matched => "matched",
    }
);

impl ImportModule {
    /// Whether `role` may import into this module: the target's write rights.
    pub fn may_import(self, role: Role) -> bool {
        use Role::*;
        match self {
            Self::Leads | Self::Customers => matches!(
                role,
                SuperAdmin | MarketingManager | MarketingStaff | SalesManager | Salesperson
            ),
            Self::Invoices | Self::Payments => {
                matches!(role, SuperAdmin | FinanceManager | FinanceStaff)
            }
            Self::KpiEntries => !matches!(
                role,
                Director | SalesSupport | OpsExim | OpsDomestic | OpsImportDtd | OpsWarehouse
            ),
            Self::MarketingSpend => matches!(role, SuperAdmin | MarketingManager | MarketingStaff),
            Self::Products => matches!(role, SuperAdmin | MarketingManager),
        }
    }

    /// The modules `role` may import into, in display order.
    pub fn importable_by(role: Role) -> Vec<Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|m| m.may_import(role))
            .collect()
    }
}

/// One problem of one row, in both languages (`field` is the module's field key, or
/// `row` for the row as a whole).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct RowError {
    pub field: String,
    pub message_id: String,
    pub message_en: String,
}

impl RowError {
    pub fn new(field: &str, message_id: impl Into<String>, message_en: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message_id: message_id.into(),
            message_en: message_en.into(),
        }
    }
}
