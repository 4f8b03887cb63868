//! News (NEWS-1): the feed (pinned first, then newest), one post, and the writes of the
//! administrators — all under the caller's row-level security, which hides drafts,
//! scheduled posts and other audiences' posts from readers.

use chrono::{DateTime, Utc};
use domain::{
    list::PageRequest,
    news::{NewPost, NewsState, PostPatch},
    ClosedSet, Role,
};
use uuid::Uuid;

use crate::{DbError, Page, Tx};

/// A post as stored, with its author's name.
#[derive(Debug, Clone)]
pub struct NewsRow {
    pub id: Uuid,
    pub title: String,
    pub body: String,
    pub published_at: Option<DateTime<Utc>>,
    pub pinned: bool,
    pub audience_roles: Vec<String>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub updated_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl NewsRow {
    /// The audience as roles (the database keeps only known role names).
    pub fn audience(&self) -> Vec<Role> {
        self.audience_roles
            .iter()
            .filter_map(|r| r.parse().ok())
            .collect()
    }
}

fn role_names(roles: &[Role]) -> Vec<String> {
    roles.iter().map(|r| r.as_str().to_owned()).collect()
}

macro_rules! select_news {
    ($where:literal, $($arg:expr),* $(,)?) => {
        sqlx::query_as!(
            NewsRow,
            r#"select n.id, n.title, n.body, n.published_at, n.pinned, n.audience_roles,
                      n.created_by, p.full_name as "created_by_name?", n.updated_by,
                      n.created_at, n.updated_at
                 from news n
                 left join profiles p on p.id = n.created_by
                where n.deleted_at is null and "# + $where,
            $($arg),*
        )
    };
}

/// The posts the caller may read (an administrator: also drafts and scheduled ones),
/// optionally of one state; pinned first, then newest.
pub async fn list(
    tx: &mut Tx,
    state: Option<NewsState>,
    page: PageRequest,
) -> Result<Page<NewsRow>, DbError> {
    let state = state.map(ClosedSet::as_str);
    let rows = select_news!(
        r#"($1::text is null
            or ($1 = 'draft' and n.published_at is null)
            or ($1 = 'scheduled' and n.published_at > now())
            or ($1 = 'published' and n.published_at <= now()))
         order by n.pinned desc, coalesce(n.published_at, n.created_at) desc, n.id
         limit $2 offset $3"#,
        state,
        page.limit(),
        page.offset(),
    )
    .fetch_all(&mut **tx)
    .await?;
    let total = sqlx::query_scalar!(
        r#"select count(*) as "n!" from news n
            where n.deleted_at is null
              and ($1::text is null
                   or ($1 = 'draft' and n.published_at is null)
                   or ($1 = 'scheduled' and n.published_at > now())
                   or ($1 = 'published' and n.published_at <= now()))"#,
        state,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(Page {
        rows,
        total,
        capped: false,
    })
}

/// One post the caller may read.
pub async fn get(tx: &mut Tx, id: Uuid) -> Result<NewsRow, DbError> {
    select_news!("n.id = $1", id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)
}

/// Writes a new post by `author`.
pub async fn create(tx: &mut Tx, post: &NewPost, author: Uuid) -> Result<NewsRow, DbError> {
    let id = sqlx::query_scalar!(
        "insert into news (title, body, published_at, pinned, audience_roles, created_by, updated_by)
         values ($1, $2, $3, $4, $5, $6, $6) returning id",
        post.title,
        post.body,
        post.published_at,
        post.pinned,
        &role_names(&post.audience),
        author,
    )
    .fetch_one(&mut **tx)
    .await?;
    get(tx, id).await
}

/// Changes the fields of `patch` of a post that is not deleted.
pub async fn update(
    tx: &mut Tx,
    id: Uuid,
    patch: &PostPatch,
    editor: Uuid,
) -> Result<NewsRow, DbError> {
    let audience = patch.audience.as_deref().map(role_names);
    sqlx::query_scalar!(
        "update news set
            title = coalesce($2, title),
            body = coalesce($3, body),
            published_at = case when $4 then $5 else published_at end,
            pinned = coalesce($6, pinned),
            audience_roles = coalesce($7, audience_roles),
            updated_by = $8
          where id = $1 and deleted_at is null
          returning id",
        id,
        patch.title,
        patch.body,
        patch.published_at.is_some(),
        patch.published_at.flatten(),
        patch.pinned,
        audience.as_deref(),
        editor,
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)?;
    get(tx, id).await
}

/// Soft-deletes a post: gone for every reader, kept for the audit trail.
pub async fn delete(tx: &mut Tx, id: Uuid, editor: Uuid) -> Result<(), DbError> {
    sqlx::query_scalar!(
        "update news set deleted_at = now(), deleted_by = $2, updated_by = $2
          where id = $1 and deleted_at is null
          returning id",
        id,
        editor,
    )
    .fetch_optional(&mut **tx)
    .await?
    .map(|_| ())
    .ok_or(DbError::NotFound)
}
