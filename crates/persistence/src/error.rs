/// What can go wrong talking to the database, classified once for the HTTP layer.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("row not found")]
    NotFound,
    /// The token or key names no active principal.
    #[error("no active principal")]
    Unauthenticated,
    #[error("unique constraint {constraint} violated")]
    Unique { constraint: String },
    #[error("foreign key {constraint} violated")]
    ForeignKey { constraint: String },
    #[error("check constraint {constraint} violated")]
    Check { constraint: String },
    #[error("exclusion constraint {constraint} violated")]
    Exclusion { constraint: String },
    /// Missing privilege or a row-level security check failed.
    #[error("permission denied: {0}")]
    PermissionDenied(String),
    /// Invalid input that only the database noticed (e.g. a bad id prefix).
    #[error("invalid value: {0}")]
    InvalidValue(String),
    /// The database cannot be reached, is shutting down, or cancelled the statement
    /// (`statement_timeout`).
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Other(sqlx::Error),
}

impl From<sqlx::Error> for DbError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::RowNotFound => Self::NotFound,
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                Self::Unavailable(err.to_string())
            }
            sqlx::Error::Tls(_) => Self::Unavailable(err.to_string()),
            sqlx::Error::Database(db) => {
                classify(db.as_ref()).unwrap_or(Self::Other(sqlx::Error::Database(db)))
            }
            other => Self::Other(other),
        }
    }
}

fn classify(db: &dyn sqlx::error::DatabaseError) -> Option<DbError> {
    let code = db.code()?;
    let constraint = || db.constraint().unwrap_or_default().to_owned();
    Some(match code.as_ref() {
        "23505" => DbError::Unique {
            constraint: constraint(),
        },
        "23503" => DbError::ForeignKey {
            constraint: constraint(),
        },
        "23514" => DbError::Check {
            constraint: constraint(),
        },
        "23P01" => DbError::Exclusion {
            constraint: constraint(),
        },
        "42501" => DbError::PermissionDenied(db.message().to_owned()),
        "22023" | "22P02" | "22007" | "22008" | "55000" => {
            DbError::InvalidValue(db.message().to_owned())
        }
        "P0002" => DbError::NotFound,
        c if c.starts_with("08")
            || c == "57P01"
            || c == "57P02"
            || c == "57P03"
            || c == "57014"
            || c == "53300" =>
        {
            DbError::Unavailable(db.message().to_owned())
        }
        _ => return None,
    })
}

impl DbError {
    pub fn is_unavailable(&self) -> bool {
        matches!(self, Self::Unavailable(_))
    }
}
