//! Failed-attempt limiter for login (per client IP + e-mail): Redis when configured, so
//! that limits hold across replicas; an in-process map otherwise, or while Redis fails.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use deadpool_redis::{redis, Pool};

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max_failures: u32,
    pub window: Duration,
}

pub struct RateLimiter {
    redis: Option<Pool>,
    local: Mutex<HashMap<String, (u32, Instant)>>,
    limit: Limit,
}

const REDIS_TIMEOUT: Duration = Duration::from_millis(300);

impl RateLimiter {
    pub fn new(redis: Option<Pool>, limit: Limit) -> Self {
        Self {
            redis,
            local: Mutex::new(HashMap::new()),
            limit,
        }
    }

    /// `Err(seconds)` while `key` has used up its failures in the current window.
    pub async fn check(&self, key: &str) -> Result<(), u64> {
        let (count, ttl) = match self.redis_count(key).await {
            Some(found) => found,
            None => self.local_count(key),
        };
        if count >= self.limit.max_failures {
            Err(ttl.max(1))
        } else {
            Ok(())
        }
    }

    pub async fn record_failure(&self, key: &str) {
        if self.redis_incr(key).await.is_none() {
            let mut map = self
                .local
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let now = Instant::now();
            map.retain(|_, (_, started)| now.duration_since(*started) < self.limit.window);
            let entry = map.entry(key.to_owned()).or_insert((0, now));
            entry.0 += 1;
        }
    }

    pub async fn reset(&self, key: &str) {
        if let Some(pool) = &self.redis {
            let _ = tokio::time::timeout(REDIS_TIMEOUT, async {
                let mut conn = pool.get().await.ok()?;
                redis::cmd("DEL")
                    .arg(redis_key(key))
                    .query_async::<()>(&mut conn)
                    .await
                    .ok()
            })
            .await;
        }
        let mut map = self
            .local
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        map.remove(key);
    }

    fn local_count(&self, key: &str) -> (u32, u64) {
        let map = self
            .local
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match map.get(key) {
            Some((count, started)) => {
                let elapsed = started.elapsed();
                if elapsed >= self.limit.window {
                    (0, 0)
                } else {
                    (*count, (self.limit.window - elapsed).as_secs())
                }
            }
            None => (0, 0),
        }
    }

    async fn redis_count(&self, key: &str) -> Option<(u32, u64)> {
        let pool = self.redis.as_ref()?;
        let result = tokio::time::timeout(REDIS_TIMEOUT, async {
            let mut conn = pool.get().await.ok()?;
            let (count, ttl): (Option<u32>, i64) = redis::pipe()
                .cmd("GET")
                .arg(redis_key(key))
                .cmd("TTL")
                .arg(redis_key(key))
                .query_async(&mut conn)
                .await
                .ok()?;
            Some((count.unwrap_or(0), u64::try_from(ttl).unwrap_or(0)))
        })
        .await
        .ok()
        .flatten();
        if result.is_none() {
            tracing::warn!("redis unavailable for rate limiting, using the in-process limiter");
        }
        result
    }

    async fn redis_incr(&self, key: &str) -> Option<()> {
        let pool = self.redis.as_ref()?;
        let window = self.limit.window.as_secs();
        tokio::time::timeout(REDIS_TIMEOUT, async {
            let mut conn = pool.get().await.ok()?;
            redis::pipe()
                .cmd("INCR")
                .arg(redis_key(key))
                .ignore()
                .cmd("EXPIRE")
                .arg(redis_key(key))
                .arg(window)
                .arg("NX")
                .ignore()
                .query_async::<()>(&mut conn)
                .await
                .ok()
        })
        .await
        .ok()
        .flatten()
    }
}

fn redis_key(key: &str) -> String {
    format!("cc:ratelimit:{key}")
}
