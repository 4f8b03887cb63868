//! Sales activities (CRM-4): minimal logging; a visit carries a photo and GPS; the
//! server stamps the time; a next action becomes a follow-up task (CRM-5).

use actix_web::{delete, get, http::StatusCode, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    crm::{distance_m, parse_point, ActivityType, CrmAccess},
    FieldErrors,
};
use persistence::crm::{
    activities::{self, ActivityChanges, ActivityFilter, ActivityRow, NewActivity},
    tasks::{self, NewTask},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{bounded, owner_filter, require_crm, require_role, sql_sort, text};
use crate::{
    api::{page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

/// The bucket visit photos live in.
pub const EVIDENCE_BUCKET: &str = "prospect-evidence";

#[derive(Debug, Serialize, ToSchema)]
pub struct Activity {
    pub id: Uuid,
    /// visit, call, meeting, email, whatsapp, or system (written by the application).
    pub activity_type: String,
    pub subject: String,
    pub notes: String,
    pub customer_id: Uuid,
    pub customer_name: Option<String>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub owner_user_id: Option<Uuid>,
    pub owner_name: Option<String>,
    /// Stamped by the server when the activity was logged.
    pub occurred_at: DateTime<Utc>,
    /// A planned activity's time.
    pub scheduled_at: Option<DateTime<Utc>>,
    /// The visit photo; download through `GET /files/{id}`.
    pub evidence_file_id: Option<Uuid>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Metres between the visit's GPS point and the customer's location, when known.
    pub distance_m: Option<f64>,
    pub next_action: Option<String>,
    pub next_action_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ActivityRow> for Activity {
    fn from(r: ActivityRow) -> Self {
        Self {
            id: r.id,
            activity_type: r.activity_type,
            subject: r.subject,
            notes: r.notes,
            customer_id: r.customer_id,
            customer_name: r.customer_name,
            prospect_id: r.prospect_id,
            lead_id: r.lead_id,
            owner_user_id: r.owner_user_id,
            owner_name: r.owner_name,
            occurred_at: r.occurred_at,
            scheduled_at: r.scheduled_at,
            evidence_file_id: r.evidence_file_id,
            latitude: r.latitude,
            longitude: r.longitude,
            distance_m: r.distance_m,
            next_action: r.next_action,
            next_action_at: r.next_action_at,
            created_by: r.created_by,
            deleted_at: r.deleted_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActivityQuery {
    pub q: Option<String>,
    /// Comma-separated types (visit, call, meeting, email, whatsapp, system).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub activity_type: Option<String>,
    /// Owner: a user id or `me`.
    pub owner: Option<String>,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Include the system's own entries (default true).
    pub include_system: Option<bool>,
    pub deleted: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// occurred_at, scheduled_at, activity_type, created_at.
    pub sort: Option<String>,
}

impl ActivityQuery {
    pub fn filter(&self, user: &persistence::UserPrincipal) -> ApiResult<ActivityFilter> {
        let types = self
            .activity_type
            .as_deref()
            .map(|raw| {
                raw.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(|t| {
                        if t == "system" {
                            Ok(t.to_owned())
                        } else {
                            t.parse::<ActivityType>()
                                .map(|a| a.as_str().to_owned())
                                .map_err(|m| ApiError::validation("type", m.to_string()))
                        }
                    })
                    .collect::<ApiResult<Vec<_>>>()
            })
            .transpose()?
            .unwrap_or_default();
        Ok(ActivityFilter {
            q: text(self.q.clone()),
            activity_type: types,
            owner_user_id: owner_filter("owner", self.owner.as_deref(), user.id)?,
            customer_id: self.customer_id,
            prospect_id: self.prospect_id,
            lead_id: self.lead_id,
            from: self.from,
            to: self.to,
            include_system: self.include_system.unwrap_or(true),
            deleted: self.deleted.unwrap_or(false),
        })
    }
}

/// Lists activities in the caller's scope.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(ActivityQuery),
    responses(
        (status = 200, description = "A page of activities", body = ListBody<Activity>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filter, paging or sort", body = ErrorBody),
    )
)]
#[get("/activities")]
#[tracing::instrument(name = "GET /activities", skip_all)]
pub async fn list_activities(
    ctx: UserTx,
    query: web::Query<ActivityQuery>,
) -> ApiResult<web::Json<ListBody<Activity>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), activities::SORT)?;
    let filter = query.filter(&user)?;
    let rows = activities::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Activity::from)))
}

/// Logs an activity. Give one of customer_id, prospect_id, lead_id. A visit that
/// happened (no `scheduled_at`) needs `evidence_file_id` (a photo uploaded to
/// `prospect-evidence`) and `latitude`/`longitude`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateActivityRequest {
    /// visit, call, meeting, email or whatsapp.
    #[serde(rename = "type")]
    #[schema(rename = "type", example = "call")]
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
    let b = body.value;
    let mut errors = FieldErrors::new();
    let activity_type = match text(b.activity_type) {
        None => {
            errors.add("type", "is required");
            None
        }
        Some(raw) => errors.take("type", raw.parse::<ActivityType>()),
    };
    let subject = bounded(&mut errors, "subject", b.subject, 300, true);
    let notes = bounded(&mut errors, "notes", b.notes, 4000, false).unwrap_or_default();
    let point = errors
        .take("latitude", parse_point(b.latitude, b.longitude))
        .flatten();
    let next_action = bounded(&mut errors, "next_action", b.next_action, 300, false);
    if b.customer_id.is_none() && b.prospect_id.is_none() && b.lead_id.is_none() {
        errors.add(
            "customer_id",
            "give one of customer_id, prospect_id, lead_id",
        );
    }
    if activity_type == Some(ActivityType::Visit) && b.scheduled_at.is_none() {
        if b.evidence_file_id.is_none() {
            errors.add("evidence_file_id", "a visit needs a photo");
        }
        if point.is_none() {
            errors.add("latitude", "a visit needs the GPS location");
        }
    }
    if b.next_action_at.is_some() && next_action.is_none() {
        errors.add("next_action", "is required with next_action_at");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let activity_type =
        activity_type.ok_or_else(|| ApiError::Internal("activity invariant".to_owned()))?;

    let owner = b.owner_user_id.unwrap_or(user.id);
    let subject_of =
        activities::resolve_subject(&mut tx, b.customer_id, b.prospect_id, b.lead_id, owner)
            .await?
            .ok_or_else(|| {
                ApiError::validation(
                    "customer_id",
                    "no such customer, prospect or lead in your scope",
                )
            })?;
    if let Some(file_id) = b.evidence_file_id {
        let file = persistence::files::get(&mut tx, file_id).await.ok();
        if file.is_none_or(|f| f.bucket != EVIDENCE_BUCKET) {
            return Err(ApiError::validation(
                "evidence_file_id",
                "must be a photo you uploaded to prospect-evidence",
            ));
        }
    }
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let distance = match (point, subject_of.latitude, subject_of.longitude) {
        (Some(at), Some(lat), Some(lng)) => Some(distance_m(at, (lat, lng)).round()),
        _ => None,
    };
    let id = activities::insert(
        &mut tx,
        &NewActivity {
            activity_type: activity_type.as_str().to_owned(),
            subject: subject.unwrap_or_default(),
            notes,
            customer_id: subject_of.customer_id,
            prospect_id: subject_of.prospect_id,
            lead_id: subject_of.lead_id,
            owner_user_id: owner,
            scheduled_at: b.scheduled_at,
            evidence_file_id: b.evidence_file_id,
            point,
            distance_m: distance,
            next_action: next_action.clone(),
            next_action_at: b.next_action_at,
            created_by: user.id,
        },
    )
    .await?;
    let task_id = match (next_action, b.next_action_at) {
        (Some(title), Some(due_at)) => Some(
            tasks::insert(
                &mut tx,
                &NewTask {
                    title,
                    description: String::new(),
                    due_at,
                    remind_at: Some(due_at - chrono::Duration::hours(1)),
                    owner_user_id: owner,
                    customer_id: Some(subject_of.customer_id),
                    prospect_id: subject_of.prospect_id,
                    lead_id: subject_of.lead_id,
                    activity_id: Some(id),
                    created_by: user.id,
                },
            )
            .await?,
        ),
        _ => None,
    };
    let row = activities::get(&mut tx, id).await?;
    let response = idem
        .respond(
            &mut tx,
            StatusCode::CREATED,
            &CreatedActivity {
                activity: row.into(),
                task_id,
            },
        )
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}

/// One activity.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Activity id")),
    responses(
        (status = 200, description = "The activity", body = Activity),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 404, description = "No such activity in your scope", body = ErrorBody),
    )
)]
#[get("/activities/{id}")]
#[tracing::instrument(name = "GET /activities/{id}", skip_all)]
pub async fn get_activity(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Activity>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let row = activities::get(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateActivityRequest {
    pub subject: Option<String>,
    pub notes: Option<String>,
    pub scheduled_at: Option<DateTime<Utc>>,
}

/// Edits a hand-logged activity (system entries cannot be edited).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Activity id")),
    request_body = UpdateActivityRequest,
    responses(
        (status = 200, description = "The changed activity", body = Activity),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not log activities", body = ErrorBody),
        (status = 404, description = "No such editable activity in your scope", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[patch("/activities/{id}")]
#[tracing::instrument(name = "PATCH /activities/{id}", skip_all)]
pub async fn update_activity(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateActivityRequest>,
) -> ApiResult<web::Json<Activity>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::logs_activities)?;
    let b = body.value;
    let mut errors = FieldErrors::new();
    let changes = ActivityChanges {
        subject: b
            .subject
            .and_then(|v| bounded(&mut errors, "subject", Some(v), 300, true)),
        notes: b
            .notes
            .map(|v| bounded(&mut errors, "notes", Some(v), 4000, false).unwrap_or_default()),
        scheduled_at: b.scheduled_at.map(Some),
    };
    errors.into_result().map_err(ApiError::Validation)?;
    let row = activities::update(&mut tx, id.into_inner(), &changes).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

/// Soft-deletes a hand-logged activity.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Activity id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not log activities", body = ErrorBody),
        (status = 404, description = "No such editable activity in your scope", body = ErrorBody),
    )
)]
#[delete("/activities/{id}")]
#[tracing::instrument(name = "DELETE /activities/{id}", skip_all)]
pub async fn delete_activity(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::logs_activities)?;
    activities::set_deleted(&mut tx, id.into_inner(), true).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Restores a soft-deleted activity (managers).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Activity id")),
    responses(
        (status = 200, description = "The restored activity", body = Activity),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only managers restore", body = ErrorBody),
        (status = 404, description = "No such deleted activity in your scope", body = ErrorBody),
    )
)]
#[post("/activities/{id}/restore")]
#[tracing::instrument(name = "POST /activities/{id}/restore", skip_all)]
pub async fn restore_activity(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Activity>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::manages)?;
    let id = id.into_inner();
    activities::set_deleted(&mut tx, id, false).await?;
    let row = activities::get(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_activities)
        .service(create_activity)
        .service(get_activity)
        .service(update_activity)
        .service(delete_activity)
        .service(restore_activity);
}
