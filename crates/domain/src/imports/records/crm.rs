//! Customers and leads: identifiers normalised the way the lead bundle's dedup compares
//! them (NPWP digits, E.164 phones, lower-case e-mails, company keys).

use super::{Reader, RowInput};
use crate::{
    crm::{CompanyKey, Npwp, PhoneE164},
    imports::RowError,
    Email,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerRecord {
    pub customer_code: Option<String>,
    pub company_name: String,
    pub company_key: String,
    pub npwp: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub notes: Option<String>,
}

impl CustomerRecord {
    pub fn read(input: RowInput<'_>) -> Result<Self, Vec<RowError>> {
        let mut r = Reader::new(input);
        let customer_code = r.text("customer_code", false, 40).map(|c| c.to_uppercase());
        let company_name = r.text("company_name", true, 200);
        let company_key = company_name.as_deref().and_then(|name| {
            CompanyKey::parse(name)
                .map_err(|e| r.fail("company_name", "nama perusahaan tidak valid", e.to_string()))
                .ok()
        });
        let npwp = r.npwp("npwp").map(|n| n.as_str().to_owned());
        let email = r.email("email").map(|e| e.as_str().to_owned());
        let phone = r.phone("phone").map(|p| p.as_str().to_owned());
        let contact_name = r.text("contact_name", false, 200);
        let address = r.text("address", false, 500);
        let city = r.text("city", false, 120);
        let notes = r.text("notes", false, 2000);
        let record = (|| {
            Some(Self {
                customer_code,
                company_name: company_name?,
                company_key: company_key?.as_str().to_owned(),
                npwp,
                email,
                phone,
                contact_name,
                address,
                city,
                notes,
            })
        })();
        r.finish(record)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadRecord {
    pub contact_name: String,
    pub company_name: Option<String>,
    pub company_key: Option<CompanyKey>,
    pub phone: Option<PhoneE164>,
    pub email: Option<Email>,
    pub npwp: Option<Npwp>,
    pub channel: String,
    pub service_interest: Option<String>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    pub notes: Option<String>,
}

impl LeadRecord {
    pub fn read(input: RowInput<'_>) -> Result<Self, Vec<RowError>> {
        let mut r = Reader::new(input);
        let contact_name = r.text("contact_name", true, 200);
        let company_name = r.text("company_name", false, 200);
        let company_key = company_name
            .as_deref()
            .and_then(|n| CompanyKey::parse(n).ok());
        let phone = r.phone("phone");
        let email = r.email("email");
        let npwp = r.npwp("npwp");
        let channel = r.text("channel", true, 120);
        let service_interest = r.text("service_interest", false, 120);
        let utm_source = r.text("utm_source", false, 200);
        let utm_medium = r.text("utm_medium", false, 200);
        let utm_campaign = r.text("utm_campaign", false, 200);
        let notes = r.text("notes", false, 2000);
        if r.errors.is_empty() && phone.is_none() && email.is_none() && company_key.is_none() {
            r.fail(
                "phone",
                "isi minimal salah satu: no HP, email atau nama perusahaan",
                "fill at least one of phone, e-mail or company name",
            );
        }
        let record = (|| {
            Some(Self {
                contact_name: contact_name?,
                company_name,
                company_key,
                phone,
                email,
                npwp,
                channel: channel?,
                service_interest,
                utm_source,
                utm_medium,
                utm_campaign,
                notes,
            })
        })();
        r.finish(record)
    }
}
