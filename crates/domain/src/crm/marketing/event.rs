//! A marketing event: a campaign, a piece of content, an exhibition …

use chrono::NaiveDate;

use super::{loose, MarketingEventType};
use crate::{
    crm::fields::{bounded, trimmed},
    money::Amount,
    FieldErrors,
};

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
}
