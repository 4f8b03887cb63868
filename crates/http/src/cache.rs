//! Response cache for dashboard aggregates (SPEC §2.8): Redis when configured, nothing
//! otherwise. Every failure — Redis absent, down or slow — reads as a miss, so a cached
//! endpoint answers uncached and never fails because of the cache.

use std::time::Duration;

use deadpool_redis::{redis, Pool};
use serde::{de::DeserializeOwned, Serialize};

/// Longest a cache call may take before it counts as a miss.
const TIMEOUT: Duration = Duration::from_millis(250);
#[derive(Clone, Default)]
pub struct Cache {
    redis: Option<Pool>,
    /// Namespace of every key (one per deployment sharing a Redis).
    prefix: String,
}

impl Cache {
    pub fn new(redis: Option<Pool>, prefix: &str) -> Self {
        Self {
            redis,
            prefix: prefix.to_owned(),
        }
    }

    /// `key` inside this cache's namespace.
    pub fn key(&self, key: &str) -> String {
        format!("{}:{key}", self.prefix)
    }

    /// `key` is a full key (see [`Cache::key`]).
    pub async fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        let pool = self.redis.as_ref()?;
        let raw: Option<String> = tokio::time::timeout(TIMEOUT, async {
            let mut conn = pool.get().await.ok()?;
            redis::cmd("GET")
                .arg(key)
                .query_async::<Option<String>>(&mut conn)
                .await
                .ok()?
        })
        .await
        .ok()
        .flatten();
        serde_json::from_str(&raw?).ok()
    }

    pub async fn set<T: Serialize>(&self, key: &str, value: &T, ttl: Duration) {
        let (Some(pool), Ok(json)) = (self.redis.as_ref(), serde_json::to_string(value)) else {
            return;
        };
        let _ = tokio::time::timeout(TIMEOUT, async {
            let mut conn = pool.get().await.ok()?;
            redis::cmd("SET")
                .arg(key)
                .arg(json)
                .arg("EX")
                .arg(ttl.as_secs().max(1))
                .query_async::<()>(&mut conn)
                .await
                .ok()
        })
        .await;
    }

    /// The current dashboard generation (0 without Redis). Bumped on every realtime
    /// change of tickets or broadcasts: dashboards cached under an older one are never read
    /// again.
    pub async fn generation(&self) -> u64 {
        self.get::<u64>(&self.key("dash:generation"))
            .await
            .unwrap_or(0)
    }

    /// Marks every cached dashboard stale.
    pub async fn bump_generation(&self) {
        let Some(pool) = self.redis.as_ref() else {
            return;
        };
        let _ = tokio::time::timeout(TIMEOUT, async {
            let mut conn = pool.get().await.ok()?;
            redis::cmd("INCR")
                .arg(self.key("dash:generation"))
                .query_async::<u64>(&mut conn)
                .await
                .ok()
        })
        .await;
    }
}
