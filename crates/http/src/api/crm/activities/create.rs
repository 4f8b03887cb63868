//! POST /activities: logs an activity (CRM-4) with the follow-up task its next action
//! asks for (CRM-5).

use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use domain::{
    crm::{
        activity::{is_evidence_bucket, ActivityInput, Link, LogActivity},
        CrmAccess,
    },
    FieldErrors,
};
use persistence::{
    crm::{
        activities::{self, NewActivity, Subject},
        follow_ups,
    },
    Tx,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    api::crm::require_role,
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

use super::dto::*;

/// Logs an activity. Give one of customer_id, prospect_id, lead_id. A visit that
/// happened (no `scheduled_at`) needs `evidence_file_id` (a photo uploaded to
/// `prospect-evidence`) and `latitude`/`longitude`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateActivityRequest {
    /// visit, call, meeting, email or whatsapp.
    #[serde(rename = "type")]
    #[schema(rename = "type", example = "call")]
    #[schema(value_type = Option<domain::crm::ActivityType>)]
    pub activity_type: Option<String>,
    pub subject: Option<String>,
    pub notes: Option<String>,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    /// Whom the activity is for (default: yourself; sales support and managers log for
    /// their team).
    pub owner_user_id: Option<Uuid>,
    /// A planned activity's time; without it the activity happened now.
    pub scheduled_at: Option<DateTime<Utc>>,
    pub evidence_file_id: Option<Uuid>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// The follow-up; with `next_action_at` it becomes a task with a reminder.
    pub next_action: Option<String>,
    pub next_action_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedActivity {
    #[serde(flatten)]
    pub activity: Activity,
    /// The follow-up task created from `next_action`, if any.
    pub task_id: Option<Uuid>,
}

/// The request checked against the rules of CRM-4, every broken rule at once.
impl TryFrom<CreateActivityRequest> for LogActivity {
    type Error = FieldErrors;

    fn try_from(b: CreateActivityRequest) -> Result<Self, FieldErrors> {
        LogActivity::parse(ActivityInput {
            activity_type: b.activity_type,
            subject: b.subject,
            notes: b.notes,
            customer_id: b.customer_id,
            prospect_id: b.prospect_id,
            lead_id: b.lead_id,
            owner_user_id: b.owner_user_id,
            scheduled_at: b.scheduled_at,
            evidence_file_id: b.evidence_file_id,
            latitude: b.latitude,
            longitude: b.longitude,
            next_action: b.next_action,
            next_action_at: b.next_action_at,
        })
    }
}

/// Logs an activity (CRM-4). Accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    request_body = CreateActivityRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "Logged", body = CreatedActivity),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not log activities, or not for this owner", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/activities")]
#[tracing::instrument(name = "POST /activities", skip_all)]
pub async fn create_activity(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreateActivityRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::logs_activities)?;
    let activity = LogActivity::try_from(body.value).map_err(ApiError::Validation)?;
    let owner = activity.owner_user_id.unwrap_or(user.id);
    let subject = subject_in_scope(&mut tx, activity.link, owner).await?;
    check_evidence(&mut tx, activity.evidence_file_id).await?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let new = record(&activity, &subject, owner, user.id);
    let logged = follow_ups::log_activity(&mut tx, &new, activity.follow_up().as_ref()).await?;
    let created = CreatedActivity {
        activity: logged.activity.into(),
        task_id: logged.task_id,
    };
    let response = idem.respond(&mut tx, StatusCode::CREATED, &created).await?;
    persistence::commit(tx).await?;
    Ok(response)
}

/// The customer, prospect and lead the given ids name, as the caller sees them on behalf
/// of `owner` (422 when they name nothing in scope). Tasks resolve theirs the same way.
pub(crate) async fn subject_in_scope(tx: &mut Tx, link: Link, owner: Uuid) -> ApiResult<Subject> {
    activities::resolve_subject(tx, link.customer_id, link.prospect_id, link.lead_id, owner)
        .await?
        .ok_or_else(|| {
            ApiError::validation(
                "customer_id",
                "no such customer, prospect or lead in your scope",
            )
        })
}

/// 422 unless the evidence, when given, is a file the caller may read in the evidence
/// bucket.
async fn check_evidence(tx: &mut Tx, file_id: Option<Uuid>) -> ApiResult<()> {
    let Some(file_id) = file_id else {
        return Ok(());
    };
    let file = persistence::files::get(tx, file_id).await.ok();
    if file.is_none_or(|f| !is_evidence_bucket(&f.bucket)) {
        return Err(ApiError::validation(
            "evidence_file_id",
            "must be a photo you uploaded to prospect-evidence",
        ));
    }
    Ok(())
}

/// The row to insert: the checked activity on the resolved subject, with the visit's
/// distance from the customer.
fn record(activity: &LogActivity, subject: &Subject, owner: Uuid, by: Uuid) -> NewActivity {
    NewActivity {
        activity_type: activity.activity_type.as_str().to_owned(),
        subject: activity.subject.clone(),
        notes: activity.notes.clone(),
        customer_id: subject.customer_id,
        prospect_id: subject.prospect_id,
        lead_id: subject.lead_id,
        owner_user_id: owner,
        scheduled_at: activity.scheduled_at,
        evidence_file_id: activity.evidence_file_id,
        point: activity.point,
        distance_m: activity.distance_from(subject.latitude, subject.longitude),
        next_action: activity.next_action.clone(),
        next_action_at: activity.next_action_at,
        created_by: by,
    }
}
