//! The schema of a `sort` query parameter: a comma-separated list of the fields a list
//! sorts by, each ascending (optionally `+`) or descending (`-`), as a `pattern` naming
//! exactly those fields; and of comma-separated closed-set filters.

use utoipa::openapi::{
    schema::{ObjectBuilder, Schema, Type},
    RefOr,
};

/// `field` or `-field`, comma-separated, for the public names of `allowed`.
pub fn schema<F>(allowed: &[(&str, F)]) -> RefOr<Schema> {
    let names: Vec<&str> = allowed.iter().map(|(name, _)| *name).collect();
    let key = format!("[-+]?({})", names.join("|"));
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(format!("^({key}(,{key})*)?$")))
        .into()
}

/// A type whose schema is the sort pattern of a list, for `#[param(value_type = ...)]`.
macro_rules! sort_param {
    ($name:ident => $allowed:expr) => {
        /// The fields this list sorts by, comma-separated; `-` for descending.
        pub struct $name;

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                $crate::api::sort::schema($allowed)
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}
pub(crate) use sort_param;

/// The schema of a comma-separated filter of closed-set values (`status=open,closed`).
pub fn list_schema(values: &[&str]) -> RefOr<Schema> {
    let alternatives = values.join("|");
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(format!("^(({alternatives})(,({alternatives}))*)?$")))
        .into()
}

/// A type whose schema is a comma-separated list of the values of a closed set `$set`.
macro_rules! list_param {
    ($name:ident => $set:ty) => {
        /// Comma-separated values of a closed set.
        pub struct $name;

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                let values: Vec<&str> = <$set as domain::ClosedSet>::all()
                    .iter()
                    .map(|value| domain::ClosedSet::as_str(*value))
                    .collect();
                $crate::api::sort::list_schema(&values)
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}
pub(crate) use list_param;
