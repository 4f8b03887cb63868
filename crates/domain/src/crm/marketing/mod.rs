//! CRM-7 inputs: the closed sets of marketing data (ad platforms, event types) and the
//! rules of a product, an ad spend entry and a marketing event.

mod event;
mod product;
mod spend;

pub use event::{EventInput, RecordEvent};
pub use product::{CreateProduct, ProductInput};
pub use spend::{RecordSpend, SpendInput};

use super::fields::trimmed;
use crate::{closed_set, ClosedSet, Role};

closed_set!(
    /// Platforms ad spend is recorded for.
    pub enum AdsPlatform {
        Tiktok => "tiktok",
        Instagram => "instagram",
        Meta => "meta",
        Google => "google",
    }
);

closed_set!(
    /// Kinds of marketing event.
    pub enum MarketingEventType {
        Campaign => "campaign",
        Content => "content",
        Exhibition => "exhibition",
        Webinar => "webinar",
        Promotion => "promotion",
        Other => "other",
    }
);

/// Who reads and who enters marketing data.
pub struct MarketingAccess;

impl MarketingAccess {
    /// Reads spend and events: marketing, super_admin and the director.
    pub fn reads(role: Role) -> bool {
        Self::enters(role) || role == Role::Director
    }

    /// Enters spend and events: marketing and super_admin.
    pub fn enters(role: Role) -> bool {
        matches!(
            role,
            Role::SuperAdmin | Role::MarketingManager | Role::MarketingStaff
        )
    }

    /// Adds products: super_admin and the marketing manager.
    pub fn adds_products(role: Role) -> bool {
        matches!(role, Role::SuperAdmin | Role::MarketingManager)
    }
}

/// "must be one of a, b, c" (the marketing endpoints' wording, without a colon).
fn one_of<T: ClosedSet>() -> String {
    format!("must be one of {}", T::choices())
}

/// A value of `T` written in any case; `None` when blank.
fn loose<T: ClosedSet>(raw: Option<String>, lower: bool) -> Option<Result<T, String>> {
    let raw = trimmed(raw)?;
    let raw = if lower {
        raw.to_lowercase()
    } else {
        raw.to_uppercase()
    };
    Some(T::from_text(&raw).ok_or_else(one_of::<T>))
}

/// The platform filter of the spend list: any case, blank meaning all.
pub fn platform_filter(raw: Option<String>) -> Result<Option<AdsPlatform>, String> {
    loose(raw, true).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    #[test]
    fn access_follows_the_marketing_matrix() {
        let cases = [
            (Role::SuperAdmin, true, true, true),
            (Role::MarketingManager, true, true, true),
            (Role::MarketingStaff, true, true, false),
            (Role::Director, true, false, false),
            (Role::SalesManager, false, false, false),
            (Role::CsAgent, false, false, false),
        ];
        for (role, reads, enters, adds) in cases {
            assert_eq!(
                (
                    MarketingAccess::reads(role),
                    MarketingAccess::enters(role),
                    MarketingAccess::adds_products(role)
                ),
                (reads, enters, adds),
                "{role:?}"
            );
        }
    }

    #[test]
    fn the_platform_filter_takes_any_case() {
        assert_eq!(platform_filter(None), Ok(None));
        assert_eq!(platform_filter(s("  ")), Ok(None));
        assert_eq!(platform_filter(s("Google")), Ok(Some(AdsPlatform::Google)));
        assert_eq!(
            platform_filter(s("x")),
            Err("must be one of tiktok, instagram, meta, google".to_owned())
        );
    }
}
