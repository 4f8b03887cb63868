//! DSO-1: the rules of a new payment and of its explicit allocations.

use chrono::NaiveDate;
use uuid::Uuid;

use super::{
    allocation::Requested,
    invoice::{parse_day, parse_positive_amount},
    PaymentMethod,
};
use crate::{crm::fields::bounded, money::Amount, FieldErrors};

/// One requested allocation as sent.
#[derive(Debug, Clone, Default)]
pub struct AllocationInput {
    pub invoice_id: Option<Uuid>,
    pub amount: Option<String>,
}

/// A payment as sent, before the rules.
#[derive(Debug, Clone, Default)]
pub struct PaymentInput {
    pub customer_id: Option<Uuid>,
    pub payment_date: Option<String>,
    pub amount: Option<String>,
    pub method: Option<String>,
    pub reference: Option<String>,
    /// `None`: FIFO over the customer's open invoices.
    pub allocations: Option<Vec<AllocationInput>>,
}

/// A payment that keeps the rules, ready to be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPayment {
    pub customer_id: Uuid,
    pub payment_date: NaiveDate,
    pub amount: Amount,
    pub method: PaymentMethod,
    pub reference: Option<String>,
    /// `None`: FIFO.
    pub allocations: Option<Vec<Requested>>,
}

/// The most allocations one payment carries.
pub const MAX_ALLOCATIONS: usize = 200;

/// Explicit allocations as requested; each broken rule is recorded under
/// `allocations[i].<field>`.
pub fn parse_allocations(errors: &mut FieldErrors, list: Vec<AllocationInput>) -> Vec<Requested> {
    if list.len() > MAX_ALLOCATIONS {
        errors.add("allocations", format!("must be at most {MAX_ALLOCATIONS}"));
    }
    list.into_iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let invoice_id = a.invoice_id;
            if invoice_id.is_none() {
                errors.add(&format!("allocations[{i}].invoice_id"), "is required");
            }
            let amount = parse_positive_amount(
                errors,
                &format!("allocations[{i}].amount"),
                a.amount.as_deref(),
            );
            Some(Requested {
                invoice_id: invoice_id?,
                amount: amount?.cents(),
            })
        })
        .collect()
}

impl NewPayment {
    /// Checks `input` against the rules, with `today` (Asia/Jakarta) as the latest
    /// payment date; every broken rule is reported at once.
    pub fn parse(input: PaymentInput, today: NaiveDate) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        if input.customer_id.is_none() {
            errors.add("customer_id", "is required");
        }
        let payment_date = parse_day(
            &mut errors,
            "payment_date",
            input.payment_date.as_deref(),
            true,
        );
        if payment_date.is_some_and(|d| d > today) {
            errors.add("payment_date", "cannot be in the future");
        }
        let amount = parse_positive_amount(&mut errors, "amount", input.amount.as_deref());
        let method = match input
            .method
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Some(PaymentMethod::BankTransfer),
            Some(raw) => errors.take("method", raw.parse::<PaymentMethod>()),
        };
        let reference = bounded(&mut errors, "reference", input.reference, 120, false);
        let allocations = input
            .allocations
            .map(|list| parse_allocations(&mut errors, list));
        errors.into_result()?;
        match (input.customer_id, payment_date, amount, method) {
            (Some(customer_id), Some(payment_date), Some(amount), Some(method)) => Ok(Self {
                customer_id,
                payment_date,
                amount,
                method,
                reference,
                allocations,
            }),
            _ => Err(FieldErrors::single("payment", "is incomplete")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        "2026-12-04".parse().expect("date")
    }

    fn input() -> PaymentInput {
        PaymentInput {
            customer_id: Some(Uuid::from_u128(1)),
            payment_date: Some("2026-12-04".into()),
            amount: Some("2500000".into()),
            method: None,
            reference: Some("TRF 123".into()),
            allocations: None,
        }
    }

    #[test]
    fn defaults_to_bank_transfer_and_fifo() {
        let p = NewPayment::parse(input(), today()).expect("valid");
        assert_eq!(p.method, PaymentMethod::BankTransfer);
        assert_eq!(p.amount.as_str(), "2500000.00");
        assert!(p.allocations.is_none());
    }

    #[test]
    fn every_broken_rule_is_reported_at_once() {
        let mut i = input();
        i.payment_date = Some("2026-12-05".into());
        i.method = Some("bitcoin".into());
        i.amount = Some("abc".into());
        i.allocations = Some(vec![
            AllocationInput {
                invoice_id: None,
                amount: Some("10".into()),
            },
            AllocationInput {
                invoice_id: Some(Uuid::from_u128(2)),
                amount: Some("0".into()),
            },
        ]);
        let errors = NewPayment::parse(i, today()).expect_err("invalid");
        let fields: Vec<&str> = errors.fields().collect();
        for field in [
            "payment_date",
            "method",
            "amount",
            "allocations[0].invoice_id",
            "allocations[1].amount",
        ] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
    }

    #[test]
    fn explicit_allocations_are_kept_in_cents() {
        let mut i = input();
        i.allocations = Some(vec![AllocationInput {
            invoice_id: Some(Uuid::from_u128(2)),
            amount: Some("1000.50".into()),
        }]);
        let p = NewPayment::parse(i, today()).expect("valid");
        assert_eq!(
            p.allocations,
            Some(vec![Requested {
                invoice_id: Uuid::from_u128(2),
                amount: 100_050
            }])
        );
    }
}
