//! A product the company sells: an upper-case code such as `EXIM-FCL`, a name, the
//! service (department) it belongs to.

use super::loose;
use crate::{
    crm::{fields::bounded, RfqService},
    FieldErrors,
};

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
}
