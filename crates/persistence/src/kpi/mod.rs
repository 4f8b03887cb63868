//! KPI engine (SPEC §4.6): metric definitions, targets (with the overlap conflict), manual
//! and imported entries, and the actuals of the registry `app.kpi_actual` — all under the
//! caller's row-level security.

pub mod actuals;
pub mod closes;
pub mod definitions;
pub mod entries;
pub mod scorecard;
pub mod targets;
pub mod targets_bulk;

use domain::kpi::assignee::Assignee;

/// The stored columns of an assignee: kind, user (or team manager), department.
pub(crate) fn assignee_columns(
    a: Assignee,
) -> (&'static str, Option<uuid::Uuid>, Option<&'static str>) {
    (
        domain::ClosedSet::as_str(a.kind()),
        a.user_id(),
        a.dept().map(domain::Department::code),
    )
}
