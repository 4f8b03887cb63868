//! Receivables (SPEC §4.7): who works with AR, the derived invoice status, payment
//! allocation (explicit or FIFO), the DSO arithmetic and the write commands.
//!
//! Money here is whole cents (`i128`); it travels as decimal strings
//! ([`crate::money::cents_text`]).

pub mod allocation;
pub mod dso;
pub mod invoice;
pub mod payment;

use crate::{closed_set, Role};

closed_set!(
    /// DSO-2: an invoice's status on a day, derived from its amount, what was paid by
    /// then and its due date (`app.invoice_status` in the database); never typed by
    /// users.
    pub enum InvoiceStatus {
        Unpaid => "unpaid",
        PartiallyPaid => "partially_paid",
        Paid => "paid",
        Overdue => "overdue",
        Void => "void",
    }
);

closed_set!(
    /// How a payment reached the company.
    pub enum PaymentMethod {
        BankTransfer => "bank_transfer",
        VirtualAccount => "virtual_account",
        Cash => "cash",
        Giro => "giro",
        Cheque => "cheque",
        Other => "other",
    }
);

closed_set!(
    /// How DSO is computed: `simple` (AR ÷ revenue of the last N days × N) or
    /// `countback` (walk back day by day through revenue until the AR balance is used up).
    pub enum DsoMethod {
        Simple => "simple",
        Countback => "countback",
    }
);

closed_set!(
    /// A line of a customer's statement of account: an invoice (debit) or a payment
    /// (credit).
    pub enum StatementLineKind {
        Invoice => "invoice",
        Payment => "payment",
    }
);

/// Who may read AR at all (SPEC §3): finance, the director, super admin and sales
/// managers and salespeople (their customers only, by RLS).
pub fn reads_ar(role: Role) -> bool {
    matches!(
        role,
        Role::SuperAdmin
            | Role::Director
            | Role::FinanceManager
            | Role::FinanceStaff
            | Role::SalesManager
            | Role::Salesperson
    )
}

/// Who records invoices and payments and voids invoices.
pub fn writes_ar(role: Role) -> bool {
    matches!(
        role,
        Role::SuperAdmin | Role::FinanceManager | Role::FinanceStaff
    )
}

/// Who sees the whole book (and so reads the maintained daily totals).
pub fn sees_whole_book(role: Role) -> bool {
    matches!(
        role,
        Role::SuperAdmin | Role::Director | Role::FinanceManager | Role::FinanceStaff
    )
}

/// Who opens collection tickets (DSO-4): the AR writers and the sales roles that chase
/// their customers.
pub fn opens_collection_tickets(role: Role) -> bool {
    writes_ar(role) || matches!(role, Role::SalesManager | Role::Salesperson)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_finance_and_super_admin_write() {
        for role in <Role as crate::ClosedSet>::all() {
            let expected = matches!(
                role,
                Role::SuperAdmin | Role::FinanceManager | Role::FinanceStaff
            );
            assert_eq!(writes_ar(*role), expected, "{role}");
        }
        assert!(reads_ar(Role::Director) && !writes_ar(Role::Director));
        assert!(!reads_ar(Role::SalesSupport) && !reads_ar(Role::CsAgent));
    }
}
