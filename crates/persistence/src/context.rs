use std::{str::FromStr, time::Duration};

use domain::{Department, Role};
use sqlx::{
    postgres::{PgConnectOptions, PgPoolOptions},
    PgPool, Postgres, Row,
};
use uuid::Uuid;

use crate::DbError;

/// A transaction that carries a caller's identity.
pub type Tx = sqlx::Transaction<'static, Postgres>;

/// Pool settings.
#[derive(Debug, Clone)]
pub struct DbSettings {
    pub max_connections: u32,
    /// How long a request waits for a connection before it fails with 503.
    pub acquire_timeout: Duration,
    /// Upper bound of any statement of a request.
    pub statement_timeout: Duration,
}

impl Default for DbSettings {
    fn default() -> Self {
        Self {
            max_connections: 16,
            acquire_timeout: Duration::from_secs(3),
            statement_timeout: Duration::from_secs(15),
        }
    }
}

/// The connection pool of the login role. Request work reaches it only through
/// [`Db::begin`].
#[derive(Clone)]
pub struct Db {
    pub(crate) pool: PgPool,
    statement_timeout_ms: String,
}

/// Who is asking, as far as the caller can tell before the database has checked it.
#[derive(Debug, Clone)]
pub enum Identity {
    /// No credentials: login, refresh, health checks.
    Anonymous,
    /// A user the server itself vouches for (just signed in, or continuing work that a
    /// request of theirs started).
    User(Uuid),
    /// The subject of a verified access token and the session it names: the session must
    /// still be live (not logged out, not revoked by a password change or reuse).
    Session { user_id: Uuid, session_id: Uuid },
    /// The SHA-256 (hex) of a presented API key.
    ApiKey { key_hash: String },
    /// The background worker.
    Worker,
}

#[derive(Debug, Clone)]
pub struct RequestContext {
    pub identity: Identity,
    pub request_id: String,
}

impl RequestContext {
    pub fn new(identity: Identity, request_id: impl Into<String>) -> Self {
        Self {
            identity,
            request_id: request_id.into(),
        }
    }
}

/// An active user, as the database knows them at the start of the request.
#[derive(Debug, Clone)]
pub struct UserPrincipal {
    pub id: Uuid,
    pub role: Role,
    pub dept: Option<Department>,
    pub email: String,
    pub full_name: String,
    /// The session of the access token the request came with, if any.
    pub session_id: Option<Uuid>,
}

impl UserPrincipal {
    /// The identity that continues this principal's work (e.g. a long-lived stream): bound
    /// to its session when it has one, so that it ends with the session.
    pub fn identity(&self) -> Identity {
        match self.session_id {
            Some(session_id) => Identity::Session {
                user_id: self.id,
                session_id,
            },
            None => Identity::User(self.id),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ApiKeyPrincipal {
    pub id: Uuid,
    pub name: String,
    pub scopes: Vec<String>,
    /// The size of the key's token bucket, refilled over a minute.
    pub rate_limit_per_minute: u32,
}

#[derive(Debug, Clone)]
pub enum Principal {
    Anonymous,
    User(UserPrincipal),
    ApiKey(ApiKeyPrincipal),
    Worker,
}

impl Db {
    /// A pool that connects on first use, so the server starts (and reports 503) while the
    /// database is down.
    pub fn connect_lazy(options: PgConnectOptions, settings: &DbSettings) -> Self {
        let pool = PgPoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.acquire_timeout)
            .connect_lazy_with(options);
        Self::from_pool(pool, settings)
    }

    pub fn from_pool(pool: PgPool, settings: &DbSettings) -> Self {
        Self {
            pool,
            statement_timeout_ms: settings.statement_timeout.as_millis().to_string(),
        }
    }

    /// Opens a transaction running as the caller: `SET LOCAL ROLE` to the caller's
    /// database role and `app.*` settings for user, department and request id, in one
    /// round trip after `BEGIN`. Fails with [`DbError::Unauthenticated`] when the user is
    /// unknown or deactivated, or the API key unknown or revoked.
    #[tracing::instrument(name = "db.begin", skip_all, fields(request_id = %ctx.request_id))]
    pub async fn begin(&self, ctx: &RequestContext) -> Result<(Tx, Principal), DbError> {
        let mut tx = self.pool.begin().await?;
        let principal = match &ctx.identity {
            Identity::Anonymous => {
                self.set_fixed_role(&mut tx, "cc_anon", &ctx.request_id)
                    .await?;
                Principal::Anonymous
            }
            Identity::Worker => {
                self.set_fixed_role(&mut tx, "cc_worker", &ctx.request_id)
                    .await?;
                Principal::Worker
            }
            Identity::User(user_id) => Principal::User(
                self.set_user(&mut tx, *user_id, None, &ctx.request_id)
                    .await?,
            ),
            Identity::Session {
                user_id,
                session_id,
            } => Principal::User(
                self.set_user(&mut tx, *user_id, Some(*session_id), &ctx.request_id)
                    .await?,
            ),
            Identity::ApiKey { key_hash } => {
                Principal::ApiKey(self.set_api_key(&mut tx, key_hash, &ctx.request_id).await?)
            }
        };
        Ok((tx, principal))
    }

    async fn set_fixed_role(
        &self,
        tx: &mut Tx,
        role: &str,
        request_id: &str,
    ) -> Result<(), DbError> {
        sqlx::query(
            "select set_config('statement_timeout', $1, true), set_config('app.request_id', $2, true), \
                    set_config('role', $3, true)",
        )
        .bind(&self.statement_timeout_ms)
        .bind(request_id)
        .bind(role)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    async fn set_user(
        &self,
        tx: &mut Tx,
        user_id: Uuid,
        session_id: Option<Uuid>,
        request_id: &str,
    ) -> Result<UserPrincipal, DbError> {
        let row = sqlx::query(
            "select p.user_id, p.role_name, p.dept_code, p.email, p.full_name, \
                    set_config('statement_timeout', $2, true), \
                    set_config('app.user_id', p.user_id::text, true), \
                    set_config('app.role', p.role_name, true), \
                    set_config('app.dept', coalesce(p.dept_code, ''), true), \
                    set_config('app.request_id', $3, true), \
                    set_config('role', 'cc_' || p.role_name, true) \
               from app.auth_principal($1) p \
              where $4::uuid is null or app.auth_session_active($1, $4)",
        )
        .bind(user_id)
        .bind(&self.statement_timeout_ms)
        .bind(request_id)
        .bind(session_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::Unauthenticated)?;
        let role_name: String = row.try_get("role_name")?;
        let dept_code: Option<String> = row.try_get("dept_code")?;
        Ok(UserPrincipal {
            id: row.try_get("user_id")?,
            role: Role::from_str(&role_name).map_err(|_| DbError::Unauthenticated)?,
            dept: dept_code.and_then(|code| code.parse().ok()),
            email: row.try_get("email")?,
            full_name: row.try_get("full_name")?,
            session_id,
        })
    }

    async fn set_api_key(
        &self,
        tx: &mut Tx,
        key_hash: &str,
        request_id: &str,
    ) -> Result<ApiKeyPrincipal, DbError> {
        let row = sqlx::query(
            "select k.api_key_id, k.name, k.scopes, k.rate_limit_per_minute, \
                    set_config('statement_timeout', $2, true), \
                    set_config('app.api_key_id', k.api_key_id::text, true), \
                    set_config('app.role', 'integration', true), \
                    set_config('app.request_id', $3, true), \
                    set_config('role', 'cc_integration', true) \
               from app.auth_api_key($1) k",
        )
        .bind(key_hash)
        .bind(&self.statement_timeout_ms)
        .bind(request_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::Unauthenticated)?;
        Ok(ApiKeyPrincipal {
            id: row.try_get("api_key_id")?,
            name: row.try_get("name")?,
            scopes: row.try_get("scopes")?,
            rate_limit_per_minute: u32::try_from(row.try_get::<i32, _>("rate_limit_per_minute")?)
                .unwrap_or(1),
        })
    }

    /// Closes the pool (graceful shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
