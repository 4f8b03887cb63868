//! The news module's response bodies.

use chrono::{DateTime, Utc};
use domain::{
    news::{markdown, NewsState},
    Role,
};
use persistence::news::NewsRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A news post (NEWS-1).
#[derive(Debug, Serialize, ToSchema)]
pub struct News {
    pub id: Uuid,
    pub title: String,
    /// The Markdown as written.
    pub body: String,
    /// The body rendered and sanitised: no raw HTML, scripts, event handlers or
    /// `javascript:` links survive. Safe to insert as HTML.
    pub body_html: String,
    /// Null: a draft; a time still to come: scheduled (hidden from readers until then).
    pub published_at: Option<DateTime<Utc>>,
    pub state: NewsState,
    pub pinned: bool,
    /// The roles that read the post; empty = every role.
    pub audience_roles: Vec<Role>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub updated_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<NewsRow> for News {
    fn from(n: NewsRow) -> Self {
        Self {
            body_html: markdown::render(&n.body),
            state: NewsState::of(n.published_at, Utc::now()),
            audience_roles: n.audience(),
            id: n.id,
            title: n.title,
            body: n.body,
            published_at: n.published_at,
            pinned: n.pinned,
            created_by: n.created_by,
            created_by_name: n.created_by_name,
            updated_by: n.updated_by,
            created_at: n.created_at,
            updated_at: n.updated_at,
        }
    }
}

/// A body rendered as readers will see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct NewsPreview {
    pub body_html: String,
}
