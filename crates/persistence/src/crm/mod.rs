//! CRM (SPEC §4.2): the lead bundle and the repositories of leads, customers, prospects,
//! activities and tasks. Every query runs under the caller's row-level security; the few
//! steps that must see across owners go through the `app.crm_*` functions.

pub mod activities;
pub mod analytics;
pub mod bundle;
pub mod bundle_batch;
pub mod customers;
pub mod follow_ups;
pub mod leads;
pub mod marketing;
pub mod prospects;
pub mod tasks;
