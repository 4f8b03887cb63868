//! Whom a target, an entry or a scorecard belongs to: a user, a team (named by its
//! manager), a department or the company.

use uuid::Uuid;

use super::AssigneeKind;
use crate::{Department, FieldErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Assignee {
    User(Uuid),
    Team(Uuid),
    Dept(Department),
    Company,
}

impl Assignee {
    pub fn kind(self) -> AssigneeKind {
        match self {
            Self::User(_) => AssigneeKind::User,
            Self::Team(_) => AssigneeKind::Team,
            Self::Dept(_) => AssigneeKind::Dept,
            Self::Company => AssigneeKind::Company,
        }
    }

    /// The user (or the team's manager).
    pub fn user_id(self) -> Option<Uuid> {
        match self {
            Self::User(id) | Self::Team(id) => Some(id),
            _ => None,
        }
    }

    pub fn dept(self) -> Option<Department> {
        match self {
            Self::Dept(d) => Some(d),
            _ => None,
        }
    }

    /// The stored columns back into an assignee.
    pub fn from_columns(
        kind: AssigneeKind,
        user: Option<Uuid>,
        dept: Option<&str>,
    ) -> Option<Self> {
        match kind {
            AssigneeKind::User => user.map(Self::User),
            AssigneeKind::Team => user.map(Self::Team),
            AssigneeKind::Dept => dept.and_then(|d| d.parse().ok()).map(Self::Dept),
            AssigneeKind::Company => Some(Self::Company),
        }
    }

    /// The fields `assignee_kind`, `assignee_user_id` and `assignee_dept` of a request;
    /// errors are recorded under those names.
    pub fn parse(
        errors: &mut FieldErrors,
        kind: Option<&str>,
        user: Option<Uuid>,
        dept: Option<&str>,
    ) -> Option<Self> {
        let Some(raw) = kind.map(str::trim).filter(|k| !k.is_empty()) else {
            errors.add("assignee_kind", "is required");
            return None;
        };
        let kind = errors.take("assignee_kind", raw.parse::<AssigneeKind>())?;
        let dept = dept.map(str::trim).filter(|d| !d.is_empty());
        match kind {
            AssigneeKind::User | AssigneeKind::Team => {
                if dept.is_some() {
                    errors.add("assignee_dept", "must be empty for a user or team");
                }
                match user {
                    Some(id) if kind == AssigneeKind::User => Some(Self::User(id)),
                    Some(id) => Some(Self::Team(id)),
                    None => {
                        errors.add("assignee_user_id", "is required for a user or team");
                        None
                    }
                }
            }
            AssigneeKind::Dept => {
                if user.is_some() {
                    errors.add("assignee_user_id", "must be empty for a department");
                }
                match dept.map(str::parse::<Department>) {
                    Some(Ok(d)) => Some(Self::Dept(d)),
                    Some(Err(_)) => {
                        errors.add("assignee_dept", "is not a department");
                        None
                    }
                    None => {
                        errors.add("assignee_dept", "is required for a department");
                        None
                    }
                }
            }
            AssigneeKind::Company => {
                if user.is_some() {
                    errors.add("assignee_user_id", "must be empty for the company");
                }
                if dept.is_some() {
                    errors.add("assignee_dept", "must be empty for the company");
                }
                Some(Self::Company)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_reports_what_is_missing_or_extra() {
        let id = Uuid::nil();
        let mut e = FieldErrors::new();
        assert_eq!(
            Assignee::parse(&mut e, Some("user"), Some(id), None),
            Some(Assignee::User(id))
        );
        assert_eq!(
            Assignee::parse(&mut e, Some("dept"), None, Some("mkt")),
            Some(Assignee::Dept(Department::Mkt))
        );
        assert_eq!(
            Assignee::parse(&mut e, Some("company"), None, None),
            Some(Assignee::Company)
        );
        assert!(e.is_empty());
        assert_eq!(Assignee::parse(&mut e, Some("team"), None, None), None);
        assert_eq!(
            Assignee::parse(&mut e, Some("dept"), Some(id), Some("XX")),
            None
        );
        assert_eq!(Assignee::parse(&mut e, Some("planet"), None, None), None);
        assert_eq!(
            e.fields().collect::<Vec<_>>(),
            ["assignee_dept", "assignee_kind", "assignee_user_id"]
        );
    }
}
