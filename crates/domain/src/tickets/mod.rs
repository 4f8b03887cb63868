//! Ticketing and broadcast intake rules (SPEC §4.3 TCK, §4.4 BRD; seed 004).

use crate::{closed_set, Role};

mod change;
pub use change::{check_change, TicketChange, TicketChangeInput, TicketNow};

closed_set!(
    /// TCK-1 ticket types.
    pub enum TicketType {
        InquiryTariff => "inquiry_tariff",
        GeneralRequest => "general_request",
        Complaint => "complaint",
        ShipmentIssue => "shipment_issue",
    }
);

closed_set!(
    /// TCK-1 priorities, lowest first.
    pub enum TicketPriority {
        Low => "low",
        Medium => "medium",
        High => "high",
        Urgent => "urgent",
    }
);

closed_set!(
    /// TCK-1 statuses; the allowed moves are [`TicketStatus::may_become`].
    pub enum TicketStatus {
        Open => "open",
        InProgress => "in_progress",
        Pending => "pending",
        OnHold => "on_hold",
        Closed => "closed",
    }
);

closed_set!(
    /// TCK-1 outcomes of an inquiry (RFQ).
    pub enum InquiryOutcome {
        Won => "won",
        Lost => "lost",
    }
);

closed_set!(
    /// Where a ticket came from.
    pub enum TicketSource {
        Web => "web",
        N8n => "n8n",
        Crm => "crm",
        Dso => "dso",
        Whatsapp => "whatsapp",
    }
);

closed_set!(
    /// TCK-4 state of an SLA clock (`v_ticket_sla`): met, breached, at risk (≥ 80 % of
    /// the target used), running, or paused while the ticket waits (resolution only).
    pub enum SlaState {
        Met => "met",
        Breached => "breached",
        AtRisk => "at_risk",
        Running => "running",
        Paused => "paused",
    }
);

closed_set!(
    /// TCK-4 entries of a ticket's SLA trail, written by the database's triggers.
    pub enum SlaEventType {
        Opened => "OPENED",
        StatusChange => "STATUS_CHANGE",
        Assigned => "ASSIGNED",
        PriorityChange => "PRIORITY_CHANGE",
        FirstResponse => "FIRST_RESPONSE",
        Resolved => "RESOLVED",
        Reopened => "REOPENED",
    }
);

closed_set!(
    /// BRD-1 broadcast outcomes as n8n reports them.
    pub enum BroadcastStatus {
        Success => "success",
        Failed => "failed",
        Pending => "pending",
    }
);

closed_set!(
    /// Days that are not business days in the SLA calendar.
    pub enum HolidayKind {
        National => "national",
        CollectiveLeave => "collective_leave",
    }
);

/// Transitional: the texts of the sets above for handlers that still match on text;
/// removed once every handler takes the enums.
pub const TICKET_TYPES: [&str; 4] = [
    TicketType::InquiryTariff.as_str(),
    TicketType::GeneralRequest.as_str(),
    TicketType::Complaint.as_str(),
    TicketType::ShipmentIssue.as_str(),
];
pub const PRIORITIES: [&str; 4] = [
    TicketPriority::Low.as_str(),
    TicketPriority::Medium.as_str(),
    TicketPriority::High.as_str(),
    TicketPriority::Urgent.as_str(),
];
pub const STATUSES: [&str; 5] = [
    TicketStatus::Open.as_str(),
    TicketStatus::InProgress.as_str(),
    TicketStatus::Pending.as_str(),
    TicketStatus::OnHold.as_str(),
    TicketStatus::Closed.as_str(),
];
pub const OUTCOMES: [&str; 2] = [InquiryOutcome::Won.as_str(), InquiryOutcome::Lost.as_str()];
pub const BROADCAST_STATUSES: [&str; 3] = [
    BroadcastStatus::Success.as_str(),
    BroadcastStatus::Failed.as_str(),
    BroadcastStatus::Pending.as_str(),
];

/// The names a broadcast's time comes under: `broadcast_at`, or the seed's `sent_at` and
/// `timestamp`.
pub const BROADCAST_TIME_FIELDS: [&str; 3] = ["broadcast_at", "sent_at", "timestamp"];

/// A broadcast log sent again without an `Idempotency-Key` is a retry of the earlier one
/// from the same sender when every other field is the same and its time lies within this
/// many seconds of the earlier one's: a client that takes "now" on every try (n8n's
/// `$now` in the body) moves it by the seconds between tries, and a whole Retry On Fail
/// series (5 tries, 10 s timeout, 5 s apart) takes about a minute.
pub const BROADCAST_RETRY_WINDOW_SECONDS: i32 = 600;

impl TicketStatus {
    /// TCK-1 status machine (the database enforces the same table,
    /// `app.ticket_transition_allowed`): open → in_progress → pending ↔ on_hold → closed;
    /// work resumes from pending or on_hold; any open state may close; only a closed
    /// ticket reopens, to in_progress; nothing returns to `open`. Staying put is always
    /// allowed.
    pub fn may_become(self, to: TicketStatus) -> bool {
        use TicketStatus::*;
        self == to
            || matches!(
                (self, to),
                (Open, InProgress | Pending | OnHold | Closed)
                    | (InProgress, Pending | OnHold | Closed)
                    | (Pending, InProgress | OnHold | Closed)
                    | (OnHold, InProgress | Pending | Closed)
                    | (Closed, InProgress)
            )
    }

    /// The statuses a ticket in this status may move to (itself excluded).
    pub fn next(self) -> Vec<TicketStatus> {
        Self::ALL
            .iter()
            .copied()
            .filter(|to| *to != self && self.may_become(*to))
            .collect()
    }
}

/// TCK-1 for texts: both must be statuses and the move allowed.
pub fn transition_allowed(from: &str, to: &str) -> bool {
    match (from.parse::<TicketStatus>(), to.parse::<TicketStatus>()) {
        (Ok(from), Ok(to)) => from.may_become(to),
        _ => false,
    }
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

/// Tickets n8n opens without saying which kind: a customer writing about a shipment.
pub const DEFAULT_INTAKE_TYPE: TicketType = TicketType::Complaint;
/// The department whose queue receives tickets without a target: Customer Service.
pub const DEFAULT_DEPT: crate::Department = crate::Department::Cs;

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
pub fn opens_by_intake(ticket_type: TicketType) -> bool {
    ticket_type != TicketType::InquiryTariff
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
        use TicketStatus::*;
        let allowed = [
            (Open, InProgress),
            (Open, Pending),
            (Open, OnHold),
            (Open, Closed),
            (InProgress, Pending),
            (InProgress, OnHold),
            (InProgress, Closed),
            (Pending, InProgress),
            (Pending, OnHold),
            (Pending, Closed),
            (OnHold, InProgress),
            (OnHold, Pending),
            (OnHold, Closed),
            (Closed, InProgress),
        ];
        for from in TicketStatus::ALL.iter().copied() {
            for to in TicketStatus::ALL.iter().copied() {
                let expected = from == to || allowed.contains(&(from, to));
                assert_eq!(from.may_become(to), expected, "{from} → {to}");
                assert_eq!(transition_allowed(from.as_str(), to.as_str()), expected);
            }
        }
        assert_eq!(Closed.next(), vec![InProgress]);
        assert!(!transition_allowed("open", "done"));
        assert!(!transition_allowed("done", "done"));
    }

    #[test]
    fn rfqs_are_not_opened_by_intake() {
        assert!(!opens_by_intake(TicketType::InquiryTariff));
        assert!(opens_by_intake(TicketType::ShipmentIssue));
        assert!("question".parse::<TicketType>().is_err());
    }
}
