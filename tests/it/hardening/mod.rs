//! Hardening: no input answers 5xx, and the server keeps to its OpenAPI document.

mod document;
mod invalid_text;
mod methods;
