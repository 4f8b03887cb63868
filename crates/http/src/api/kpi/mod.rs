//! KPI engine (SPEC §4.6): metric definitions, targets (overlaps are 409 naming the
//! target), manual and imported entries, the scorecard with achievement, status and
//! trend, the trend of one metric and the scorecard export. The KPI menu's roles read
//! what they may view; department managers set their department's targets.

mod dto;
mod entry_create;
mod entry_list;
mod export;
mod metric_list;
mod period_close;
mod period_dto;
mod period_list;
mod period_reopen;
mod scorecard;
mod scorecard_dto;
mod target_copy;
mod target_create;
mod target_delete;
mod target_list;
mod target_split;
mod target_update;
mod trend;

pub use dto::*;
pub use entry_create::*;
pub use entry_list::*;
pub use export::*;
pub use metric_list::*;
pub use period_close::*;
pub use period_dto::*;
pub use period_list::*;
pub use period_reopen::*;
pub use scorecard::*;
pub use scorecard_dto::*;
pub use target_copy::*;
pub use target_create::*;
pub use target_delete::*;
pub use target_list::*;
pub use target_split::*;
pub use target_update::*;
pub use trend::*;

use actix_web::{http::StatusCode, HttpResponse};
use domain::{
    kpi::{assignee::Assignee, period::Period},
    FieldErrors,
};
use persistence::{kpi::targets::TargetError, UserPrincipal};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult, ErrorCode};

/// 403 unless the role works with KPIs (the KPI menu, or a department's targets).
pub(crate) fn require_reader(user: &UserPrincipal) -> ApiResult<()> {
    if domain::kpi::reads_kpi(user.role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// 403 unless the role sets targets (the director writes nothing).
pub(crate) fn require_target_writer(user: &UserPrincipal) -> ApiResult<()> {
    if domain::kpi::writes_targets(user.role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Whose scorecard: at most one of these; none = your own.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScopeQuery {
    /// A user (yourself, your team's members, or your department's for its manager).
    pub assignee_user_id: Option<Uuid>,
    /// A team, named by its manager.
    pub team: Option<Uuid>,
    /// A department (its manager, the director, super admin).
    pub dept: Option<String>,
    /// The whole company (director, super admin).
    pub company: Option<bool>,
}

impl ScopeQuery {
    pub(crate) fn assignee(&self, user: &UserPrincipal) -> Result<Assignee, FieldErrors> {
        let company = self.company.unwrap_or(false);
        let given = [
            self.assignee_user_id.is_some(),
            self.team.is_some(),
            self.dept.is_some(),
            company,
        ];
        if given.iter().filter(|g| **g).count() > 1 {
            return Err(FieldErrors::single(
                "assignee",
                "give at most one of assignee_user_id, team, dept, company",
            ));
        }
        Ok(
            match (self.assignee_user_id, self.team, self.dept.as_deref()) {
                (Some(id), _, _) => Assignee::User(id),
                (_, Some(id), _) => Assignee::Team(id),
                (_, _, Some(raw)) => Assignee::Dept(
                    raw.parse()
                        .map_err(|_| FieldErrors::single("dept", "is not a department"))?,
                ),
                _ if company => Assignee::Company,
                _ => Assignee::User(user.id),
            },
        )
    }
}

/// An assignee filter of the target and entry lists: a kind with the user or department
/// it needs.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssigneeFilterQuery {
    #[param(value_type = Option<domain::kpi::AssigneeKind>)]
    pub assignee_kind: Option<String>,
    /// The user, or the team's manager.
    pub assignee_user_id: Option<Uuid>,
    pub assignee_dept: Option<String>,
}

impl AssigneeFilterQuery {
    pub(crate) fn assignee(&self) -> Result<Option<Assignee>, FieldErrors> {
        let Some(kind) = self.assignee_kind.as_deref() else {
            return Ok(None);
        };
        let mut errors = FieldErrors::new();
        let assignee = Assignee::parse(
            &mut errors,
            Some(kind),
            self.assignee_user_id,
            self.assignee_dept.as_deref(),
        );
        errors.into_result().map(|()| assignee)
    }
}

/// `period` (default: this month), checked.
pub(crate) fn parse_period(raw: Option<&str>) -> Result<Period, FieldErrors> {
    match raw.map(str::trim).filter(|p| !p.is_empty()) {
        None => Ok(Period::month_of(domain::jakarta_today())),
        Some(raw) => Period::parse(raw).map_err(|e| FieldErrors::single("period", e)),
    }
}

/// A target write's failure: 409 with the overlapping target, or the error as usual.
pub(crate) fn target_failure(err: TargetError) -> ApiResult<HttpResponse> {
    match err {
        TargetError::Overlap(found) => {
            let mut details = FieldErrors::new();
            let message = match &found {
                Some(t) => format!(
                    "overlaps the target of {} to {} for the same metric and assignee",
                    t.period_start, t.period_end
                ),
                None => "overlaps another target of the same metric and assignee".to_owned(),
            };
            details.add("period_start", message.clone());
            Ok(
                HttpResponse::build(StatusCode::CONFLICT).json(TargetConflictBody {
                    error: message,
                    code: ErrorCode::Conflict,
                    details,
                    conflicting_target: found.map(|t| Target::from(*t)),
                }),
            )
        }
        TargetError::Fields(fields) => Err(ApiError::Validation(fields)),
        TargetError::Db(db) => Err(db.into()),
    }
}

/// Registers the operations of this module (literal paths before `{id}`).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_metrics)
        .service(list_targets)
        .service(create_target)
        .service(copy_targets)
        .service(update_target)
        .service(delete_target)
        .service(split_target)
        .service(list_entries)
        .service(create_entry)
        .service(list_periods)
        .service(close_period)
        .service(reopen_period)
        .service(kpi_scorecard)
        .service(kpi_trend)
        .service(export_scorecard);
}
