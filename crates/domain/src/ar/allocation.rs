//! DSO-1: how a payment is spread over a customer's open invoices. Explicit allocations
//! are checked against what is open; without them the payment goes FIFO, oldest due date
//! first (then invoice date). What is left is the customer's credit. The database holds
//! the same limits (`allocated ≤ amount` on both sides) under row locks; these rules give
//! the caller field errors before it gets that far.

use uuid::Uuid;

use crate::{money::cents_text, FieldErrors};

/// An invoice of the payment's customer that still has something open, in FIFO order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenInvoice {
    pub id: Uuid,
    pub outstanding: i128,
}

/// One piece of a payment applied to one invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    pub invoice_id: Uuid,
    pub amount: i128,
}

/// A requested allocation, as parsed from the request (amount in cents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requested {
    pub invoice_id: Uuid,
    pub amount: i128,
}

/// FIFO: fills the open invoices in order until the payment is used up.
pub fn fifo(payment: i128, open: &[OpenInvoice]) -> Vec<Allocation> {
    let mut left = payment;
    let mut out = Vec::new();
    for invoice in open {
        if left <= 0 {
            break;
        }
        let amount = left.min(invoice.outstanding);
        if amount > 0 {
            out.push(Allocation {
                invoice_id: invoice.id,
                amount,
            });
            left -= amount;
        }
    }
    out
}

/// Checks explicit allocations: each names an open invoice of the customer once, takes
/// at most its outstanding amount, and together they take at most the payment.
pub fn explicit(
    payment: i128,
    requested: &[Requested],
    open: &[OpenInvoice],
) -> Result<Vec<Allocation>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut total = 0i128;
    for (i, r) in requested.iter().enumerate() {
        let field = format!("allocations[{i}]");
        if requested[..i].iter().any(|p| p.invoice_id == r.invoice_id) {
            errors.add(&format!("{field}.invoice_id"), "is allocated twice");
            continue;
        }
        match open.iter().find(|o| o.id == r.invoice_id) {
            None => errors.add(
                &format!("{field}.invoice_id"),
                "is not an open invoice of this customer",
            ),
            Some(o) if r.amount > o.outstanding => errors.add(
                &format!("{field}.amount"),
                format!(
                    "is more than the invoice's outstanding {}",
                    cents_text(o.outstanding)
                ),
            ),
            Some(_) => {}
        }
        total += r.amount;
    }
    if total > payment {
        errors.add(
            "allocations",
            format!(
                "add up to {}, more than the payment's {}",
                cents_text(total),
                cents_text(payment)
            ),
        );
    }
    errors.into_result()?;
    Ok(requested
        .iter()
        .map(|r| Allocation {
            invoice_id: r.invoice_id,
            amount: r.amount,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn open(rows: &[(u128, i128)]) -> Vec<OpenInvoice> {
        rows.iter()
            .map(|&(n, outstanding)| OpenInvoice {
                id: id(n),
                outstanding,
            })
            .collect()
    }

    #[test]
    fn fifo_fills_oldest_first_and_leaves_credit() {
        // Open: #1 100.00, #2 250.00, #3 50.00 (already in due-date order).
        let invoices = open(&[(1, 10_000), (2, 25_000), (3, 5_000)]);
        // 300.00 = 100.00 to #1 + 200.00 to #2; #3 untouched.
        assert_eq!(
            fifo(30_000, &invoices),
            vec![
                Allocation {
                    invoice_id: id(1),
                    amount: 10_000
                },
                Allocation {
                    invoice_id: id(2),
                    amount: 20_000
                },
            ]
        );
        // 500.00 covers all 400.00; 100.00 stays as credit (not allocated).
        let all = fifo(50_000, &invoices);
        assert_eq!(all.iter().map(|a| a.amount).sum::<i128>(), 40_000);
        assert_eq!(all.len(), 3);
        assert!(fifo(10_000, &[]).is_empty());
    }

    #[test]
    fn explicit_allocations_respect_both_limits() {
        let invoices = open(&[(1, 10_000), (2, 25_000)]);
        let ok = explicit(
            30_000,
            &[
                Requested {
                    invoice_id: id(2),
                    amount: 25_000,
                },
                Requested {
                    invoice_id: id(1),
                    amount: 5_000,
                },
            ],
            &invoices,
        );
        assert_eq!(ok.map(|a| a.len()), Ok(2));

        let bad = explicit(
            10_000,
            &[
                Requested {
                    invoice_id: id(1),
                    amount: 12_000,
                },
                Requested {
                    invoice_id: id(9),
                    amount: 1_000,
                },
                Requested {
                    invoice_id: id(1),
                    amount: 1_000,
                },
            ],
            &invoices,
        )
        .expect_err("three broken rules");
        let fields: Vec<&str> = bad.fields().collect();
        for field in [
            "allocations[0].amount",
            "allocations[1].invoice_id",
            "allocations[2].invoice_id",
            "allocations",
        ] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
    }
}
