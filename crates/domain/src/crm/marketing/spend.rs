//! The ad spend of one platform on one day.

use chrono::NaiveDate;

use super::{loose, AdsPlatform};
use crate::{
    crm::fields::{bounded, trimmed},
    money::Amount,
    FieldErrors,
};

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
}
