//! The `server` binary's building blocks: configuration, start-up, the worker, demo and
//! scale data, and operator commands.

pub mod config;
pub mod jwt_secret;
pub mod mail;
pub mod operator;
pub mod seed;
pub mod startup;
pub mod telemetry;
pub mod worker;
