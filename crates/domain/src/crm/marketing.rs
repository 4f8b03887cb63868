//! CRM-7 inputs: the closed sets of marketing data (ad platforms, event types) and the
//! rules of a product, an ad spend entry and a marketing event.

use chrono::NaiveDate;

use super::{
    fields::{bounded, trimmed},
    RfqService,
};
use crate::{closed_set, money::Amount, ClosedSet, FieldErrors, Role};

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

/// A product as sent.
#[derive(Debug, Clone, Default)]
pub struct ProductInput {
    pub code: Option<String>,
    pub name: Option<String>,
    pub service: Option<String>,
    pub description: Option<String>,
}

/// A product that keeps the rules: an upper-case code such as `EXIM-FCL`, a name, the
/// service it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateProduct {
    pub code: String,
    pub name: String,
    pub service: Option<RfqService>,
    pub description: String,
}

/// 2–31 upper-case letters, digits and dashes, starting with a letter or digit.
fn is_product_code(code: &str) -> bool {
    code.len() >= 2
        && code
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

impl CreateProduct {
    pub fn parse(input: ProductInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let code = bounded(&mut errors, "code", input.code, 31, true).map(|c| c.to_uppercase());
        if code.as_deref().is_some_and(|c| !is_product_code(c)) {
            errors.add(
                "code",
                "use 2–31 upper-case letters, digits and dashes, e.g. EXIM-FCL",
            );
        }
        let name = bounded(&mut errors, "name", input.name, 200, true);
        let service = loose::<RfqService>(input.service, false)
            .and_then(|parsed| errors.take("service", parsed));
        let description = bounded(&mut errors, "description", input.description, 2000, false);
        errors.into_result()?;
        Ok(Self {
            code: code.unwrap_or_default(),
            name: name.unwrap_or_default(),
            service,
            description: description.unwrap_or_default(),
        })
    }
}

/// An ad spend entry as sent.
#[derive(Debug, Clone, Default)]
pub struct SpendInput {
    pub platform: Option<String>,
    pub spend_date: Option<NaiveDate>,
    pub amount: Option<String>,
    pub impressions: Option<i64>,
    pub clicks: Option<i64>,
    pub campaign: Option<String>,
}

/// The spend of one platform on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordSpend {
    pub platform: AdsPlatform,
    pub spend_date: NaiveDate,
    pub amount: Amount,
    pub impressions: Option<i64>,
    pub clicks: Option<i64>,
    pub campaign: Option<String>,
}

impl RecordSpend {
    pub fn parse(input: SpendInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let platform = match loose::<AdsPlatform>(input.platform, true) {
            None => {
                errors.add("platform", "is required");
                None
            }
            Some(parsed) => errors.take("platform", parsed),
        };
        if input.spend_date.is_none() {
            errors.add("spend_date", "is required");
        }
        let amount = match trimmed(input.amount) {
            None => {
                errors.add("amount", "is required");
                None
            }
            Some(raw) => errors.take("amount", Amount::parse(&raw)),
        };
        for (field, value) in [("impressions", input.impressions), ("clicks", input.clicks)] {
            if value.is_some_and(|v| v < 0) {
                errors.add(field, "must not be negative");
            }
        }
        let campaign = bounded(&mut errors, "campaign", input.campaign, 200, false);
        errors.into_result()?;
        match (platform, input.spend_date, amount) {
            (Some(platform), Some(spend_date), Some(amount)) => Ok(Self {
                platform,
                spend_date,
                amount,
                impressions: input.impressions,
                clicks: input.clicks,
                campaign,
            }),
            _ => Err(FieldErrors::single("platform", "is required")),
        }
    }
}

/// A marketing event as sent.
#[derive(Debug, Clone, Default)]
pub struct EventInput {
    pub event_date: Option<NaiveDate>,
    pub title: Option<String>,
    pub event_type: Option<String>,
    pub channel: Option<String>,
    pub description: Option<String>,
    pub budget: Option<String>,
}

/// A marketing event that keeps the rules; the channel is a code in lower case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordEvent {
    pub event_date: NaiveDate,
    pub title: String,
    pub event_type: MarketingEventType,
    pub channel: Option<String>,
    pub description: String,
    pub budget: Option<Amount>,
}

impl RecordEvent {
    pub fn parse(input: EventInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        if input.event_date.is_none() {
            errors.add("event_date", "is required");
        }
        let title = bounded(&mut errors, "title", input.title, 200, true);
        let event_type = match loose::<MarketingEventType>(input.event_type, true) {
            None => {
                errors.add("event_type", "is required");
                None
            }
            Some(parsed) => errors.take("event_type", parsed),
        };
        let channel = trimmed(input.channel).map(|c| c.to_lowercase());
        let description = bounded(&mut errors, "description", input.description, 4000, false);
        let budget =
            trimmed(input.budget).and_then(|raw| errors.take("budget", Amount::parse(&raw)));
        errors.into_result()?;
        match (input.event_date, title, event_type) {
            (Some(event_date), Some(title), Some(event_type)) => Ok(Self {
                event_date,
                title,
                event_type,
                channel,
                description: description.unwrap_or_default(),
                budget,
            }),
            _ => Err(FieldErrors::single("event_date", "is required")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    fn errors(pairs: &[(&str, &str)]) -> FieldErrors {
        pairs.iter().fold(FieldErrors::new(), |mut e, (f, m)| {
            e.add(f, *m);
            e
        })
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
    fn products_report_every_broken_rule() {
        let ok = ProductInput {
            code: s("exim-fcl"),
            name: s("FCL export"),
            service: s(" exim "),
            ..Default::default()
        };
        let code_rule = "use 2–31 upper-case letters, digits and dashes, e.g. EXIM-FCL";
        let cases: Vec<(&str, ProductInput, FieldErrors)> = vec![
            ("valid", ok.clone(), errors(&[])),
            (
                "nothing",
                ProductInput::default(),
                errors(&[("code", "is required"), ("name", "is required")]),
            ),
            (
                "a one-letter code",
                ProductInput {
                    code: s("x"),
                    ..ok.clone()
                },
                errors(&[("code", code_rule)]),
            ),
            (
                "a code starting with a dash",
                ProductInput {
                    code: s("-FCL"),
                    ..ok.clone()
                },
                errors(&[("code", code_rule)]),
            ),
            (
                "a long code with a space",
                ProductInput {
                    code: Some(format!("A {}", "B".repeat(30))),
                    ..ok.clone()
                },
                errors(&[
                    ("code", "must be at most 31 characters"),
                    ("code", code_rule),
                ]),
            ),
            (
                "an unknown service",
                ProductInput {
                    service: s("air"),
                    ..ok.clone()
                },
                errors(&[("service", "must be one of EXIM, DOM, IMP, WH")]),
            ),
            (
                "a long description",
                ProductInput {
                    description: Some("d".repeat(2_001)),
                    ..ok
                },
                errors(&[("description", "must be at most 2000 characters")]),
            ),
        ];
        for (name, input, expected) in cases {
            let got = CreateProduct::parse(input).err().unwrap_or_default();
            assert_eq!(got, expected, "{name}");
        }
        let product = CreateProduct::parse(ProductInput {
            code: s(" exim-fcl "),
            name: s("FCL"),
            service: s("Dom"),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(product.code, "EXIM-FCL");
        assert_eq!(product.service, Some(RfqService::Dom));
        assert_eq!(product.description, "");
    }

    #[test]
    fn spend_reports_every_broken_rule() {
        let ok = SpendInput {
            platform: s(" TikTok "),
            spend_date: NaiveDate::from_ymd_opt(2026, 1, 2),
            amount: s("1500000"),
            ..Default::default()
        };
        let cases: Vec<(&str, SpendInput, FieldErrors)> = vec![
            ("valid", ok.clone(), errors(&[])),
            (
                "nothing",
                SpendInput::default(),
                errors(&[
                    ("amount", "is required"),
                    ("platform", "is required"),
                    ("spend_date", "is required"),
                ]),
            ),
            (
                "an unknown platform",
                SpendInput {
                    platform: s("twitter"),
                    ..ok.clone()
                },
                errors(&[("platform", "must be one of tiktok, instagram, meta, google")]),
            ),
            (
                "a negative amount and counts",
                SpendInput {
                    amount: s("-1"),
                    impressions: Some(-1),
                    clicks: Some(-2),
                    ..ok.clone()
                },
                errors(&[
                    ("amount", "must not be negative"),
                    ("clicks", "must not be negative"),
                    ("impressions", "must not be negative"),
                ]),
            ),
            (
                "a long campaign",
                SpendInput {
                    campaign: Some("c".repeat(201)),
                    ..ok
                },
                errors(&[("campaign", "must be at most 200 characters")]),
            ),
        ];
        for (name, input, expected) in cases {
            let got = RecordSpend::parse(input).err().unwrap_or_default();
            assert_eq!(got, expected, "{name}");
        }
        let spend = RecordSpend::parse(SpendInput {
            platform: s("META"),
            spend_date: NaiveDate::from_ymd_opt(2026, 1, 2),
            amount: s("12.5"),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(spend.platform, AdsPlatform::Meta);
        assert_eq!(spend.amount.to_string(), "12.50");
    }

    #[test]
    fn events_report_every_broken_rule() {
        let ok = EventInput {
            event_date: NaiveDate::from_ymd_opt(2026, 1, 2),
            title: s("Expo"),
            event_type: s("Exhibition"),
            channel: s(" Instagram_Ads "),
            ..Default::default()
        };
        let cases: Vec<(&str, EventInput, FieldErrors)> = vec![
            ("valid", ok.clone(), errors(&[])),
            (
                "nothing",
                EventInput::default(),
                errors(&[
                    ("event_date", "is required"),
                    ("event_type", "is required"),
                    ("title", "is required"),
                ]),
            ),
            (
                "an unknown type",
                EventInput {
                    event_type: s("party"),
                    ..ok.clone()
                },
                errors(&[(
                    "event_type",
                    "must be one of campaign, content, exhibition, webinar, promotion, other",
                )]),
            ),
            (
                "a bad budget",
                EventInput {
                    budget: s("1.234"),
                    ..ok.clone()
                },
                errors(&[("budget", "has more than two decimals")]),
            ),
        ];
        for (name, input, expected) in cases {
            let got = RecordEvent::parse(input).err().unwrap_or_default();
            assert_eq!(got, expected, "{name}");
        }
        let event = RecordEvent::parse(ok).unwrap();
        assert_eq!(event.event_type, MarketingEventType::Exhibition);
        assert_eq!(event.channel.as_deref(), Some("instagram_ads"));
        assert_eq!(event.budget, None);
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
