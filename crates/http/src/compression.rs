//! Smaller responses over the wire: the SPA's hashed assets are served from the brotli
//! or gzip copies written beside them at build time, and JSON API responses above a
//! size are compressed on the fly (actix-web's `Compress`), nothing else (no HTML, no
//! event stream, whose frames must reach the browser as they are written).

use std::path::{Path, PathBuf};

use actix_files::NamedFile;
use actix_web::{
    body::{BodySize, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::header::{self, ContentEncoding, HeaderValue},
    middleware::Next,
    web, HttpRequest, HttpResponse,
};

use crate::error::ApiError;

/// JSON bodies smaller than this are sent as they are: compressing them saves less
/// than it costs.
pub const MIN_COMPRESSED_BYTES: u64 = 1024;

/// A hashed asset (`/assets/index-abc123.js`): its `.br` or `.gz` copy when the client
/// accepts it and the build wrote one, with `Content-Encoding` and
/// `Vary: Accept-Encoding`; the file itself otherwise.
pub async fn asset(
    req: HttpRequest,
    name: web::Path<String>,
    dir: web::Data<AssetDir>,
) -> Result<HttpResponse, actix_web::Error> {
    let name = name.into_inner();
    if !is_asset_name(&name) {
        return Err(ApiError::NotFound.into());
    }
    let plain = dir.0.join("assets").join(&name);
    if !plain.is_file() {
        return Err(ApiError::NotFound.into());
    }
    let accepted = accept_encoding(&req);
    let variant = [
        (ContentEncoding::Brotli, "br"),
        (ContentEncoding::Gzip, "gz"),
    ]
    .into_iter()
    .filter(|(encoding, _)| accepted.contains(encoding))
    .map(|(encoding, ext)| (encoding, sibling(&plain, ext)))
    .find(|(_, path)| path.is_file());
    let has_variants = sibling(&plain, "br").is_file() || sibling(&plain, "gz").is_file();
    let file = match variant {
        Some((encoding, path)) => NamedFile::open_async(path)
            .await?
            .set_content_type(actix_files::file_extension_to_mime(extension(&plain)))
            .set_content_encoding(encoding),
        None => NamedFile::open_async(&plain).await?,
    };
    let mut response = file
        .use_etag(true)
        .disable_content_disposition()
        .into_response(&req);
    if has_variants {
        response
            .headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    Ok(response)
}

/// The directory of the built SPA, for [`asset`].
#[derive(Clone)]
pub struct AssetDir(pub PathBuf);

/// A file name as the build writes them: no path, no dot-dot, no hidden file.
fn is_asset_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains("..")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

fn sibling(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

fn extension(path: &Path) -> &str {
    path.extension().and_then(|e| e.to_str()).unwrap_or("")
}

/// The encodings a request accepts (`br`, `gzip`), ignoring those it refuses with `q=0`.
fn accept_encoding(req: &HttpRequest) -> Vec<ContentEncoding> {
    req.headers()
        .get_all(header::ACCEPT_ENCODING)
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|item| {
            let mut parts = item.split(';').map(str::trim);
            let coding = parts.next()?.to_ascii_lowercase();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            match coding.as_str() {
                _ if refused => None,
                "br" => Some(ContentEncoding::Brotli),
                "gzip" | "x-gzip" => Some(ContentEncoding::Gzip),
                _ => None,
            }
        })
        .collect()
}

/// Inside `Compress`: everything but a JSON body of at least [`MIN_COMPRESSED_BYTES`]
/// is marked `Content-Encoding: identity`, which `Compress` leaves alone (the outer
/// [`unmark_identity`] takes the mark off again).
pub async fn only_large_json(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut response = next.call(req).await?;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let large = match response.response().body().size() {
        BodySize::Sized(n) => n >= MIN_COMPRESSED_BYTES,
        BodySize::Stream => true,
        BodySize::None => false,
    };
    let worth_it = is_json && large;
    if !worth_it && !response.headers().contains_key(header::CONTENT_ENCODING) {
        response.headers_mut().insert(
            header::CONTENT_ENCODING,
            HeaderValue::from_static("identity"),
        );
    }
    Ok(response)
}

/// Outside `Compress`: drops the `identity` mark of [`only_large_json`].
pub async fn unmark_identity(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut response = next.call(req).await?;
    if response
        .headers()
        .get(header::CONTENT_ENCODING)
        .is_some_and(|v| v == "identity")
    {
        response.headers_mut().remove(header::CONTENT_ENCODING);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn reads_accept_encoding_with_weights() {
        let req = TestRequest::default()
            .insert_header((header::ACCEPT_ENCODING, "gzip, deflate, br;q=0"))
            .to_http_request();
        assert_eq!(accept_encoding(&req), vec![ContentEncoding::Gzip]);
        let req = TestRequest::default()
            .insert_header((header::ACCEPT_ENCODING, "BR;q=0.9,gzip"))
            .to_http_request();
        assert_eq!(
            accept_encoding(&req),
            vec![ContentEncoding::Brotli, ContentEncoding::Gzip]
        );
        assert!(accept_encoding(&TestRequest::default().to_http_request()).is_empty());
    }

    #[test]
    fn asset_names_stay_in_the_directory() {
        assert!(is_asset_name("index-abc123.js"));
        for bad in ["", "../secret", ".env", "a/b.js", "a\\b.js", "x..js"] {
            assert!(!is_asset_name(bad), "{bad}");
        }
    }
}
