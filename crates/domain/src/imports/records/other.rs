//! KPI entries, marketing spend and products/programmes.

use chrono::NaiveDate;

use super::{Reader, RowInput};
use crate::{
    imports::{ImportModule, RowError},
    money::Amount,
    Department,
};

/// Whom a KPI entry counts for, as the row names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KpiAssigneeRef {
    /// A user, by e-mail (resolved by persistence).
    User(String),
    Dept(Department),
    Company,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiEntryRecord {
    pub metric_key: String,
    pub assignee: KpiAssigneeRef,
    pub entry_date: NaiveDate,
    pub value: Amount,
    pub note: Option<String>,
}

impl KpiEntryRecord {
    pub fn read(input: RowInput<'_>) -> Result<Self, Vec<RowError>> {
        let mut r = Reader::new(input);
        let metric_key = r.text("metric_key", true, 80).map(|m| m.to_lowercase());
        let assignee = r.text("assignee", true, 254).and_then(|raw| {
            if ["company", "perusahaan"].contains(&raw.to_lowercase().as_str()) {
                return Some(KpiAssigneeRef::Company);
            }
            if let Ok(dept) = raw.to_uppercase().parse::<Department>() {
                return Some(KpiAssigneeRef::Dept(dept));
            }
            match crate::Email::parse(&raw) {
                Ok(email) => Some(KpiAssigneeRef::User(email.as_str().to_owned())),
                Err(_) => {
                    r.fail(
                        "assignee",
                        format!("\"{raw}\" bukan email karyawan, kode departemen atau \"company\""),
                        format!(
                            "\"{raw}\" is not an employee e-mail, a department code or \"company\""
                        ),
                    );
                    None
                }
            }
        });
        let entry_date = r.date("entry_date", true);
        let value = r.amount("value", true);
        let note = r.text("note", false, 500);
        let record = (|| {
            Some(Self {
                metric_key: metric_key?,
                assignee: assignee?,
                entry_date: entry_date?,
                value: value?,
                note,
            })
        })();
        r.finish(record)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpendRecord {
    pub platform: String,
    pub spend_date: NaiveDate,
    pub amount: Amount,
    pub impressions: Option<i64>,
    pub clicks: Option<i64>,
    pub campaign: Option<String>,
}

impl SpendRecord {
    pub fn read(input: RowInput<'_>) -> Result<Self, Vec<RowError>> {
        let mut r = Reader::new(input);
        let platform = ImportModule::MarketingSpend
            .field("platform")
            .and_then(|spec| r.choice(spec, true));
        let spend_date = r.date("spend_date", true);
        let amount = r.amount("amount", true);
        let impressions = r.count("impressions");
        let clicks = r.count("clicks");
        let campaign = r.text("campaign", false, 200);
        let record = (|| {
            Some(Self {
                platform: platform?,
                spend_date: spend_date?,
                amount: amount?,
                impressions,
                clicks,
                campaign,
            })
        })();
        r.finish(record)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductRecord {
    pub code: String,
    pub name: String,
    pub service: Option<String>,
    pub description: Option<String>,
    pub is_active: bool,
}

impl ProductRecord {
    pub fn read(input: RowInput<'_>) -> Result<Self, Vec<RowError>> {
        let mut r = Reader::new(input);
        let code = r.text("code", true, 31).map(|c| c.to_uppercase());
        if let Some(code) = &code {
            let valid = code.len() >= 2
                && code.starts_with(|c: char| c.is_ascii_alphanumeric())
                && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            if !valid {
                r.fail(
                    "code",
                    format!("kode \"{code}\" hanya boleh huruf, angka dan strip"),
                    format!("code \"{code}\" may hold only letters, digits and hyphens"),
                );
            }
        }
        let name = r.text("name", true, 200);
        let spec = |key| ImportModule::Products.field(key);
        let service = spec("service").and_then(|s| r.choice(s, false));
        let description = r.text("description", false, 2000);
        let active = spec("is_active").and_then(|s| r.choice(s, false));
        let is_active = !matches!(active.as_deref(), Some("tidak" | "no"));
        let record = (|| {
            Some(Self {
                code: code?,
                name: name?,
                service,
                description,
                is_active,
            })
        })();
        r.finish(record)
    }
}
