//! Rules of credentials: passwords and API-key scopes.

use std::{fmt, str::FromStr};

/// A password a user chose: 8 to 128 characters, not only whitespace.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PasswordError {
    #[error("must be at least 8 characters")]
    TooShort,
    #[error("must be at most 128 characters")]
    TooLong,
    #[error("must not be only spaces")]
    Blank,
}

impl NewPassword {
    pub fn parse(raw: &str) -> Result<Self, PasswordError> {
        let length = raw.chars().count();
        if raw.trim().is_empty() && length > 0 {
            return Err(PasswordError::Blank);
        }
        if length < 8 {
            return Err(PasswordError::TooShort);
        }
        if length > 128 {
            return Err(PasswordError::TooLong);
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// What an API key may do (AUTH-4).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
pub enum ApiScope {
    #[serde(rename = "tickets:write")]
    TicketsWrite,
    #[serde(rename = "broadcast:write")]
    BroadcastWrite,
    #[serde(rename = "whatsapp:write")]
    WhatsappWrite,
}

impl ApiScope {
    pub const ALL: [ApiScope; 3] = [
        Self::TicketsWrite,
        Self::BroadcastWrite,
        Self::WhatsappWrite,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::TicketsWrite => "tickets:write",
            Self::BroadcastWrite => "broadcast:write",
            Self::WhatsappWrite => "whatsapp:write",
        }
    }
}

impl crate::ClosedSet for ApiScope {
    fn all() -> &'static [Self] {
        &Self::ALL
    }
    fn as_str(self) -> &'static str {
        ApiScope::as_str(self)
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("is not a known scope (tickets:write, broadcast:write, whatsapp:write)")]
pub struct UnknownScope;

impl FromStr for ApiScope {
    type Err = UnknownScope;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|scope| scope.as_str() == s.trim())
            .ok_or(UnknownScope)
    }
}

/// A display name for an API key: 1 to 100 characters after trimming.
pub fn parse_key_name(raw: &str) -> Result<String, &'static str> {
    let name = raw.trim();
    match name.chars().count() {
        0 => Err("is required"),
        1..=100 => Ok(name.to_owned()),
        _ => Err("must be at most 100 characters"),
    }
}

/// A person's display name: 1 to 200 characters, inner whitespace collapsed.
pub fn parse_full_name(raw: &str) -> Result<String, &'static str> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    match name.chars().count() {
        0 => Err("is required"),
        1..=200 => Ok(name),
        _ => Err("must be at most 200 characters"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_length_rules() {
        assert_eq!(
            NewPassword::parse("short").err(),
            Some(PasswordError::TooShort)
        );
        assert_eq!(
            NewPassword::parse("        ").err(),
            Some(PasswordError::Blank)
        );
        assert_eq!(
            NewPassword::parse(&"x".repeat(129)).err(),
            Some(PasswordError::TooLong)
        );
        assert!(NewPassword::parse("demo12345").is_ok());
    }

    #[test]
    fn password_debug_is_redacted() {
        let password = NewPassword::parse("rahasia-sekali").map(|p| format!("{p:?}"));
        assert_eq!(password.as_deref(), Ok("NewPassword(***)"));
    }

    #[test]
    fn scopes_parse_exactly() {
        assert_eq!(
            "tickets:write".parse::<ApiScope>(),
            Ok(ApiScope::TicketsWrite)
        );
        assert_eq!("tickets:read".parse::<ApiScope>(), Err(UnknownScope));
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            parse_full_name("  Siti   Rahma "),
            Ok("Siti Rahma".to_owned())
        );
        assert!(parse_full_name("   ").is_err());
        assert!(parse_key_name(&"k".repeat(101)).is_err());
    }
}
