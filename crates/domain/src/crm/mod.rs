//! CRM rules (SPEC §4.2): the normalised identifiers the lead bundle (CRM-1) dedups
//! customers on — NPWP, e-mail, phone in E.164 and company name, in that order.

pub mod activity;
pub mod company;
pub mod dedup;
pub mod fields;
pub mod marketing;
pub mod npwp;
pub mod phone;
pub mod rules;
pub mod task;

pub use company::{CompanyKey, CompanyKeyError};
pub use dedup::{normalize_email_key, DedupInput, DedupKeys, MatchedOn};
pub use npwp::{Npwp, NpwpError};
pub use phone::{PhoneE164, PhoneError};
pub use rules::{
    distance_m, parse_point, ActivityType, CrmAccess, LeadStatus, RfqService, Stage, TaskStatus,
};

/// Characters people put between the digits of an NPWP or a phone number: whitespace
/// (including the no-break space spreadsheets paste), dots and dashes (including the
/// typographic dashes word processors substitute for `-`).
fn is_digit_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}'
        )
}
