//! Reading one JSON object field by field, every problem collected in contract order.

use chrono::{DateTime, Utc};
use domain::FieldErrors;
use serde_json::{Map, Value};

use crate::error::ApiError;

/// Reads the fields of one JSON object, collecting every problem in contract order.
pub struct Fields<'a> {
    object: &'a Map<String, Value>,
    prefix: String,
    errors: FieldErrors,
    first: Option<String>,
}

impl<'a> Fields<'a> {
    /// `prefix` names the item in a batch (`"[2]."`), empty for a single object.
    pub fn new(value: &'a Value, prefix: String) -> Result<Self, ApiError> {
        let object = value.as_object().ok_or_else(|| {
            let field = if prefix.is_empty() {
                "body".to_owned()
            } else {
                prefix.trim_end_matches('.').to_owned()
            };
            invalid(&field, "must be a JSON object")
        })?;
        Ok(Self {
            object,
            prefix,
            errors: FieldErrors::new(),
            first: None,
        })
    }

    /// Records a problem with `field` (the first one becomes the response's `error`).
    pub fn problem(&mut self, field: &str, message: &str) {
        let name = format!("{}{field}", self.prefix);
        if self.first.is_none() {
            self.first = Some(format!("{name} {message}"));
        }
        self.errors.add(&name, message);
    }

    /// The first present name among `names` (n8n flows use the seed's short aliases).
    fn raw(&self, names: &[&str]) -> Option<(&'a str, &'a Value)> {
        let object = self.object;
        names.iter().find_map(|n| {
            object
                .get_key_value(*n)
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.as_str(), v))
        })
    }

    /// A string, trimmed; blank counts as absent. Numbers are taken as their digits
    /// (spreadsheets turn phone numbers and AWBs into numbers).
    pub fn text(&mut self, names: &[&str], max_chars: usize) -> Option<String> {
        let field = names[0];
        let (_, value) = self.raw(names)?;
        let text = match value {
            Value::String(s) => s.trim().to_owned(),
            Value::Number(n) => n.to_string(),
            _ => {
                self.problem(field, "must be a string");
                return None;
            }
        };
        if text.is_empty() {
            return None;
        }
        if text.chars().count() > max_chars {
            self.problem(field, &format!("must be at most {max_chars} characters"));
            return None;
        }
        Some(text)
    }

    pub fn required_text(&mut self, names: &[&str], max_chars: usize) -> Option<String> {
        let value = self.text(names, max_chars);
        if value.is_none() && self.problem_free(names[0]) {
            self.problem(names[0], "is required");
        }
        value
    }

    fn problem_free(&self, field: &str) -> bool {
        !self
            .errors
            .fields()
            .any(|f| f == format!("{}{field}", self.prefix))
    }

    /// One of `allowed` (case-insensitive), or `default` when absent.
    pub fn one_of(
        &mut self,
        names: &[&str],
        allowed: &[&str],
        default: Option<&str>,
    ) -> Option<String> {
        match self.text(names, 64) {
            Some(value) => {
                let lower = value.to_lowercase();
                if allowed.contains(&lower.as_str()) {
                    Some(lower)
                } else {
                    self.problem(names[0], &format!("must be one of {}", allowed.join(", ")));
                    None
                }
            }
            None if self.problem_free(names[0]) => match default {
                Some(default) => Some(default.to_owned()),
                None => {
                    self.problem(names[0], "is required");
                    None
                }
            },
            None => None,
        }
    }

    /// An RFC 3339 instant (`2026-12-01T08:30:00+07:00`).
    pub fn instant(&mut self, names: &[&str]) -> Option<DateTime<Utc>> {
        let text = self.text(names, 64)?;
        match DateTime::parse_from_rfc3339(&text) {
            Ok(at) => Some(at.with_timezone(&Utc)),
            Err(_) => {
                self.problem(
                    names[0],
                    "must be a date-time with offset, e.g. 2026-12-01T08:30:00+07:00",
                );
                None
            }
        }
    }

    /// A phone number: stored in E.164 when it reads as one, otherwise as sent.
    pub fn phone(&mut self, names: &[&str], required: bool) -> Option<String> {
        let raw = if required {
            self.required_text(names, 32)
        } else {
            self.text(names, 32)
        }?;
        Some(
            domain::crm::PhoneE164::parse(&raw)
                .map(|p| p.as_str().to_owned())
                .unwrap_or(raw),
        )
    }

    /// `Ok` with the values read, or the 400 naming the first problem.
    pub fn finish<T>(self, value: T) -> Result<T, ApiError> {
        match self.first {
            None => Ok(value),
            Some(message) => Err(ApiError::InvalidIntake {
                message,
                details: self.errors,
            }),
        }
    }

    /// The problems so far, without failing (batch items are reported, not thrown).
    pub fn into_problem(self) -> Option<(String, FieldErrors)> {
        self.first.map(|m| (m, self.errors))
    }
}

pub(super) fn invalid(field: &str, message: &str) -> ApiError {
    ApiError::InvalidIntake {
        message: format!("{field} {message}"),
        details: FieldErrors::single(field, message),
    }
}
