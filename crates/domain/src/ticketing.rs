//! Ticketing and broadcast intake rules (SPEC §4.3 TCK, §4.4 BRD; seed 004).

use crate::Role;

/// TCK-1 ticket types.
pub const TICKET_TYPES: [&str; 4] = [
    "inquiry_tariff",
    "general_request",
    "complaint",
    "shipment_issue",
];
/// TCK-1 priorities.
pub const PRIORITIES: [&str; 4] = ["low", "medium", "high", "urgent"];
/// TCK-1 statuses.
pub const STATUSES: [&str; 5] = ["open", "in_progress", "pending", "on_hold", "closed"];
/// TCK-1 outcomes of an inquiry (RFQ).
pub const OUTCOMES: [&str; 2] = ["won", "lost"];

/// TCK-1 status machine (the database enforces the same table,
/// `app.ticket_transition_allowed`): open → in_progress → pending ↔ on_hold → closed;
/// work resumes from pending or on_hold; any open state may close; only a closed ticket
/// reopens, to in_progress; nothing returns to `open`. Staying put is always allowed.
pub fn transition_allowed(from: &str, to: &str) -> bool {
    if from == to {
        return STATUSES.contains(&from);
    }
    matches!(
        (from, to),
        ("open", "in_progress" | "pending" | "on_hold" | "closed")
            | ("in_progress", "pending" | "on_hold" | "closed")
            | ("pending", "in_progress" | "on_hold" | "closed")
            | ("on_hold", "in_progress" | "pending" | "closed")
            | ("closed", "in_progress")
    )
}

/// Who changes a ticket's status and priority (their RLS scope decides which tickets):
/// super and CS admins, CS agents, Operations.
pub fn works_tickets(role: Role) -> bool {
    matches!(
        role,
        Role::SuperAdmin
            | Role::CsAdmin
            | Role::CsAgent
            | Role::OpsExim
            | Role::OpsDomestic
            | Role::OpsImportDtd
            | Role::OpsWarehouse
    )
}

/// TCK-3: assignment is for admins (super admin, CS admin).
pub fn assigns_tickets(role: Role) -> bool {
    matches!(role, Role::SuperAdmin | Role::CsAdmin)
}

/// Who reads the customer identity of tickets: everyone but Operations (TCK-5).
pub fn reads_ticket_identity(role: Role) -> bool {
    !matches!(
        role,
        Role::OpsExim | Role::OpsDomestic | Role::OpsImportDtd | Role::OpsWarehouse
    )
}

/// Who reads broadcast logs and shipments (SPEC §3): super admin, director, CS.
pub fn reads_broadcasts(role: Role) -> bool {
    matches!(
        role,
        Role::SuperAdmin | Role::Director | Role::CsAdmin | Role::CsAgent
    )
}

/// Who comments on tickets they can see: everyone but the read-only director.
pub fn comments_on_tickets(role: Role) -> bool {
    role != Role::Director
}

/// BRD-1 broadcast outcomes as n8n reports them.
pub const BROADCAST_STATUSES: [&str; 3] = ["success", "failed", "pending"];

/// Tickets n8n opens without saying which kind: a customer writing about a shipment.
pub const DEFAULT_INTAKE_TYPE: &str = "complaint";
/// The department whose queue receives tickets without a target: Customer Service.
pub const DEFAULT_DEPT: &str = "CS";

/// Who opens tickets from the SPA: everyone with a Ticketing or CRM/DSO reason to, except
/// the read-only director and Operations (they answer tickets, they do not raise them).
pub fn creates_tickets(role: Role) -> bool {
    !matches!(
        role,
        Role::Director
            | Role::OpsExim
            | Role::OpsDomestic
            | Role::OpsImportDtd
            | Role::OpsWarehouse
    )
}

/// Who may post broadcast logs with a JWT (n8n posts with a key): super and CS admins.
pub fn writes_broadcast_logs(role: Role) -> bool {
    matches!(role, Role::SuperAdmin | Role::CsAdmin)
}

/// RFQs come from the lead bundle (CRM-1), never from the ticket form or n8n.
pub fn opens_by_intake(ticket_type: &str) -> bool {
    TICKET_TYPES.contains(&ticket_type) && ticket_type != "inquiry_tariff"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_and_the_director_do_not_open_tickets() {
        let openers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| creates_tickets(*r))
            .collect();
        assert_eq!(openers.len(), 10);
        assert!(!creates_tickets(Role::Director));
        assert!(!creates_tickets(Role::OpsWarehouse));
        assert!(creates_tickets(Role::CsAgent));
    }

    #[test]
    fn only_admins_post_broadcast_logs_by_hand() {
        let writers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| writes_broadcast_logs(*r))
            .collect();
        assert_eq!(writers, vec![Role::SuperAdmin, Role::CsAdmin]);
    }

    /// Every pair of statuses against the table of SPEC TCK-1.
    #[test]
    fn the_status_machine_allows_exactly_the_table() {
        let allowed = [
            ("open", "in_progress"),
            ("open", "pending"),
            ("open", "on_hold"),
            ("open", "closed"),
            ("in_progress", "pending"),
            ("in_progress", "on_hold"),
            ("in_progress", "closed"),
            ("pending", "in_progress"),
            ("pending", "on_hold"),
            ("pending", "closed"),
            ("on_hold", "in_progress"),
            ("on_hold", "pending"),
            ("on_hold", "closed"),
            ("closed", "in_progress"),
        ];
        for from in STATUSES {
            for to in STATUSES {
                let expected = from == to || allowed.contains(&(from, to));
                assert_eq!(transition_allowed(from, to), expected, "{from} → {to}");
            }
        }
        assert!(!transition_allowed("open", "done"));
        assert!(!transition_allowed("done", "done"));
    }

    #[test]
    fn rfqs_are_not_opened_by_intake() {
        assert!(!opens_by_intake("inquiry_tariff"));
        assert!(opens_by_intake("shipment_issue"));
        assert!(!opens_by_intake("question"));
    }
}
