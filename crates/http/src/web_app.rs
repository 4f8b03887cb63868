use std::{net::TcpListener, path::PathBuf};

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
    error::{self, ApiError},
    state::AppState,
};

/// Starts the HTTP server on `listener`: API under `/api/v1`, Swagger UI at `/api/docs`,
/// probes, Prometheus metrics, and the SPA at `/` when it has been built.
pub fn server(listener: TcpListener, state: AppState, workers: usize) -> std::io::Result<Server> {
    let metrics = PrometheusMetricsBuilder::new("command_center")
        .endpoint("/metrics")
        .exclude("/healthz")
        .mask_unmatched_patterns("UNKNOWN")
        .build()
        .map_err(|err| std::io::Error::other(err.to_string()))?;
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
            Some(dir) => app.service(spa(dir)),
            None => app,
        };
        app.default_service(web::to(|req: actix_web::HttpRequest| {
            let error = crate::allowed_methods::unrouted(&req);
            async move { Err::<HttpResponse, _>(error) }
        }))
        .wrap(actix_web::middleware::from_fn(
            crate::text_guard::reject_invalid_text,
        ))
        .wrap(actix_web::middleware::from_fn(cache_headers))
        .wrap(security_headers(settings.production))
        .wrap(cors(&settings.cors_origins))
        .wrap(metrics.clone())
        .wrap(actix_web::middleware::from_fn(request_id_header))
        .wrap(TracingLogger::default())
    })
    .workers(workers.max(1))
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
