//! News (SPEC §4.9, NEWS-1): who writes posts, the rules of a post (title, Markdown body,
//! publication time, pinning, audience) and the safe rendering of its body.

pub mod markdown;

use chrono::{DateTime, Utc};

use crate::{closed_set, crm::fields::bounded, FieldErrors, Role};

/// The longest title, in characters.
pub const TITLE_MAX: usize = 200;
/// The longest Markdown body, in characters.
pub const BODY_MAX: usize = 20_000;

closed_set!(
    /// Where a post stands for its readers: a draft (no publication time), scheduled (a
    /// time still to come: hidden until then) or published.
    pub enum NewsState {
        Draft => "draft",
        Scheduled => "scheduled",
        Published => "published",
    }
);

impl NewsState {
    pub fn of(published_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Self {
        match published_at {
            None => Self::Draft,
            Some(at) if at > now => Self::Scheduled,
            Some(_) => Self::Published,
        }
    }
}

/// Whether a role writes news and sees drafts: the administrators (SPEC §3: super admin,
/// whose settings menu holds news). Every other role, the director included, reads.
pub fn writes_news(role: Role) -> bool {
    role.can(crate::Capability::ManageNews)
}

/// A post as sent, before the rules.
#[derive(Debug, Clone, Default)]
pub struct PostInput {
    pub title: Option<String>,
    pub body: Option<String>,
    /// RFC 3339; absent or blank = a draft.
    pub published_at: Option<String>,
    pub pinned: Option<bool>,
    pub audience_roles: Option<Vec<String>>,
}

/// A post that keeps the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPost {
    pub title: String,
    pub body: String,
    pub published_at: Option<DateTime<Utc>>,
    pub pinned: bool,
    /// Empty = every role.
    pub audience: Vec<Role>,
}

/// A change to a post; `published_at: Some(None)` makes it a draft again.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PostPatch {
    pub title: Option<String>,
    pub body: Option<String>,
    pub published_at: Option<Option<DateTime<Utc>>>,
    pub pinned: Option<bool>,
    pub audience: Option<Vec<Role>>,
}

fn parse_title(errors: &mut FieldErrors, raw: Option<String>) -> Option<String> {
    bounded(errors, "title", raw, TITLE_MAX, true).filter(|t| t.chars().count() <= TITLE_MAX)
}

/// The body as written (Markdown keeps its whitespace): required, at most 20,000 characters.
fn parse_body(errors: &mut FieldErrors, raw: Option<String>) -> Option<String> {
    match raw.filter(|b| !b.trim().is_empty()) {
        None => {
            errors.add("body", "is required");
            None
        }
        Some(b) if b.chars().count() > BODY_MAX => {
            errors.add("body", format!("must be at most {BODY_MAX} characters"));
            None
        }
        Some(b) => Some(b),
    }
}

/// An RFC 3339 time (`2026-12-01T08:00:00+07:00`); blank = none.
fn parse_published_at(
    errors: &mut FieldErrors,
    raw: Option<&str>,
) -> Result<Option<DateTime<Utc>>, ()> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Ok(None),
        Some(raw) => match DateTime::parse_from_rfc3339(raw) {
            Ok(at) => Ok(Some(at.with_timezone(&Utc))),
            Err(_) => {
                errors.add(
                    "published_at",
                    "must be a date and time such as 2026-12-01T08:00:00+07:00",
                );
                Err(())
            }
        },
    }
}

/// The audience: known role names, each once, in the order of SPEC §3.
fn parse_audience(errors: &mut FieldErrors, raw: Vec<String>) -> Option<Vec<Role>> {
    let mut unknown = Vec::new();
    let mut roles = Vec::new();
    for name in &raw {
        match name.parse::<Role>() {
            Ok(role) => roles.push(role),
            Err(_) => unknown.push(format!("'{}'", name.trim())),
        }
    }
    if !unknown.is_empty() {
        errors.add(
            "audience_roles",
            format!("{} is not a known role", unknown.join(", ")),
        );
        return None;
    }
    Some(
        Role::ALL
            .into_iter()
            .filter(|r| roles.contains(r))
            .collect(),
    )
}

impl NewPost {
    /// Every rule at once: title 1..200, body 1..20,000, a valid time, known roles.
    pub fn parse(input: PostInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = parse_title(&mut errors, input.title);
        let body = parse_body(&mut errors, input.body);
        let published_at = parse_published_at(&mut errors, input.published_at.as_deref());
        let audience = parse_audience(&mut errors, input.audience_roles.unwrap_or_default());
        match (title, body, published_at, audience, errors.is_empty()) {
            (Some(title), Some(body), Ok(published_at), Some(audience), true) => Ok(Self {
                title,
                body,
                published_at,
                pinned: input.pinned.unwrap_or(false),
                audience,
            }),
            _ => Err(errors),
        }
    }
}

impl PostPatch {
    /// The same rules for the fields sent; at least one field.
    pub fn parse(
        title: Option<String>,
        body: Option<String>,
        published_at: Option<Option<String>>,
        pinned: Option<bool>,
        audience_roles: Option<Vec<String>>,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let patch = Self {
            title: title.and_then(|t| parse_title(&mut errors, Some(t))),
            body: body.and_then(|b| parse_body(&mut errors, Some(b))),
            published_at: published_at
                .and_then(|p| parse_published_at(&mut errors, p.as_deref()).ok()),
            pinned,
            audience: audience_roles.and_then(|a| parse_audience(&mut errors, a)),
        };
        if errors.is_empty() && patch == Self::default() {
            errors.add(
                "title",
                "give at least one of title, body, published_at, pinned, audience_roles",
            );
        }
        errors.into_result().map(|()| patch)
    }
}

/// Whether a reader of `role` is in an audience (empty = everyone).
pub fn in_audience(audience: &[Role], role: Role) -> bool {
    audience.is_empty() || audience.contains(&role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_every_field_at_once() {
        let err = NewPost::parse(PostInput {
            title: Some("  ".into()),
            body: Some("x".repeat(BODY_MAX + 1)),
            published_at: Some("tomorrow".into()),
            pinned: None,
            audience_roles: Some(vec!["salesperson".into(), "admin".into()]),
        })
        .unwrap_err();
        assert_eq!(
            err.fields().collect::<Vec<_>>(),
            ["audience_roles", "body", "published_at", "title"]
        );
        assert_eq!(
            err.first().as_deref(),
            Some("audience_roles 'admin' is not a known role")
        );
    }

    #[test]
    fn title_is_bounded_in_characters_and_body_keeps_its_whitespace() {
        let ok = NewPost::parse(PostInput {
            title: Some(format!(" {} ", "é".repeat(TITLE_MAX))),
            body: Some("  indented\n\n* item\n".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.title.chars().count(), TITLE_MAX);
        assert_eq!(ok.body, "  indented\n\n* item\n");
        assert_eq!(ok.published_at, None);
        assert!(!ok.pinned);
        let long = NewPost::parse(PostInput {
            title: Some("a".repeat(TITLE_MAX + 1)),
            body: Some("b".into()),
            ..Default::default()
        });
        assert_eq!(
            long,
            Err(FieldErrors::single(
                "title",
                "must be at most 200 characters"
            ))
        );
    }

    #[test]
    fn audience_is_deduplicated_in_spec_order_and_time_is_utc() {
        let post = NewPost::parse(PostInput {
            title: Some("t".into()),
            body: Some("b".into()),
            published_at: Some("2026-12-01T08:00:00+07:00".into()),
            pinned: Some(true),
            audience_roles: Some(vec![
                "cs_agent".into(),
                "director".into(),
                "cs_agent".into(),
            ]),
        })
        .unwrap();
        assert_eq!(post.audience, [Role::Director, Role::CsAgent]);
        assert_eq!(
            post.published_at.map(|t| t.to_rfc3339()),
            Some("2026-12-01T01:00:00+00:00".to_owned())
        );
        assert!(in_audience(&post.audience, Role::CsAgent));
        assert!(!in_audience(&post.audience, Role::Salesperson));
        assert!(in_audience(&[], Role::Salesperson));
    }

    #[test]
    fn a_patch_needs_a_field_and_null_unpublishes() {
        assert!(PostPatch::parse(None, None, None, None, None).is_err());
        let draft = PostPatch::parse(None, None, Some(None), None, None).unwrap();
        assert_eq!(draft.published_at, Some(None));
        let err = PostPatch::parse(
            Some(String::new()),
            None,
            Some(Some("x".into())),
            None,
            None,
        )
        .unwrap_err();
        assert_eq!(err.fields().collect::<Vec<_>>(), ["published_at", "title"]);
    }

    #[test]
    fn state_follows_the_publication_time() {
        let now = Utc::now();
        assert_eq!(NewsState::of(None, now), NewsState::Draft);
        assert_eq!(
            NewsState::of(Some(now + chrono::Duration::minutes(1)), now),
            NewsState::Scheduled
        );
        assert_eq!(NewsState::of(Some(now), now), NewsState::Published);
        assert!(writes_news(Role::SuperAdmin));
        assert!(Role::ALL
            .into_iter()
            .filter(|r| *r != Role::SuperAdmin)
            .all(|r| !writes_news(r)));
    }
}
