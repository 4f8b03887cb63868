//! Closed sets of values (statuses, stages, priorities, types …): one Rust enum each, so
//! the API documents them as an OpenAPI `enum`, the SPA takes its choices from the
//! generated client, and persistence stores their text (`persistence::Stored`).

use std::fmt;

/// A closed set of values stored and sent as text.
pub trait ClosedSet: Copy + Eq + fmt::Debug + Send + Sync + 'static {
    /// Every value, in display order.
    fn all() -> &'static [Self];
    /// The stored and transmitted text of the value.
    fn as_str(self) -> &'static str;
    /// The value whose text is `raw` (after trimming), if any.
    fn from_text(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        Self::all().iter().copied().find(|v| v.as_str() == raw)
    }
    /// "a, b, c": the choices, for error messages.
    fn choices() -> String {
        Self::all()
            .iter()
            .map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A value outside its closed set; displays "must be one of: a, b, c".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be one of: {choices}")]
pub struct NotInSet {
    pub choices: String,
}

impl NotInSet {
    pub fn of<T: ClosedSet>() -> Self {
        Self {
            choices: T::choices(),
        }
    }
}

/// Declares a closed set: the enum (serde and OpenAPI use the given texts), `ALL`,
/// `as_str`, `FromStr` (error [`NotInSet`]), `Display` and [`ClosedSet`].
#[macro_export]
macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident => $text:tt),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, utoipa::ToSchema,
        )]
        $vis enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$(Self::$variant),+];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }
        }

        impl $crate::ClosedSet for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::closed_set::NotInSet;

            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                <Self as $crate::ClosedSet>::from_text(raw)
                    .ok_or_else($crate::closed_set::NotInSet::of::<Self>)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    closed_set!(
        /// A set for the test.
        enum Colour {
            Red => "red",
            DeepBlue => "deep_blue",
        }
    );

    #[test]
    fn texts_round_trip_through_parse_serde_and_display() {
        for colour in Colour::ALL {
            assert_eq!(colour.as_str().parse::<Colour>(), Ok(*colour));
            let json = serde_json::to_string(colour).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", colour.as_str()));
            assert_eq!(colour.to_string(), colour.as_str());
        }
        assert_eq!(" deep_blue ".parse::<Colour>(), Ok(Colour::DeepBlue));
    }

    #[test]
    fn unknown_text_lists_the_choices() {
        let err = "green".parse::<Colour>().unwrap_err();
        assert_eq!(err.to_string(), "must be one of: red, deep_blue");
        assert_eq!(Colour::from_text("Red"), None);
    }
}
