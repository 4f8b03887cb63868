//! CRM vocabulary and who may do what (SPEC §3, §4.2): pipeline stages, lead statuses,
//! activity types, the RFQ service → department mapping, and the distance of a visit.

use crate::{closed_set, Department, Role};

closed_set!(
    /// Pipeline stages (CRM-3), in order; `lost` closes a prospect at any point.
    pub enum Stage {
        New => "new",
        Contacted => "contacted",
        Qualification => "qualification",
        Proposal => "proposal",
        Negotiation => "negotiation",
        Won => "won",
        Lost => "lost",
    }
);

impl Stage {
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Won | Self::Lost)
    }
}

closed_set!(
    /// Lead statuses (CRM-6).
    pub enum LeadStatus {
        New => "new",
        Contacted => "contacted",
        Qualified => "qualified",
        Disqualified => "disqualified",
        Converted => "converted",
    }
);

closed_set!(
    /// Activity types users log (CRM-4). `system` activities are written by the
    /// application itself and cannot be logged by hand.
    pub enum ActivityType {
        Visit => "visit",
        Call => "call",
        Meeting => "meeting",
        Email => "email",
        Whatsapp => "whatsapp",
    }
);

closed_set!(
    /// The service an RFQ asks for (SPEC §4.12); decides the ticket's department.
    pub enum RfqService {
        Exim => "EXIM",
        Dom => "DOM",
        Imp => "IMP",
        Wh => "WH",
    }
);

impl RfqService {
    pub fn department(self) -> Department {
        match self {
            Self::Exim => Department::Exim,
            Self::Dom => Department::Dom,
            Self::Imp => Department::Imp,
            Self::Wh => Department::Wh,
        }
    }
}

closed_set!(
    /// Task statuses (CRM-5).
    pub enum TaskStatus {
        Open => "open",
        Done => "done",
        Cancelled => "cancelled",
    }
);

/// What a role may do in CRM beyond what row-level security already scopes.
pub struct CrmAccess;

impl CrmAccess {
    /// Reads CRM at all (the CRM menu of SPEC §3).
    pub fn reads(role: Role) -> bool {
        role.menus().contains(&crate::Menu::Crm)
    }

    /// Enters leads through the lead bundle (CRM-1).
    pub fn creates_leads(role: Role) -> bool {
        matches!(
            role,
            Role::SuperAdmin
                | Role::MarketingManager
                | Role::MarketingStaff
                | Role::SalesManager
                | Role::Salesperson
        )
    }

    /// Hands leads over to salespeople (CRM-2), restores deleted records (CRM-6) and
    /// merges duplicate customers (CRM-9).
    pub fn manages(role: Role) -> bool {
        matches!(
            role,
            Role::SuperAdmin | Role::MarketingManager | Role::SalesManager
        )
    }

    /// Logs activities (CRM-4); sales_support logs them for their manager's team.
    pub fn logs_activities(role: Role) -> bool {
        matches!(
            role,
            Role::SuperAdmin
                | Role::MarketingManager
                | Role::MarketingStaff
                | Role::SalesManager
                | Role::Salesperson
                | Role::SalesSupport
        )
    }

    /// Moves prospects through the pipeline (CRM-3).
    pub fn works_pipeline(role: Role) -> bool {
        matches!(
            role,
            Role::SuperAdmin | Role::SalesManager | Role::Salesperson
        )
    }

    /// Roles a lead can be handed over to.
    pub fn may_own_prospects(role: Role) -> bool {
        matches!(role, Role::SalesManager | Role::Salesperson)
    }
}

/// Great-circle distance in metres between two WGS-84 points (haversine).
pub fn distance_m(from: (f64, f64), to: (f64, f64)) -> f64 {
    const EARTH_RADIUS_M: f64 = 6_371_008.8;
    let (lat1, lon1) = (from.0.to_radians(), from.1.to_radians());
    let (lat2, lon2) = (to.0.to_radians(), to.1.to_radians());
    let a = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().asin()
}

/// Validates a GPS point: both coordinates or none, each within its range.
pub fn parse_point(
    latitude: Option<f64>,
    longitude: Option<f64>,
) -> Result<Option<(f64, f64)>, &'static str> {
    match (latitude, longitude) {
        (None, None) => Ok(None),
        (Some(lat), Some(lng)) => {
            if !(-90.0..=90.0).contains(&lat) || !lat.is_finite() {
                Err("latitude must be between -90 and 90")
            } else if !(-180.0..=180.0).contains(&lng) || !lng.is_finite() {
                Err("longitude must be between -180 and 180")
            } else {
                Ok(Some((lat, lng)))
            }
        }
        _ => Err("latitude and longitude go together"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_parse_and_list_choices() {
        assert_eq!("qualification".parse::<Stage>(), Ok(Stage::Qualification));
        let err = "closed".parse::<Stage>().unwrap_err();
        assert!(err.to_string().contains("new, contacted"), "{err}");
        assert!(Stage::Lost.is_closed() && !Stage::Proposal.is_closed());
    }

    #[test]
    fn rfq_service_targets_its_department() {
        assert_eq!(
            "EXIM".parse::<RfqService>().map(RfqService::department),
            Ok(Department::Exim)
        );
        assert_eq!(
            "WH".parse::<RfqService>().map(RfqService::department),
            Ok(Department::Wh)
        );
        assert!("exim".parse::<RfqService>().is_err());
    }

    #[test]
    fn activity_types_exclude_system() {
        assert!("system".parse::<ActivityType>().is_err());
        assert_eq!("visit".parse::<ActivityType>(), Ok(ActivityType::Visit));
    }

    #[test]
    fn access_matches_the_role_matrix() {
        assert!(CrmAccess::creates_leads(Role::MarketingStaff));
        assert!(!CrmAccess::creates_leads(Role::Director));
        assert!(!CrmAccess::creates_leads(Role::SalesSupport));
        assert!(CrmAccess::manages(Role::SalesManager));
        assert!(!CrmAccess::manages(Role::Salesperson));
        assert!(!CrmAccess::reads(Role::OpsExim));
        assert!(CrmAccess::reads(Role::Director));
        assert!(CrmAccess::logs_activities(Role::SalesSupport));
    }

    #[test]
    fn distance_between_monas_and_bundaran_hi() {
        // Monas (-6.1754, 106.8272) to Bundaran HI (-6.1950, 106.8230): about 2.2 km.
        let d = distance_m((-6.1754, 106.8272), (-6.1950, 106.8230));
        assert!((2_150.0..2_300.0).contains(&d), "{d}");
        assert!(distance_m((1.0, 1.0), (1.0, 1.0)).abs() < 1e-6);
    }

    #[test]
    fn points_need_both_coordinates_in_range() {
        assert_eq!(parse_point(None, None), Ok(None));
        assert_eq!(
            parse_point(Some(-6.2), Some(106.8)),
            Ok(Some((-6.2, 106.8)))
        );
        assert!(parse_point(Some(-6.2), None).is_err());
        assert!(parse_point(Some(91.0), Some(0.0)).is_err());
        assert!(parse_point(Some(0.0), Some(181.0)).is_err());
    }
}
