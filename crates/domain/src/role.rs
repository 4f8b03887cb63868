use std::{fmt, str::FromStr};

use crate::Department;

/// The 15 application roles (SPEC §3). Each is also a PostgreSQL role `cc_<name>`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    SuperAdmin,
    Director,
    MarketingManager,
    MarketingStaff,
    SalesManager,
    Salesperson,
    SalesSupport,
    OpsExim,
    OpsDomestic,
    OpsImportDtd,
    OpsWarehouse,
    FinanceManager,
    FinanceStaff,
    CsAdmin,
    CsAgent,
}

/// Top-level menus of the SPA, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Menu {
    Dashboard,
    Kpi,
    Crm,
    Ticketing,
    Dso,
}

/// Functions outside the top-level menus (settings / user menu).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub enum Capability {
    #[serde(rename = "users:manage")]
    ManageUsers,
    #[serde(rename = "api_keys:manage")]
    ManageApiKeys,
    #[serde(rename = "audit:read")]
    ReadAudit,
    /// Sets KPI targets of a department (also for roles without the KPI menu: CS admin).
    #[serde(rename = "kpi_targets:manage")]
    ManageKpiTargets,
    /// USR-2: the user activity log.
    #[serde(rename = "user_events:read")]
    ReadUserEvents,
    /// Writes news and sees drafts and scheduled posts (NEWS-1).
    #[serde(rename = "news:manage")]
    ManageNews,
}

impl Role {
    pub const ALL: [Role; 15] = [
        Self::SuperAdmin,
        Self::Director,
        Self::MarketingManager,
        Self::MarketingStaff,
        Self::SalesManager,
        Self::Salesperson,
        Self::SalesSupport,
        Self::OpsExim,
        Self::OpsDomestic,
        Self::OpsImportDtd,
        Self::OpsWarehouse,
        Self::FinanceManager,
        Self::FinanceStaff,
        Self::CsAdmin,
        Self::CsAgent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SuperAdmin => "super_admin",
            Self::Director => "director",
            Self::MarketingManager => "marketing_manager",
            Self::MarketingStaff => "marketing_staff",
            Self::SalesManager => "sales_manager",
            Self::Salesperson => "salesperson",
            Self::SalesSupport => "sales_support",
            Self::OpsExim => "ops_exim",
            Self::OpsDomestic => "ops_domestic",
            Self::OpsImportDtd => "ops_import_dtd",
            Self::OpsWarehouse => "ops_warehouse",
            Self::FinanceManager => "finance_manager",
            Self::FinanceStaff => "finance_staff",
            Self::CsAdmin => "cs_admin",
            Self::CsAgent => "cs_agent",
        }
    }

    /// The PostgreSQL role a request of this user runs as.
    pub fn db_role(self) -> String {
        format!("cc_{}", self.as_str())
    }

    /// The department a user of this role belongs to unless set otherwise.
    pub fn default_department(self) -> Department {
        match self {
            Self::SuperAdmin | Self::Director => Department::Mgmt,
            Self::MarketingManager | Self::MarketingStaff => Department::Mkt,
            Self::SalesManager | Self::Salesperson | Self::SalesSupport => Department::Sal,
            Self::OpsExim => Department::Exim,
            Self::OpsDomestic => Department::Dom,
            Self::OpsImportDtd => Department::Imp,
            Self::OpsWarehouse => Department::Wh,
            Self::FinanceManager | Self::FinanceStaff => Department::Fin,
            Self::CsAdmin | Self::CsAgent => Department::Cs,
        }
    }

    /// The top-level menus of SPEC §3; anything else is hidden for the role.
    pub fn menus(self) -> &'static [Menu] {
        use Menu::*;
        match self {
            Self::SuperAdmin | Self::Director | Self::SalesManager | Self::Salesperson => {
                &[Dashboard, Kpi, Crm, Ticketing, Dso]
            }
            Self::MarketingManager | Self::MarketingStaff => &[Dashboard, Kpi, Crm],
            Self::SalesSupport => &[Dashboard, Crm, Ticketing],
            Self::OpsExim
            | Self::OpsDomestic
            | Self::OpsImportDtd
            | Self::OpsWarehouse
            | Self::CsAdmin
            | Self::CsAgent => &[Dashboard, Ticketing],
            Self::FinanceManager => &[Dashboard, Kpi, Dso],
            Self::FinanceStaff => &[Dashboard, Dso],
        }
    }

    pub fn capabilities(self) -> &'static [Capability] {
        match self {
            Self::SuperAdmin => &[
                Capability::ManageUsers,
                Capability::ManageApiKeys,
                Capability::ReadAudit,
                Capability::ManageKpiTargets,
                Capability::ReadUserEvents,
                Capability::ManageNews,
            ],
            Self::Director => &[Capability::ReadAudit],
            Self::CsAdmin => &[Capability::ManageUsers, Capability::ManageKpiTargets],
            Self::MarketingManager | Self::SalesManager | Self::FinanceManager => {
                &[Capability::ManageKpiTargets]
            }
            _ => &[],
        }
    }

    pub fn can(self, capability: Capability) -> bool {
        self.capabilities().contains(&capability)
    }

    /// Which roles this role may give to users it creates or edits (AUTH-3: super admin any,
    /// CS admin only CS agents).
    pub fn may_manage_role(self, target: Role) -> bool {
        match self {
            Self::SuperAdmin => true,
            Self::CsAdmin => target == Self::CsAgent,
            _ => false,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("is not a known role")]
pub struct UnknownRole;

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or(UnknownRole)
    }
}

impl crate::ClosedSet for Role {
    fn all() -> &'static [Self] {
        &Self::ALL
    }
    fn as_str(self) -> &'static str {
        Role::as_str(self)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_db_roles_are_prefixed() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
            assert_eq!(role.db_role(), format!("cc_{}", role.as_str()));
        }
        assert_eq!("admin".parse::<Role>(), Err(UnknownRole));
    }

    #[test]
    fn menus_follow_the_spec_matrix() {
        use Menu::*;
        assert_eq!(
            Role::Director.menus(),
            &[Dashboard, Kpi, Crm, Ticketing, Dso]
        );
        assert_eq!(Role::MarketingStaff.menus(), &[Dashboard, Kpi, Crm]);
        assert_eq!(Role::SalesSupport.menus(), &[Dashboard, Crm, Ticketing]);
        assert_eq!(Role::OpsWarehouse.menus(), &[Dashboard, Ticketing]);
        assert_eq!(Role::FinanceManager.menus(), &[Dashboard, Kpi, Dso]);
        assert_eq!(Role::FinanceStaff.menus(), &[Dashboard, Dso]);
        assert_eq!(Role::CsAgent.menus(), &[Dashboard, Ticketing]);
    }

    #[test]
    fn only_admins_manage_users() {
        assert!(Role::SuperAdmin.may_manage_role(Role::Director));
        assert!(Role::CsAdmin.may_manage_role(Role::CsAgent));
        assert!(!Role::CsAdmin.may_manage_role(Role::CsAdmin));
        assert!(!Role::SalesManager.may_manage_role(Role::Salesperson));
        assert!(Role::CsAdmin.can(Capability::ManageUsers));
        assert!(!Role::CsAdmin.can(Capability::ManageApiKeys));
    }
}
