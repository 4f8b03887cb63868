//! Test harness: every test gets its own database cloned from a migrated template,
//! connects through the login role `cc_app` (never a superuser) and talks to the real
//! HTTP server on a free port.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ops;

pub use ops::id_of;

use std::{str::FromStr, sync::OnceLock, time::Duration};

use domain::Role;
use http_api::{credentials::JwtKeys, rate_limit::Limiters, AppState, HttpSettings};
use persistence::{Db, DbSettings, Identity, Principal, RequestContext, Tx};
use reqwest::{Client, Method, Response};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use sqlx::{
    postgres::{PgConnectOptions, PgPoolOptions},
    Connection, PgConnection, PgPool,
};
use uuid::Uuid;

pub const JWT_SECRET: &str = "integration-test-jwt-secret-0123456789";
pub const PASSWORD: &str = "rahasia-123";
/// WA-1: the app secret direct Meta subscriptions sign with, and the handshake token.
pub const WA_APP_SECRET: &str = "test-whatsapp-app-secret";
pub const WA_VERIFY_TOKEN: &str = "test-whatsapp-verify-token";
/// WA-2: the cron endpoint's bearer secret.
pub const CRON_SECRET: &str = "test-cron-secret-0123456789";

/// Superuser connection of the test cluster: creates databases and runs migrations as the
/// owner. `TEST_DATABASE_ADMIN_URL` overrides it.
pub fn admin_options() -> PgConnectOptions {
    let url = std::env::var("TEST_DATABASE_ADMIN_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    PgConnectOptions::from_str(&url).expect("TEST_DATABASE_ADMIN_URL")
}

pub fn redis_url() -> String {
    std::env::var("TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned())
}

fn template_name() -> String {
    let mut hasher = Sha256::new();
    for migration in persistence::MIGRATOR.iter() {
        hasher.update(migration.version.to_le_bytes());
        hasher.update(&migration.checksum);
    }
    format!("cc_tpl_{}", &hex::encode(hasher.finalize())[..16])
}

async fn database_exists(conn: &mut PgConnection, name: &str) -> bool {
    sqlx::query_scalar("select exists (select 1 from pg_database where datname = $1)")
        .bind(name)
        .fetch_one(conn)
        .await
        .expect("query pg_database")
}

/// The migrated template database, created once per migration set (across processes).
async fn ensure_template() -> String {
    let name = template_name();
    let mut admin = PgConnection::connect_with(&admin_options())
        .await
        .expect("connect as admin");
    if database_exists(&mut admin, &name).await {
        return name;
    }
    sqlx::query("select pg_advisory_lock(72042)")
        .execute(&mut admin)
        .await
        .expect("lock");
    if !database_exists(&mut admin, &name).await {
        let building = format!("{name}_building");
        sqlx::query(&format!("drop database if exists {building} with (force)"))
            .execute(&mut admin)
            .await
            .expect("drop stale template");
        sqlx::query(&format!("create database {building}"))
            .execute(&mut admin)
            .await
            .expect("create template");
        let pool = PgPoolOptions::new()
            .max_connections(1)
            .connect_with(admin_options().database(&building))
            .await
            .expect("connect to template");
        persistence::MIGRATOR
            .run(&pool)
            .await
            .expect("migrate template");
        pool.close().await;
        sqlx::query(&format!("alter database {building} rename to {name}"))
            .execute(&mut admin)
            .await
            .expect("rename template");
    }
    sqlx::query("select pg_advisory_unlock(72042)")
        .execute(&mut admin)
        .await
        .expect("unlock");
    name
}

/// Options of the per-test database's login role.
pub fn login_options(database: &str) -> PgConnectOptions {
    admin_options()
        .database(database)
        .username("cc_app")
        .password("")
}

pub struct TestApp {
    pub address: String,
    pub client: Client,
    pub database: String,
    /// Superuser connection to this test's database, for setup and for looking behind RLS.
    pub owner: PgPool,
    /// The server's own pool of the login role.
    pub db: Db,
    pub jwt: JwtKeys,
    /// With [`Options::metrics_listener`]: `http://127.0.0.1:<port>` of the metrics listener.
    pub metrics_address: Option<String>,
    server: actix_web::dev::ServerHandle,
}

#[derive(Clone, Default)]
pub struct Options {
    pub redis: bool,
    /// With `redis`: this URL instead of the test Redis (e.g. a port nothing listens on).
    pub redis_url: Option<String>,
    /// Point the server at an unreachable database.
    pub unreachable_db: bool,
    /// Pool settings in place of the defaults below (e.g. a tiny pool, a short statement
    /// timeout).
    pub db_settings: Option<DbSettings>,
    pub json_limit_bytes: Option<usize>,
    pub production: bool,
    /// Serve a built SPA from this folder.
    pub frontend_dir: Option<std::path::PathBuf>,
    /// WA-1: unknown WhatsApp numbers do not become leads.
    pub no_whatsapp_leads: bool,
    /// With `redis`: the namespace of rate limits (servers given the same one share their
    /// limits); by default one of this server's own.
    pub redis_namespace: Option<String>,
    /// `METRICS_TOKEN`.
    pub metrics_token: Option<String>,
    /// Serve `/metrics` on a second listener (`METRICS_BIND_ADDR`): [`TestApp::metrics_address`].
    pub metrics_listener: bool,
    /// `REQUEST_TIMEOUT_SECONDS` (default 60 s).
    pub request_timeout: Option<Duration>,
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(Options::default()).await
    }

    pub async fn spawn_with(options: Options) -> Self {
        let template = ensure_template().await;
        let database = format!("cc_test_{}", Uuid::new_v4().simple());
        let mut admin = PgConnection::connect_with(&admin_options())
            .await
            .expect("connect as admin");
        sqlx::query(&format!("create database {database} template {template}"))
            .execute(&mut admin)
            .await
            .expect("clone template");
        admin.close().await.ok();
        let owner = PgPoolOptions::new()
            .max_connections(4)
            .connect_with(admin_options().database(&database))
            .await
            .expect("owner pool");
        let settings = options.db_settings.clone().unwrap_or(DbSettings {
            max_connections: 24,
            acquire_timeout: Duration::from_secs(if options.unreachable_db { 1 } else { 10 }),
            statement_timeout: Duration::from_secs(30),
        });
        let connect = if options.unreachable_db {
            PgConnectOptions::new()
                .host("127.0.0.1")
                .port(9)
                .username("cc_app")
                .database(&database)
        } else {
            login_options(&database)
        };
        let db = Db::connect_lazy(connect, &settings);
        let state = Self::state(db.clone(), &options);
        let jwt = state.jwt.clone();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let address = format!("http://{}", listener.local_addr().expect("address"));
        let metrics_listener = options
            .metrics_listener
            .then(|| std::net::TcpListener::bind("127.0.0.1:0").expect("bind metrics"));
        let metrics_address = metrics_listener
            .as_ref()
            .map(|l| format!("http://{}", l.local_addr().expect("metrics address")));
        let server =
            http_api::server_with_metrics(listener, metrics_listener, state, 2).expect("server");
        let handle = server.handle();
        tokio::spawn(server);
        Self {
            address,
            client: Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("client"),
            database,
            owner,
            db,
            jwt,
            metrics_address,
            server: handle,
        }
    }

    /// Application state as the server builds it; `redis` uses the test Redis.
    pub fn state(db: Db, options: &Options) -> AppState {
        let redis = options.redis.then(|| {
            deadpool_redis::Config::from_url(options.redis_url.clone().unwrap_or_else(redis_url))
                .create_pool(Some(deadpool_redis::Runtime::Tokio1))
                .expect("redis pool")
        });
        let cache = http_api::cache::Cache::new(
            redis.clone(),
            &format!("cc-test-{}", uuid::Uuid::new_v4()),
        );
        let namespace = options
            .redis_namespace
            .clone()
            .unwrap_or_else(|| format!("cc-test-{}", uuid::Uuid::new_v4()));
        AppState {
            events: http_api::events::EventHub::start(db.clone(), cache.clone()),
            cache,
            db,
            jwt: JwtKeys::new(JWT_SECRET, chrono::Duration::minutes(15)),
            limits: std::sync::Arc::new(Limiters::new(redis, &namespace)),
            settings: std::sync::Arc::new(HttpSettings {
                production: options.production,
                frontend_dir: options.frontend_dir.clone(),
                json_limit_bytes: options.json_limit_bytes.unwrap_or(1024 * 1024),
                storage_dir: std::env::temp_dir().join("cc-test-storage"),
                whatsapp: http_api::WhatsAppSettings {
                    app_secret: Some(WA_APP_SECRET.to_owned()),
                    verify_token: Some(WA_VERIFY_TOKEN.to_owned()),
                    create_leads: !options.no_whatsapp_leads,
                },
                cron_secret: Some(CRON_SECRET.to_owned()),
                metrics_token: options.metrics_token.clone(),
                request_timeout: options.request_timeout.unwrap_or(Duration::from_secs(60)),
                ..HttpSettings::default()
            }),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// Loads the demo data of `server seed --demo`.
    pub async fn seed_demo(&self) {
        assert!(server::seed::demo(&self.owner).await.expect("seed demo"));
    }

    /// Creates an active user of `role` directly in the database; password [`PASSWORD`].
    pub async fn user(&self, role: Role) -> TestUser {
        self.user_managed_by(role, None).await
    }

    pub async fn user_managed_by(&self, role: Role, manager: Option<Uuid>) -> TestUser {
        let email = format!(
            "{}-{}@test.local",
            role.as_str(),
            &Uuid::new_v4().simple().to_string()[..8]
        );
        let id: Uuid = sqlx::query_scalar(
            "insert into profiles (email, full_name, role_name, dept_code, manager_user_id, password_hash) \
             values ($1, $2, $3, $4, $5, $6) returning id",
        )
        .bind(&email)
        .bind(format!("Test {}", role.as_str()))
        .bind(role.as_str())
        .bind(role.default_department().code())
        .bind(manager)
        .bind(password_hash())
        .fetch_one(&self.owner)
        .await
        .expect("insert user");
        TestUser {
            id,
            email,
            role,
            token: self.session_token(id).await,
        }
    }

    /// An access token of a new session of `user_id` (as if they had signed in).
    pub async fn session_token(&self, user_id: Uuid) -> String {
        let session: Uuid = sqlx::query_scalar(
            "insert into refresh_tokens (user_id, family_id, token_hash, expires_at) \
             values ($1, gen_random_uuid(), $2, now() + interval '14 days') returning family_id",
        )
        .bind(user_id)
        .bind(Uuid::new_v4().to_string())
        .fetch_one(&self.owner)
        .await
        .expect("insert session");
        self.jwt.issue(user_id, session).expect("token")
    }

    /// A transaction running as `user`, exactly as a request of theirs would.
    pub async fn tx_as(&self, user: &TestUser) -> Tx {
        let ctx = RequestContext::new(Identity::User(user.id), "test");
        match self.db.begin(&ctx).await.expect("begin as user") {
            (tx, Principal::User(_)) => tx,
            _ => panic!("not a user principal"),
        }
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Response {
        let mut request = self.client.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.expect("request")
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.request(Method::GET, path, Some(token), None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Response {
        self.request(Method::POST, path, Some(token), Some(body))
            .await
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.request(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": email, "password": password})),
        )
        .await
    }

    /// Logs in and returns the session body, asserting 200.
    pub async fn session(&self, email: &str, password: &str) -> Value {
        let response = self.login(email, password).await;
        assert_eq!(response.status(), 200, "login of {email}");
        response.json().await.expect("session json")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let database = self.database.clone();
        // Stop accepting requests; dropping the database (WITH FORCE) ends every connection.
        drop(self.server.stop(false));
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build();
            if let Ok(runtime) = runtime {
                runtime.block_on(async move {
                    if let Ok(mut admin) = PgConnection::connect_with(&admin_options()).await {
                        let _ = sqlx::query(&format!(
                            "drop database if exists {database} with (force)"
                        ))
                        .execute(&mut admin)
                        .await;
                    }
                });
            }
        })
        .join()
        .ok();
    }
}

pub struct TestUser {
    pub id: Uuid,
    pub email: String,
    pub role: Role,
    pub token: String,
}

/// The argon2id hash of [`PASSWORD`], computed once per test process.
pub fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        use argon2_hash::hash;
        hash(PASSWORD)
    })
}

mod argon2_hash {
    pub fn hash(password: &str) -> String {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let password = password.to_owned();
        std::thread::spawn(move || runtime.block_on(http_api::credentials::hash_password(password)))
            .join()
            .expect("hash thread")
            .expect("hash")
    }
}

/// Reads a JSON body.
pub async fn body(response: Response) -> Value {
    response.json().await.expect("json body")
}
