//! Users (table `profiles`), AUTH-3.

use chrono::{DateTime, Utc};
use domain::list::{Direction, PageRequest, SortKey};
use domain::{Department, Role};
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{DbError, Page, Stored, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct UserRow {
    pub id: Uuid,
    pub email: String,
    pub full_name: String,
    pub role_name: Stored<Role>,
    pub dept_code: Option<Stored<Department>>,
    pub manager_user_id: Option<Uuid>,
    pub manager_name: Option<String>,
    pub is_active: bool,
    pub language: String,
    pub last_login_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const SELECT_USER: &str =
    "select p.id, p.email::text as email, p.full_name, p.role_name, p.dept_code, \
       p.manager_user_id, m.full_name as manager_name, p.is_active, p.language, p.last_login_at, \
       p.created_at, p.updated_at \
  from profiles p left join profiles m on m.id = p.manager_user_id";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserSort {
    FullName,
    Email,
    Role,
    Dept,
    CreatedAt,
    LastLoginAt,
}

impl UserSort {
    pub const ALLOWED: &'static [(&'static str, UserSort)] = &[
        ("full_name", Self::FullName),
        ("email", Self::Email),
        ("role", Self::Role),
        ("dept", Self::Dept),
        ("created_at", Self::CreatedAt),
        ("last_login_at", Self::LastLoginAt),
    ];

    fn column(self) -> &'static str {
        match self {
            Self::FullName => "p.full_name",
            Self::Email => "p.email",
            Self::Role => "p.role_name",
            Self::Dept => "p.dept_code",
            Self::CreatedAt => "p.created_at",
            Self::LastLoginAt => "p.last_login_at",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    /// Text search over name and e-mail.
    pub q: Option<String>,
    pub role: Option<String>,
    pub dept: Option<String>,
    pub is_active: Option<bool>,
    pub manager_user_id: Option<Uuid>,
}

fn push_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a UserFilter) {
    query.push(" where true");
    if let Some(q) = filter.q.as_deref() {
        let pattern = format!("%{}%", escape_like(q));
        query
            .push(" and (p.full_name ilike ")
            .push_bind(pattern.clone());
        query
            .push(" or p.email::text ilike ")
            .push_bind(pattern)
            .push(")");
    }
    if let Some(role) = &filter.role {
        query.push(" and p.role_name = ").push_bind(role);
    }
    if let Some(dept) = &filter.dept {
        query.push(" and p.dept_code = ").push_bind(dept);
    }
    if let Some(active) = filter.is_active {
        query.push(" and p.is_active = ").push_bind(active);
    }
    if let Some(manager) = filter.manager_user_id {
        query.push(" and p.manager_user_id = ").push_bind(manager);
    }
}

/// Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern.
pub fn escape_like(raw: &str) -> String {
    raw.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

pub async fn list(
    tx: &mut Tx,
    filter: &UserFilter,
    page: PageRequest,
    sort: &[SortKey<UserSort>],
) -> Result<Page<UserRow>, DbError> {
    let mut count = QueryBuilder::new("select count(*) from profiles p");
    push_filter(&mut count, filter);
    let total: i64 = count.build_query_scalar().fetch_one(&mut **tx).await?;

    let mut query = QueryBuilder::new(SELECT_USER);
    push_filter(&mut query, filter);
    query.push(" order by ");
    for key in sort {
        let direction = match key.direction {
            Direction::Asc => " asc nulls last, ",
            Direction::Desc => " desc nulls last, ",
        };
        query.push(key.field.column()).push(direction);
    }
    query.push("p.full_name asc, p.id asc limit ");
    query
        .push_bind(page.limit())
        .push(" offset ")
        .push_bind(page.offset());
    let rows = query.build_query_as().fetch_all(&mut **tx).await?;
    Ok(Page {
        rows,
        total,
        capped: false,
    })
}

pub async fn get(tx: &mut Tx, id: Uuid) -> Result<UserRow, DbError> {
    Ok(sqlx::query_as!(
        UserRow,
        r#"select p.id as "id!", p.email::text as "email!", p.full_name as "full_name!", p.role_name as "role_name!: Stored<Role>", p.dept_code as "dept_code?: Stored<Department>",
       p.manager_user_id as "manager_user_id?", m.full_name as "manager_name?", p.is_active as "is_active!", p.language as "language!", p.last_login_at as "last_login_at?",
       p.created_at as "created_at!", p.updated_at as "updated_at!"
  from profiles p left join profiles m on m.id = p.manager_user_id where p.id = $1"#,
        id,
    )
    .fetch_one(&mut **tx)
    .await?)
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub full_name: String,
    pub role_name: String,
    pub dept_code: Option<String>,
    pub manager_user_id: Option<Uuid>,
    pub password_hash: String,
    pub language: String,
    pub created_by: Option<Uuid>,
}

pub async fn insert(tx: &mut Tx, user: &NewUser) -> Result<UserRow, DbError> {
    let id: Uuid = sqlx::query_scalar!(
        "insert into profiles (email, full_name, role_name, dept_code, manager_user_id, password_hash, \
                               language, created_by) \
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
        user.email,
        user.full_name,
        user.role_name,
        user.dept_code,
        user.manager_user_id,
        user.password_hash,
        user.language,
        user.created_by,
    )
    .fetch_one(&mut **tx)
    .await?;
    get(tx, id).await
}

/// Administrative changes; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct UserChanges {
    pub full_name: Option<String>,
    pub email: Option<String>,
    pub role_name: Option<String>,
    pub dept_code: Option<Option<String>>,
    pub manager_user_id: Option<Option<Uuid>>,
    pub is_active: Option<bool>,
    pub language: Option<String>,
}

impl UserChanges {
    pub fn is_empty(&self) -> bool {
        self.full_name.is_none()
            && self.email.is_none()
            && self.role_name.is_none()
            && self.dept_code.is_none()
            && self.manager_user_id.is_none()
            && self.is_active.is_none()
            && self.language.is_none()
    }
}

/// Applies `changes`; [`DbError::NotFound`] when the row is not visible or not
/// updatable for the caller.
pub async fn update(tx: &mut Tx, id: Uuid, changes: &UserChanges) -> Result<UserRow, DbError> {
    if changes.is_empty() {
        return get(tx, id).await;
    }
    let mut query = QueryBuilder::<Postgres>::new("update profiles set ");
    let mut set = query.separated(", ");
    if let Some(full_name) = &changes.full_name {
        set.push("full_name = ").push_bind_unseparated(full_name);
    }
    if let Some(email) = &changes.email {
        set.push("email = ").push_bind_unseparated(email);
    }
    if let Some(role) = &changes.role_name {
        set.push("role_name = ").push_bind_unseparated(role);
    }
    if let Some(dept) = &changes.dept_code {
        set.push("dept_code = ").push_bind_unseparated(dept);
    }
    if let Some(manager) = &changes.manager_user_id {
        set.push("manager_user_id = ")
            .push_bind_unseparated(*manager);
    }
    if let Some(active) = changes.is_active {
        set.push("is_active = ").push_bind_unseparated(active);
        set.push(if active {
            "deactivated_at = null"
        } else {
            "deactivated_at = coalesce(deactivated_at, now())"
        });
    }
    if let Some(language) = &changes.language {
        set.push("language = ").push_bind_unseparated(language);
    }
    query
        .push(" where id = ")
        .push_bind(id)
        .push(" returning id");
    let updated: Option<Uuid> = query.build_query_scalar().fetch_optional(&mut **tx).await?;
    match updated {
        Some(id) => get(tx, id).await,
        None => Err(DbError::NotFound),
    }
}

pub async fn set_password(tx: &mut Tx, id: Uuid, password_hash: &str) -> Result<(), DbError> {
    let result = sqlx::query!(
        "update profiles set password_hash = $2, password_changed_at = now() where id = $1",
        id,
        password_hash,
    )
    .execute(&mut **tx)
    .await?;
    if result.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

/// Whether `manager` would be a manager of `user` without a cycle (a user can't be
/// managed by someone they manage).
pub async fn creates_management_cycle(
    tx: &mut Tx,
    user: Uuid,
    manager: Uuid,
) -> Result<bool, DbError> {
    let cycle: bool = sqlx::query_scalar!(
        "with recursive chain (id, depth) as ( \
             select $2::uuid, 0 \
             union \
             select p.manager_user_id, c.depth + 1 from profiles p join chain c on p.id = c.id \
              where p.manager_user_id is not null and c.depth < 50) \
         select exists (select 1 from chain where id = $1) as \"cycle!\"",
        user,
        manager,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(cycle)
}
