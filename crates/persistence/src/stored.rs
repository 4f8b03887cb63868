//! Closed sets (`domain::ClosedSet`) in and out of text columns: `Stored<TicketStatus>`
//! binds as its text and decodes only a value of the set (anything else is a decode
//! error, never a silently wrong value). Domain types cannot implement sqlx's traits
//! themselves (the domain crate stays free of I/O), hence this one wrapper.

use domain::{ClosedSet, NormalisedText};
use sqlx::{
    encode::IsNull,
    error::BoxDynError,
    postgres::{PgArgumentBuffer, PgTypeInfo, PgValueRef},
    Decode, Encode, Postgres, Type,
};

/// A closed-set value as stored in a `text` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stored<T>(pub T);

impl<T> Stored<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: ClosedSet> Type<Postgres> for Stored<T> {
    fn type_info() -> PgTypeInfo {
        <&str as Type<Postgres>>::type_info()
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        <&str as Type<Postgres>>::compatible(ty)
    }
}

impl<'q, T: ClosedSet> Encode<'q, Postgres> for Stored<T> {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <&str as Encode<'q, Postgres>>::encode_by_ref(&self.0.as_str(), buf)
    }
}

impl<'r, T: ClosedSet> Decode<'r, Postgres> for Stored<T> {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <&str as Decode<'r, Postgres>>::decode(value)?;
        T::from_text(text)
            .map(Stored)
            .ok_or_else(|| format!("{text:?} is not one of: {}", T::choices()).into())
    }
}

/// A normalised domain value (`Email`, `PhoneE164`, `Npwp`, `CompanyKey`) bound as its
/// text: commands carry the parsed type down to the statement that writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Normalised<T>(pub T);

impl<T: NormalisedText> Type<Postgres> for Normalised<T> {
    fn type_info() -> PgTypeInfo {
        <&str as Type<Postgres>>::type_info()
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        <&str as Type<Postgres>>::compatible(ty)
    }
}

impl<'q, T: NormalisedText> Encode<'q, Postgres> for Normalised<T> {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <&str as Encode<'q, Postgres>>::encode_by_ref(&self.0.as_text(), buf)
    }
}
