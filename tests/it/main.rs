//! Integration tests of Command Center against a real PostgreSQL (one database per test,
//! connected through the login role) and the real HTTP server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod api_keys;
mod ar;
mod auth;
mod broadcasts;
mod conventions;
mod crm;
mod dashboard;
mod events;
mod exports;
mod faults;
mod hardening;
mod imports;
mod intake;
mod kpi;
mod limits;
mod me_report;
mod news;
mod notifications;
mod openapi;
mod platform;
mod spa;
mod tickets;
mod user_events;
mod users;
mod wa_analytics;
mod whatsapp;
mod worker;
