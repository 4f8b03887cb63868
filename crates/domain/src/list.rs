//! List conventions (PLT-PAGE): page numbers, page sizes and sort specifications.

/// A validated page request: `page ≥ 1`, `1 ≤ per_page ≤ 200`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub page: u32,
    pub per_page: u32,
}

pub const DEFAULT_PER_PAGE: u32 = 25;
pub const MAX_PER_PAGE: u32 = 200;

impl PageRequest {
    pub fn parse(
        page: Option<i64>,
        per_page: Option<i64>,
    ) -> Result<Self, (&'static str, &'static str)> {
        let page = page.unwrap_or(1);
        let per_page = per_page.unwrap_or(i64::from(DEFAULT_PER_PAGE));
        if !(1..=1_000_000).contains(&page) {
            return Err(("page", "must be between 1 and 1000000"));
        }
        if !(1..=i64::from(MAX_PER_PAGE)).contains(&per_page) {
            return Err(("per_page", "must be between 1 and 200"));
        }
        Ok(Self {
            page: u32::try_from(page).unwrap_or(1),
            per_page: u32::try_from(per_page).unwrap_or(DEFAULT_PER_PAGE),
        })
    }

    pub fn limit(self) -> i64 {
        i64::from(self.per_page)
    }

    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.per_page)
    }
}

impl Default for PageRequest {
    fn default() -> Self {
        Self {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Asc,
    Desc,
}

/// One `field` or `-field` of a `sort=` parameter, resolved against the fields a list allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortKey<F> {
    pub field: F,
    pub direction: Direction,
}

/// Parses `sort=name,-created_at` where `allowed` maps public field names to the list's
/// own field type. Unknown fields and repeated fields are errors.
pub fn parse_sort<F: Copy + PartialEq>(
    raw: Option<&str>,
    allowed: &[(&str, F)],
) -> Result<Vec<SortKey<F>>, String> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(Vec::new());
    };
    let mut keys: Vec<SortKey<F>> = Vec::new();
    for part in raw.split(',').map(str::trim) {
        let (name, direction) = match part.strip_prefix('-') {
            Some(name) => (name, Direction::Desc),
            None => (part.strip_prefix('+').unwrap_or(part), Direction::Asc),
        };
        let field = allowed
            .iter()
            .find(|(public, _)| *public == name)
            .map(|(_, field)| *field)
            .ok_or_else(|| {
                let names: Vec<&str> = allowed.iter().map(|(public, _)| *public).collect();
                format!("cannot sort by '{name}' (allowed: {})", names.join(", "))
            })?;
        if keys.iter().any(|k| k.field == field) {
            return Err(format!("'{name}' appears more than once"));
        }
        keys.push(SortKey { field, direction });
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum F {
        Name,
        Created,
    }
    const ALLOWED: &[(&str, F)] = &[("name", F::Name), ("created_at", F::Created)];

    #[test]
    fn page_defaults_and_bounds() {
        assert_eq!(PageRequest::parse(None, None), Ok(PageRequest::default()));
        assert_eq!(
            PageRequest::parse(Some(3), Some(50)).map(|p| p.offset()),
            Ok(100)
        );
        assert!(PageRequest::parse(Some(0), None).is_err());
        assert!(PageRequest::parse(None, Some(201)).is_err());
        assert!(PageRequest::parse(None, Some(0)).is_err());
    }

    #[test]
    fn sort_parses_directions() {
        let keys = parse_sort(Some("name,-created_at"), ALLOWED);
        assert_eq!(
            keys,
            Ok(vec![
                SortKey {
                    field: F::Name,
                    direction: Direction::Asc
                },
                SortKey {
                    field: F::Created,
                    direction: Direction::Desc
                },
            ])
        );
        assert_eq!(parse_sort(None, ALLOWED), Ok(vec![]));
    }

    #[test]
    fn sort_rejects_unknown_and_repeated_fields() {
        assert!(parse_sort(Some("password_hash"), ALLOWED).is_err());
        assert!(parse_sort(Some("name,-name"), ALLOWED).is_err());
    }
}
