//! DSO-1: the rules of a new invoice and of voiding one.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::{
    crm::fields::bounded,
    money::{Amount, AmountError},
    FieldErrors,
};

/// An invoice as sent, before the rules.
#[derive(Debug, Clone, Default)]
pub struct InvoiceInput {
    pub customer_id: Option<Uuid>,
    pub invoice_number: Option<String>,
    pub invoice_date: Option<String>,
    pub due_date: Option<String>,
    pub amount: Option<String>,
    pub description: Option<String>,
}

/// An invoice that keeps the rules, ready to be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvoice {
    pub customer_id: Uuid,
    pub invoice_number: Option<String>,
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    pub amount: Amount,
    pub description: Option<String>,
}

/// A `YYYY-MM-DD` day between 2000 and 2099; the error is recorded under `field`.
pub fn parse_day(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
    required: bool,
) -> Option<NaiveDate> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty());
    match raw {
        None => {
            if required {
                errors.add(field, "is required");
            }
            None
        }
        Some(raw) => match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(day) if (2000..2100).contains(&chrono::Datelike::year(&day)) => Some(day),
            Ok(_) => {
                errors.add(field, "must be between 2000 and 2099");
                None
            }
            Err(_) => {
                errors.add(field, "must be a date such as 2026-12-31");
                None
            }
        },
    }
}

/// A positive amount (`"1500000.00"`); the error is recorded under `field`.
pub fn parse_positive_amount(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
) -> Option<Amount> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        errors.add(field, "is required");
        return None;
    };
    match Amount::parse(raw) {
        Ok(a) if a.cents() > 0 => Some(a),
        Ok(_) | Err(AmountError::Negative) => {
            errors.add(field, "must be more than 0");
            None
        }
        Err(err) => {
            errors.add(field, err.to_string());
            None
        }
    }
}

impl NewInvoice {
    /// Checks `input`; every broken rule is reported at once.
    pub fn parse(input: InvoiceInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        if input.customer_id.is_none() {
            errors.add("customer_id", "is required");
        }
        let invoice_number = bounded(
            &mut errors,
            "invoice_number",
            input.invoice_number,
            60,
            false,
        );
        let invoice_date = parse_day(
            &mut errors,
            "invoice_date",
            input.invoice_date.as_deref(),
            true,
        );
        let due_date = parse_day(&mut errors, "due_date", input.due_date.as_deref(), true);
        if let (Some(issued), Some(due)) = (invoice_date, due_date) {
            if due < issued {
                errors.add("due_date", "must be on or after the invoice date");
            }
        }
        let amount = parse_positive_amount(&mut errors, "amount", input.amount.as_deref());
        let description = bounded(&mut errors, "description", input.description, 2000, false);
        errors.into_result()?;
        match (input.customer_id, invoice_date, due_date, amount) {
            (Some(customer_id), Some(invoice_date), Some(due_date), Some(amount)) => Ok(Self {
                customer_id,
                invoice_number,
                invoice_date,
                due_date,
                amount,
                description,
            }),
            _ => Err(FieldErrors::single("invoice", "is incomplete")),
        }
    }
}

/// The reason an invoice is voided: required, at most 500 characters.
pub fn parse_void_reason(raw: Option<String>) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::new();
    let reason = bounded(&mut errors, "reason", raw, 500, true);
    errors.into_result()?;
    reason.ok_or_else(|| FieldErrors::single("reason", "is required"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> InvoiceInput {
        InvoiceInput {
            customer_id: Some(Uuid::from_u128(1)),
            invoice_number: Some(" 001/FIN/2026 ".into()),
            invoice_date: Some("2026-11-01".into()),
            due_date: Some("2026-12-01".into()),
            amount: Some("1500000.5".into()),
            description: None,
        }
    }

    #[test]
    fn a_valid_invoice_is_normalised() {
        let invoice = NewInvoice::parse(input()).expect("valid");
        assert_eq!(invoice.invoice_number.as_deref(), Some("001/FIN/2026"));
        assert_eq!(invoice.amount.as_str(), "1500000.50");
    }

    #[test]
    fn every_broken_rule_is_reported_at_once() {
        // (change, field that must be reported)
        type Change = fn(&mut InvoiceInput);
        let cases: [(Change, &str); 6] = [
            (|i| i.customer_id = None, "customer_id"),
            (|i| i.due_date = Some("2026-10-31".into()), "due_date"),
            (
                |i| i.invoice_date = Some("01/11/2026".into()),
                "invoice_date",
            ),
            (|i| i.amount = Some("0".into()), "amount"),
            (|i| i.amount = Some("-5".into()), "amount"),
            (|i| i.amount = Some("1.234".into()), "amount"),
        ];
        for (change, field) in cases {
            let mut i = input();
            change(&mut i);
            let errors = NewInvoice::parse(i).expect_err(field);
            assert!(errors.fields().any(|f| f == field), "{field}");
        }
        let errors = NewInvoice::parse(InvoiceInput::default()).expect_err("empty");
        assert_eq!(
            errors.fields().count(),
            4,
            "customer_id, both dates, amount"
        );
    }

    #[test]
    fn voiding_needs_a_reason() {
        assert!(parse_void_reason(None).is_err());
        assert!(parse_void_reason(Some("   ".into())).is_err());
        assert_eq!(
            parse_void_reason(Some(" duplicate ".into())),
            Ok("duplicate".into())
        );
    }
}
