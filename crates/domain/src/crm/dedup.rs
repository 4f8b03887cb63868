//! The identifiers a lead bundle finds its customer by (CRM-1), in priority order.

use std::fmt;

use super::{CompanyKey, Npwp, PhoneE164};
use crate::{Email, FieldErrors};

/// Which identifier matched an existing customer; also the request field it came from.
/// Declared (and ordered) in dedup priority: NPWP, e-mail, phone, company name.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum MatchedOn {
    Npwp,
    Email,
    Phone,
    CompanyName,
}

impl MatchedOn {
    /// In dedup priority order.
    pub const ALL: [MatchedOn; 4] = [Self::Npwp, Self::Email, Self::Phone, Self::CompanyName];

    /// The serialised name, which is also the request field's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Npwp => "npwp",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::CompanyName => "company_name",
        }
    }
}

impl fmt::Display for MatchedOn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The e-mail dedup key: trimmed and lower-cased, `None` when blank or not an address.
pub fn normalize_email_key(raw: &str) -> Option<String> {
    Email::parse(raw)
        .ok()
        .map(|email| email.as_str().to_owned())
}

/// The raw identifiers of a lead bundle request, as typed. Blank strings count as absent,
/// since forms and n8n send `""` for fields nobody filled in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DedupInput<'a> {
    pub npwp: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub company_name: Option<&'a str>,
}

/// The normalised identifiers of a lead bundle: each present one is valid, and at least
/// one is present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DedupKeys {
    npwp: Option<Npwp>,
    email: Option<Email>,
    phone: Option<PhoneE164>,
    company: Option<CompanyKey>,
}

impl DedupKeys {
    /// The message, on field `company_name`, when no identifier is given at all.
    pub const NONE_GIVEN: &'static str =
        "at least one of company_name, npwp, email, phone is required";

    /// Parses every given identifier, collecting the errors of all fields at once.
    pub fn parse(input: DedupInput<'_>) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let npwp = given(input.npwp)
            .and_then(|raw| errors.take(MatchedOn::Npwp.as_str(), Npwp::parse(raw)));
        let email = given(input.email)
            .and_then(|raw| errors.take(MatchedOn::Email.as_str(), Email::parse(raw)));
        let phone = given(input.phone)
            .and_then(|raw| errors.take(MatchedOn::Phone.as_str(), PhoneE164::parse(raw)));
        let company = given(input.company_name)
            .and_then(|raw| errors.take(MatchedOn::CompanyName.as_str(), CompanyKey::parse(raw)));
        let any_given = [input.npwp, input.email, input.phone, input.company_name]
            .into_iter()
            .any(|raw| given(raw).is_some());
        if !any_given {
            errors.add(MatchedOn::CompanyName.as_str(), Self::NONE_GIVEN);
        }
        errors.into_result()?;
        Ok(Self {
            npwp,
            email,
            phone,
            company,
        })
    }

    pub fn npwp(&self) -> Option<&Npwp> {
        self.npwp.as_ref()
    }

    pub fn email(&self) -> Option<&Email> {
        self.email.as_ref()
    }

    pub fn phone(&self) -> Option<&PhoneE164> {
        self.phone.as_ref()
    }

    pub fn company(&self) -> Option<&CompanyKey> {
        self.company.as_ref()
    }

    /// The present keys in dedup priority order (NPWP, e-mail, phone, company name):
    /// the customer is the one matching the first key that matches anyone. Never empty.
    pub fn in_priority_order(&self) -> impl Iterator<Item = (MatchedOn, &str)> {
        [
            (MatchedOn::Npwp, self.npwp.as_ref().map(Npwp::as_str)),
            (MatchedOn::Email, self.email.as_ref().map(Email::as_str)),
            (MatchedOn::Phone, self.phone.as_ref().map(PhoneE164::as_str)),
            (
                MatchedOn::CompanyName,
                self.company.as_ref().map(CompanyKey::as_str),
            ),
        ]
        .into_iter()
        .filter_map(|(on, key)| key.map(|key| (on, key)))
    }

    /// The key of one identifier, if it was given.
    pub fn key(&self, on: MatchedOn) -> Option<&str> {
        self.in_priority_order()
            .find(|(candidate, _)| *candidate == on)
            .map(|(_, key)| key)
    }
}

/// `raw` unless it is absent or blank.
fn given(raw: Option<&str>) -> Option<&str> {
    raw.filter(|raw| !raw.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::{value::StrDeserializer, Deserialize, IntoDeserializer};

    fn input<'a>(
        npwp: Option<&'a str>,
        email: Option<&'a str>,
        phone: Option<&'a str>,
        company_name: Option<&'a str>,
    ) -> DedupInput<'a> {
        DedupInput {
            npwp,
            email,
            phone,
            company_name,
        }
    }

    #[test]
    fn normalises_every_given_identifier() {
        let keys = DedupKeys::parse(input(
            Some("01.234.567.8-901.000"),
            Some(" Budi@Maju.CO.ID "),
            Some("0812-3456-7890"),
            Some("PT. Maju Jaya Abadi, Tbk."),
        ))
        .map(|keys| {
            keys.in_priority_order()
                .map(|(on, key)| (on, key.to_owned()))
                .collect::<Vec<_>>()
        });
        assert_eq!(
            keys,
            Ok(vec![
                (MatchedOn::Npwp, "0012345678901000".to_owned()),
                (MatchedOn::Email, "budi@maju.co.id".to_owned()),
                (MatchedOn::Phone, "+6281234567890".to_owned()),
                (MatchedOn::CompanyName, "maju jaya abadi".to_owned()),
            ])
        );
    }

    #[test]
    fn keys_follow_the_priority_order_and_skip_absent_ones() {
        let keys = DedupKeys::parse(input(
            None,
            None,
            Some("+62 812 3456 7890"),
            Some("CV Sinar Terang"),
        ));
        let order = keys
            .as_ref()
            .map(|k| k.in_priority_order().map(|(on, _)| on).collect::<Vec<_>>());
        assert_eq!(order, Ok(vec![MatchedOn::Phone, MatchedOn::CompanyName]));
        let keys = keys.ok();
        assert_eq!(
            keys.as_ref().and_then(|k| k.key(MatchedOn::Phone)),
            Some("+6281234567890")
        );
        assert_eq!(keys.as_ref().and_then(|k| k.key(MatchedOn::Npwp)), None);
        assert!(keys
            .as_ref()
            .is_some_and(|k| k.npwp().is_none() && k.email().is_none()));
        assert_eq!(
            keys.as_ref()
                .and_then(|k| k.company())
                .map(CompanyKey::as_str),
            Some("sinar terang")
        );
        assert_eq!(
            keys.as_ref().and_then(|k| k.phone()).map(PhoneE164::digits),
            Some("6281234567890")
        );
    }

    #[test]
    fn priority_order_is_npwp_email_phone_company() {
        let mut sorted = MatchedOn::ALL;
        sorted.sort();
        assert_eq!(sorted, MatchedOn::ALL);
        assert_eq!(
            MatchedOn::ALL.map(MatchedOn::as_str),
            ["npwp", "email", "phone", "company_name"]
        );
    }

    #[test]
    fn matched_on_serialises_as_its_field_name() {
        for on in MatchedOn::ALL {
            let de: StrDeserializer<'_, serde::de::value::Error> = on.as_str().into_deserializer();
            assert_eq!(MatchedOn::deserialize(de), Ok(on));
            assert_eq!(on.to_string(), on.as_str());
        }
        let de: StrDeserializer<'_, serde::de::value::Error> = "CompanyName".into_deserializer();
        assert!(MatchedOn::deserialize(de).is_err());
    }

    #[test]
    fn collects_the_errors_of_every_invalid_field() {
        let errors = DedupKeys::parse(input(
            Some("01.234.567"),
            Some("budi@"),
            Some("0812"),
            Some("PT"),
        ));
        let mut expected = FieldErrors::new();
        expected.add("npwp", "is not a valid NPWP (15 or 16 digits expected)");
        expected.add("email", "is not a valid e-mail address");
        expected.add("phone", "is too short for a phone number");
        expected.add(
            "company_name",
            "must name the company, not only its legal form",
        );
        assert_eq!(errors.err(), Some(expected));
    }

    #[test]
    fn valid_fields_do_not_hide_invalid_ones() {
        let errors = DedupKeys::parse(input(
            None,
            Some("budi@maju.co.id"),
            Some("0812-ABCD"),
            None,
        ))
        .err();
        assert_eq!(
            errors,
            Some(FieldErrors::single("phone", "is not a valid phone number"))
        );
    }

    #[test]
    fn requires_at_least_one_identifier() {
        let expected = Some(FieldErrors::single("company_name", DedupKeys::NONE_GIVEN));
        assert_eq!(DedupKeys::parse(DedupInput::default()).err(), expected);
        assert_eq!(
            DedupKeys::parse(input(Some(""), Some("  "), Some("\t"), Some(" "))).err(),
            expected
        );
        assert_eq!(
            DedupKeys::NONE_GIVEN,
            "at least one of company_name, npwp, email, phone is required"
        );
    }

    #[test]
    fn any_single_identifier_is_enough() {
        for given in [
            input(Some("012345678901000"), None, None, None),
            input(None, Some("budi@maju.co.id"), None, None),
            input(None, None, Some("081234567890"), None),
            input(None, None, None, Some("Maju Jaya")),
        ] {
            assert!(DedupKeys::parse(given).is_ok(), "{given:?}");
        }
    }

    #[test]
    fn blank_fields_count_as_absent() {
        let keys = DedupKeys::parse(input(Some(" "), Some(""), None, Some("Maju Jaya")));
        assert_eq!(
            keys.map(|k| k.in_priority_order().map(|(on, _)| on).collect::<Vec<_>>()),
            Ok(vec![MatchedOn::CompanyName])
        );
    }

    #[test]
    fn the_same_customer_written_differently_gives_the_same_keys() {
        let a = DedupKeys::parse(input(
            Some("01.234.567.8-901.000"),
            Some("Budi@Maju.co.id"),
            Some("0812 3456 7890"),
            Some("PT Maju Jaya Abadi"),
        ));
        let b = DedupKeys::parse(input(
            Some("0012345678901000"),
            Some("budi@maju.co.id "),
            Some("6281234567890"),
            Some("Maju Jaya Abadi, Tbk."),
        ));
        assert!(a.is_ok());
        assert_eq!(a, b);
    }

    #[test]
    fn email_key_is_trimmed_and_lowercased() {
        assert_eq!(
            normalize_email_key("  Budi.Santoso@Maju.CO.ID ").as_deref(),
            Some("budi.santoso@maju.co.id")
        );
        assert_eq!(normalize_email_key(""), None);
        assert_eq!(normalize_email_key("   "), None);
        assert_eq!(normalize_email_key("budi"), None);
        assert_eq!(
            normalize_email_key("Budi@Maju.co.id"),
            DedupKeys::parse(input(None, Some("BUDI@maju.CO.id"), None, None))
                .ok()
                .and_then(|k| k.key(MatchedOn::Email).map(str::to_owned))
        );
    }
}
