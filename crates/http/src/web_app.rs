use std::{net::TcpListener, path::PathBuf, time::Duration};

use actix_cors::Cors;
use actix_web::{
    dev::{fn_service, Server, ServiceRequest, ServiceResponse},
    http::header::{self, HeaderValue},
    middleware::DefaultHeaders,
    web, App, HttpResponse, HttpServer,
};
use actix_web_prom::PrometheusMetricsBuilder;
use tracing_actix_web::TracingLogger;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::{
    compression,
    error::{self, ApiError},
    state::AppState,
};

/// Starts the HTTP server on `listener`: API under `/api/v1`, Swagger UI at `/api/docs`,
/// probes, Prometheus metrics (with `METRICS_TOKEN`), and the SPA at `/` when it has been
/// built.
pub fn server(listener: TcpListener, state: AppState, workers: usize) -> std::io::Result<Server> {
    server_with_metrics(listener, None, state, workers)
}

/// [`server`], and with `metrics_listener` (`METRICS_BIND_ADDR`, an internal address) a
/// second server there that answers only `GET /metrics`, without a token.
pub fn server_with_metrics(
    listener: TcpListener,
    metrics_listener: Option<TcpListener>,
    state: AppState,
    workers: usize,
) -> std::io::Result<Server> {
    let metrics = PrometheusMetricsBuilder::new("command_center")
        .endpoint("/metrics")
        .exclude("/healthz")
        .mask_unmatched_patterns("UNKNOWN")
        .build()
        .map_err(|err| std::io::Error::other(err.to_string()))?;
    if let Some(metrics_listener) = metrics_listener {
        let metrics = metrics.clone();
        let internal = HttpServer::new(move || {
            App::new()
                .wrap(metrics.clone())
                .default_service(web::to(|| async {
                    Err::<HttpResponse, _>(ApiError::NotFound)
                }))
        })
        .workers(1)
        .disable_signals()
        .listen(metrics_listener)?
        .run();
        tokio::spawn(internal);
    }
    let spec = crate::openapi();
    let allowed = web::Data::new(crate::allowed_methods::AllowedMethods::from_document(&spec));
    let data = web::Data::new(state);
    let server = HttpServer::new(move || {
        let settings = data.settings.clone();
        let app = App::new()
            .into_utoipa_app()
            .app_data(data.clone())
            .app_data(allowed.clone())
            .app_data(web::PayloadConfig::new(settings.json_limit_bytes))
            .app_data(web::QueryConfig::default().error_handler(error::query_error))
            .app_data(web::PathConfig::default().error_handler(error::path_error));
        let (app, _) = crate::router::mount(app).split_for_parts();
        let app = app
            .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", spec.clone()))
            .route(
                "/api/docs",
                web::get().to(|| async {
                    HttpResponse::PermanentRedirect()
                        .insert_header((header::LOCATION, "/api/docs/"))
                        .finish()
                }),
            );
        let app = match settings
            .frontend_dir
            .clone()
            .filter(|dir| dir.join("index.html").is_file())
        {
            Some(dir) => app
                .service(
                    web::resource("/assets/{name}")
                        .app_data(web::Data::new(compression::AssetDir(dir.clone())))
                        .route(web::get().to(compression::asset))
                        .route(web::head().to(compression::asset)),
                )
                .service(spa(dir)),
            None => app,
        };
        app.default_service(web::to(|req: actix_web::HttpRequest| {
            let error = crate::allowed_methods::unrouted(&req);
            async move { Err::<HttpResponse, _>(error) }
        }))
        .wrap(actix_web::middleware::from_fn(time_budget))
        .wrap(actix_web::middleware::from_fn(
            crate::text_guard::reject_invalid_text,
        ))
        .wrap(actix_web::middleware::from_fn(cache_headers))
        .wrap(actix_web::middleware::from_fn(compression::only_large_json))
        .wrap(actix_web::middleware::Compress::default())
        .wrap(actix_web::middleware::from_fn(compression::unmark_identity))
        .wrap(security_headers(settings.production))
        .wrap(cors(&settings.cors_origins))
        .wrap(metrics.clone())
        .wrap(actix_web::middleware::from_fn(guard_metrics))
        .wrap(actix_web::middleware::from_fn(request_id_header))
        .wrap(TracingLogger::default())
    })
    .workers(workers.max(1))
    // A client has 5 s (actix's default) to send the request head; the handler has the
    // time budget of `time_budget`, each statement the database's statement timeout.
    .shutdown_timeout(15)
    .listen(listener)?
    .run();
    Ok(server)
}

fn cors(origins: &[String]) -> Cors {
    origins
        .iter()
        .fold(Cors::default(), |cors, origin| cors.allowed_origin(origin))
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::HeaderName::from_static("idempotency-key"),
            header::HeaderName::from_static("x-api-key"),
        ])
        .expose_headers([header::HeaderName::from_static("x-request-id")])
        .max_age(3600)
}

fn security_headers(production: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((header::REFERRER_POLICY, "no-referrer"))
        .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)"))
        .add((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; \
             script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
        ));
    if production {
        headers.add((
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        headers
    }
}

/// Sends the request id of tracing-actix-web back as `X-Request-Id`.
async fn request_id_header(
    req: ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let request_id = crate::extract::request_id(req.request());
    let mut response = next.call(req).await?;
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response
            .headers_mut()
            .insert(header::HeaderName::from_static("x-request-id"), value);
    }
    Ok(response)
}

/// `/metrics` on the API port: only with `Authorization: Bearer <METRICS_TOKEN>`, and not
/// at all (404) when no token is configured.
async fn guard_metrics(
    req: ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    if req.path() == "/metrics" {
        let expected = req
            .app_data::<web::Data<AppState>>()
            .and_then(|state| state.settings.metrics_token.clone())
            .ok_or(ApiError::NotFound)?;
        let presented = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        if !crate::credentials::same_secret(presented.trim(), &expected) {
            return Err(ApiError::Unauthorized.into());
        }
    }
    next.call(req).await
}

/// Every request has a time budget (uploads and spreadsheet exports the longer one); past
/// it the handler is cancelled (its transaction rolls back) and the client gets 503.
async fn time_budget(
    req: ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let upload = (req.method() == actix_web::http::Method::POST
        && matches!(req.path(), "/api/v1/files" | "/api/v1/imports"))
        || req.path().starts_with("/api/v1/exports/");
    let budget = req
        .app_data::<web::Data<AppState>>()
        .map(|state| {
            if upload {
                state.settings.upload_timeout
            } else {
                state.settings.request_timeout
            }
        })
        .unwrap_or(Duration::from_secs(60));
    match tokio::time::timeout(budget, next.call(req)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(
                budget_secs = budget.as_secs(),
                "request over its time budget"
            );
            Err(ApiError::Unavailable.into())
        }
    }
}

/// Hashed SPA assets are cached for a year; everything else is revalidated.
async fn cache_headers(
    req: ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let immutable = req.path().starts_with("/assets/");
    let mut response = next.call(req).await?;
    let value = if immutable && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    if !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    Ok(response)
}

/// The built SPA: files from `dir`, and `index.html` for every other GET outside `/api`
/// so that deep links load.
fn spa(dir: PathBuf) -> actix_files::Files {
    let index = dir.join("index.html");
    actix_files::Files::new("/", dir)
        .guard(actix_web::guard::Any(actix_web::guard::Get()).or(actix_web::guard::Head()))
        .index_file("index.html")
        .use_etag(true)
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                if req.path().starts_with("/api/") {
                    let response = actix_web::ResponseError::error_response(&ApiError::NotFound);
                    return Ok(ServiceResponse::new(req, response));
                }
                let file = actix_files::NamedFile::open_async(index).await?;
                let response = file.into_response(&req);
                Ok(ServiceResponse::new(req, response))
            }
        }))
}
