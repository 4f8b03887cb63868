//! The columns of each module: the key the API uses, how people label the column (in
//! Indonesian and English, matched case-, space- and underscore-insensitively), what a
//! cell must hold, and a line of help for the template.

use super::ImportModule;
use crate::closed_set;

closed_set!(
    /// What a cell of the column holds: text, a decimal (money) in Indonesian or English
    /// notation, a date, a phone, an NPWP, an e-mail, a whole count, or one of a list
    /// (given in `choices`, or read from the database: channels, metric keys).
    pub enum FieldKind {
        Text => "text",
        Decimal => "decimal",
        Date => "date",
        Phone => "phone",
        Npwp => "npwp",
        Email => "email",
        Count => "count",
        Choice => "choice",
    }
);

#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub key: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    pub label_id: &'static str,
    pub label_en: &'static str,
    /// Other headers people write for this column (beside the key and both labels).
    pub aliases: &'static [&'static str],
    pub help_id: &'static str,
    pub help_en: &'static str,
    pub choices: &'static [&'static str],
    /// An example value for the template.
    pub example: &'static str,
}

pub(super) const fn field(
    key: &'static str,
    kind: FieldKind,
    required: bool,
    labels: (&'static str, &'static str),
    aliases: &'static [&'static str],
    help: (&'static str, &'static str),
    example: &'static str,
) -> FieldSpec {
    FieldSpec {
        key,
        kind,
        required,
        label_id: labels.0,
        label_en: labels.1,
        aliases,
        help_id: help.0,
        help_en: help.1,
        choices: &[],
        example,
    }
}

pub(super) const fn choice(spec: FieldSpec, choices: &'static [&'static str]) -> FieldSpec {
    FieldSpec { choices, ..spec }
}

mod crm;
mod finance;
mod other;

use crm::{CUSTOMERS, LEADS};
use finance::{INVOICES, PAYMENTS};
use other::{KPI_ENTRIES, MARKETING_SPEND, PRODUCTS};

impl ImportModule {
    /// The module's columns, in template order.
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            Self::Leads => LEADS,
            Self::Customers => CUSTOMERS,
            Self::Invoices => INVOICES,
            Self::Payments => PAYMENTS,
            Self::KpiEntries => KPI_ENTRIES,
            Self::MarketingSpend => MARKETING_SPEND,
            Self::Products => PRODUCTS,
        }
    }

    pub fn field(self, key: &str) -> Option<&'static FieldSpec> {
        self.fields().iter().find(|f| f.key == key)
    }
}
