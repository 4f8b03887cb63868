//! 405 Method Not Allowed, with `Allow`, for a documented path asked with a method it does
//! not serve (`TRACE /api/v1/leads`), instead of the 404 of an unknown path. The paths and
//! their methods come from the OpenAPI document, which is generated from the routes.

use std::collections::BTreeSet;

use actix_web::{web, HttpRequest};

use crate::error::ApiError;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

enum Segment {
    Literal(String),
    Parameter,
}

struct Route {
    segments: Vec<Segment>,
    methods: BTreeSet<usize>,
}

/// Every documented path template and the methods it serves.
pub struct AllowedMethods(Vec<Route>);

impl AllowedMethods {
    pub fn from_document(document: &utoipa::openapi::OpenApi) -> Self {
        let paths = serde_json::to_value(&document.paths).unwrap_or_default();
        let routes = paths
            .as_object()
            .into_iter()
            .flatten()
            .map(|(template, item)| Route {
                segments: template
                    .split('/')
                    .map(|segment| {
                        if segment.starts_with('{') && segment.ends_with('}') {
                            Segment::Parameter
                        } else {
                            Segment::Literal(segment.to_owned())
                        }
                    })
                    .collect(),
                methods: METHODS
                    .iter()
                    .enumerate()
                    .filter(|(_, method)| item.get(**method).is_some())
                    .map(|(index, _)| index)
                    .collect(),
            })
            .collect();
        Self(routes)
    }

    /// The `Allow` value for `path` (`GET, POST`) when it is a documented path; the most
    /// specific templates (most literal segments) win, as in routing.
    pub fn allow(&self, path: &str) -> Option<String> {
        let segments: Vec<&str> = path.split('/').collect();
        let matching: Vec<(usize, &Route)> = self
            .0
            .iter()
            .filter_map(|route| route_match(route, &segments).map(|literals| (literals, route)))
            .collect();
        let best = matching.iter().map(|(literals, _)| *literals).max()?;
        let methods: BTreeSet<usize> = matching
            .iter()
            .filter(|(literals, _)| *literals == best)
            .flat_map(|(_, route)| route.methods.iter().copied())
            .collect();
        let names: Vec<String> = methods
            .into_iter()
            .map(|index| METHODS[index].to_ascii_uppercase())
            .collect();
        Some(names.join(", "))
    }
}

/// The answer for a request no route serves: 405 with `Allow` when its path is
/// documented for other methods, otherwise 404.
pub fn unrouted(req: &HttpRequest) -> ApiError {
    let allow = req
        .app_data::<web::Data<AllowedMethods>>()
        .and_then(|allowed| allowed.allow(req.path()));
    match allow {
        Some(allow) if !allow.split(", ").any(|m| m == req.method().as_str()) => {
            ApiError::MethodNotAllowed(allow)
        }
        _ => ApiError::NotFound,
    }
}

/// The number of literal segments when `route` matches `segments`.
fn route_match(route: &Route, segments: &[&str]) -> Option<usize> {
    if route.segments.len() != segments.len() {
        return None;
    }
    let mut literals = 0;
    for (expected, actual) in route.segments.iter().zip(segments) {
        match expected {
            Segment::Literal(literal) if literal == actual => literals += 1,
            Segment::Parameter if !actual.is_empty() => {}
            _ => return None,
        }
    }
    Some(literals)
}

#[cfg(test)]
mod tests {
    use super::AllowedMethods;

    #[test]
    fn lists_the_methods_of_the_most_specific_documented_path() {
        let allowed = AllowedMethods::from_document(&crate::openapi());
        assert_eq!(allowed.allow("/api/v1/leads").as_deref(), Some("GET, POST"));
        assert!(allowed.allow("/api/v1/leads/x/y/z/w").is_none());
        assert!(allowed.allow("/nowhere").is_none());
        assert!(allowed.allow("/api/v1/leads/").is_none());
    }
}
