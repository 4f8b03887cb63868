use std::{fmt, str::FromStr};

/// The company's departments (SPEC §3).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum Department {
    Mgmt,
    Mkt,
    Sal,
    Exim,
    Dom,
    Imp,
    Wh,
    Fin,
    Cs,
}

impl Department {
    pub const ALL: [Department; 9] = [
        Self::Mgmt,
        Self::Mkt,
        Self::Sal,
        Self::Exim,
        Self::Dom,
        Self::Imp,
        Self::Wh,
        Self::Fin,
        Self::Cs,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Mgmt => "MGMT",
            Self::Mkt => "MKT",
            Self::Sal => "SAL",
            Self::Exim => "EXIM",
            Self::Dom => "DOM",
            Self::Imp => "IMP",
            Self::Wh => "WH",
            Self::Fin => "FIN",
            Self::Cs => "CS",
        }
    }
}

impl crate::ClosedSet for Department {
    fn all() -> &'static [Self] {
        &Self::ALL
    }
    fn as_str(self) -> &'static str {
        self.code()
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("is not a known department")]
pub struct UnknownDepartment;

impl FromStr for Department {
    type Err = UnknownDepartment;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|d| d.code().eq_ignore_ascii_case(s.trim()))
            .ok_or(UnknownDepartment)
    }
}

impl fmt::Display for Department {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for dept in Department::ALL {
            assert_eq!(dept.code().parse::<Department>(), Ok(dept));
        }
        assert_eq!(" exim ".parse::<Department>(), Ok(Department::Exim));
        assert_eq!("SALES".parse::<Department>(), Err(UnknownDepartment));
    }
}
