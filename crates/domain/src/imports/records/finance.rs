//! Invoices and payments: the customer they belong to is named by code, NPWP or exact
//! name (resolved by persistence; a row that fits two customers is refused).

use chrono::NaiveDate;

use super::{Reader, RowInput};
use crate::{
    crm::CompanyKey,
    imports::{ImportModule, RowError},
    money::Amount,
};

/// How a row names its customer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerRef {
    pub code: Option<String>,
    /// 16 digits.
    pub npwp: Option<String>,
    /// The normalised company name (`CompanyKey`), matched against `customers.company_key`.
    pub name_key: Option<String>,
}

impl CustomerRef {
    fn read(reader: &mut Reader<'_>) -> Option<Self> {
        let code = reader
            .text("customer_code", false, 40)
            .map(|c| c.to_uppercase());
        let npwp = reader.npwp("customer_npwp").map(|n| n.as_str().to_owned());
        let name = reader.text("customer_name", false, 200);
        let name_key = name.and_then(|n| CompanyKey::parse(&n).ok().map(|k| k.as_str().to_owned()));
        if code.is_none() && npwp.is_none() && name_key.is_none() {
            if !reader
                .errors
                .iter()
                .any(|e| e.field.starts_with("customer_"))
            {
                reader.fail(
                    "customer_code",
                    "isi kode, NPWP atau nama pelanggan",
                    "fill the customer's code, NPWP or name",
                );
            }
            return None;
        }
        Some(Self {
            code,
            npwp,
            name_key,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceRecord {
    pub customer: CustomerRef,
    pub invoice_number: String,
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    pub amount: Amount,
    pub description: Option<String>,
}

impl InvoiceRecord {
    pub fn read(input: RowInput<'_>) -> Result<Self, Vec<RowError>> {
        let mut r = Reader::new(input);
        let invoice_number = r.text("invoice_number", true, 60);
        let customer = CustomerRef::read(&mut r);
        let invoice_date = r.date("invoice_date", true);
        let due_date = r.date("due_date", true);
        let amount = r.amount("amount", true);
        if amount.as_ref().is_some_and(|a| a.cents() == 0) {
            r.fail("amount", "harus lebih dari 0", "must be more than 0");
        }
        if let (Some(from), Some(due)) = (invoice_date, due_date) {
            if due < from {
                r.fail(
                    "due_date",
                    "jatuh tempo sebelum tanggal faktur",
                    "the due date is before the invoice date",
                );
            }
        }
        let description = r.text("description", false, 500);
        let record = (|| {
            Some(Self {
                customer: customer?,
                invoice_number: invoice_number?,
                invoice_date: invoice_date?,
                due_date: due_date?,
                amount: amount?,
                description,
            })
        })();
        r.finish(record)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRecord {
    pub customer: CustomerRef,
    pub reference: String,
    pub payment_date: NaiveDate,
    pub amount: Amount,
    pub method: String,
    pub invoice_number: Option<String>,
}

impl PaymentRecord {
    pub fn read(input: RowInput<'_>) -> Result<Self, Vec<RowError>> {
        let mut r = Reader::new(input);
        let reference = r.text("reference", true, 120);
        let customer = CustomerRef::read(&mut r);
        let payment_date = r.date("payment_date", true);
        let amount = r.amount("amount", true);
        if amount.as_ref().is_some_and(|a| a.cents() == 0) {
            r.fail("amount", "harus lebih dari 0", "must be more than 0");
        }
        let method_spec = ImportModule::Payments.field("method");
        let method = method_spec.and_then(|spec| r.choice(spec, false));
        let invoice_number = r.text("invoice_number", false, 60);
        let record = (|| {
            Some(Self {
                customer: customer?,
                reference: reference?,
                payment_date: payment_date?,
                amount: amount?,
                method: method.unwrap_or_else(|| "bank_transfer".to_owned()),
                invoice_number,
            })
        })();
        r.finish(record)
    }
}
