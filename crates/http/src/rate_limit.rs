//! Rate limits: a failed-attempt counter (login per client and e-mail, login per client,
//! unknown API keys per client) and token buckets (requests per API key). Redis when
//! configured, so that limits hold across replicas; an in-process map otherwise, or while
//! Redis fails.

use std::{
    collections::HashMap,
    future::Future,
    sync::{Mutex, MutexGuard},
    time::{Duration, Instant},
};

use deadpool_redis::{redis, Pool};

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max_failures: u32,
    pub window: Duration,
}

/// Failures per client and e-mail before login answers 429 (15 minutes).
pub const LOGIN_PER_ACCOUNT: Limit = Limit {
    max_failures: 5,
    window: Duration::from_secs(15 * 60),
};
/// Failures per client address across all e-mails before login answers 429.
pub const LOGIN_PER_CLIENT: Limit = Limit {
    max_failures: 20,
    window: Duration::from_secs(15 * 60),
};
/// Unknown or revoked API keys per client address before `X-API-KEY` answers 429.
pub const UNKNOWN_API_KEYS_PER_CLIENT: Limit = Limit {
    max_failures: 10,
    window: Duration::from_secs(60),
};

/// Every limiter of the server, sharing one Redis pool and key namespace.
pub struct Limiters {
    /// Login failures per client address and e-mail.
    pub login: RateLimiter,
    /// Login failures per client address, whatever the e-mail.
    pub login_client: RateLimiter,
    /// Unknown API keys per client address.
    pub unknown_api_keys: RateLimiter,
    /// Requests per API key.
    pub api_keys: TokenBuckets,
}

impl Limiters {
    /// `namespace` prefixes every Redis key (servers that share limits share it).
    pub fn new(redis: Option<Pool>, namespace: &str) -> Self {
        let failures = |kind: &str, limit| RateLimiter {
            store: Store::new(redis.clone(), format!("{namespace}:ratelimit:{kind}:")),
            counts: Mutex::new(HashMap::new()),
            limit,
        };
        Self {
            login: failures("login", LOGIN_PER_ACCOUNT),
            login_client: failures("login-client", LOGIN_PER_CLIENT),
            unknown_api_keys: failures("api-key-client", UNKNOWN_API_KEYS_PER_CLIENT),
            api_keys: TokenBuckets {
                store: Store::new(redis, format!("{namespace}:bucket:api-key:")),
                buckets: Mutex::new(HashMap::new()),
            },
        }
    }
}

const REDIS_TIMEOUT: Duration = Duration::from_millis(300);

/// Redis under a key prefix, each call bounded by [`REDIS_TIMEOUT`]; `None` when Redis is
/// not configured or fails (the caller then uses its in-process state).
struct Store {
    redis: Option<Pool>,
    prefix: String,
}

impl Store {
    fn new(redis: Option<Pool>, prefix: String) -> Self {
        Self { redis, prefix }
    }

    fn key(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    async fn call<T, F, Fut>(&self, f: F) -> Option<T>
    where
        F: FnOnce(deadpool_redis::Connection) -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        let pool = self.redis.as_ref()?;
        let result = tokio::time::timeout(REDIS_TIMEOUT, async {
            let conn = pool.get().await.ok()?;
            f(conn).await
        })
        .await
        .ok()
        .flatten();
        if result.is_none() {
            tracing::warn!("redis unavailable for rate limiting, using the in-process limiter");
        }
        result
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Counts failures per key in a fixed window.
pub struct RateLimiter {
    store: Store,
    counts: Mutex<HashMap<String, (u32, Instant)>>,
    limit: Limit,
}

impl RateLimiter {
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
        let (redis_key, window) = (self.store.key(key), self.limit.window.as_secs());
        let stored = self
            .store
            .call(|mut conn| async move {
                redis::pipe()
                    .cmd("INCR")
                    .arg(&redis_key)
                    .ignore()
                    .cmd("EXPIRE")
                    .arg(&redis_key)
                    .arg(window)
                    .arg("NX")
                    .ignore()
                    .query_async::<()>(&mut conn)
                    .await
                    .ok()
            })
            .await;
        if stored.is_none() {
            let mut map = lock(&self.counts);
            let now = Instant::now();
            map.retain(|_, (_, started)| now.duration_since(*started) < self.limit.window);
            let entry = map.entry(key.to_owned()).or_insert((0, now));
            entry.0 += 1;
        }
    }

    pub async fn reset(&self, key: &str) {
        let redis_key = self.store.key(key);
        self.store
            .call(|mut conn| async move {
                redis::cmd("DEL")
                    .arg(&redis_key)
                    .query_async::<()>(&mut conn)
                    .await
                    .ok()
            })
            .await;
        lock(&self.counts).remove(key);
    }

    fn local_count(&self, key: &str) -> (u32, u64) {
        match lock(&self.counts).get(key) {
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
        let redis_key = self.store.key(key);
        self.store
            .call(|mut conn| async move {
                let (count, ttl): (Option<u32>, i64) = redis::pipe()
                    .cmd("GET")
                    .arg(&redis_key)
                    .cmd("TTL")
                    .arg(&redis_key)
                    .query_async(&mut conn)
                    .await
                    .ok()?;
                Some((count.unwrap_or(0), u64::try_from(ttl).unwrap_or(0)))
            })
            .await
    }
}

/// One token bucket per key: `capacity` tokens, refilled evenly over `per`; a request
/// takes one. Atomic in Redis (a script using the server's clock).
pub struct TokenBuckets {
    store: Store,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

/// KEYS[1] the bucket; ARGV capacity, refill period (ms). Returns {taken, wait_ms}.
const TAKE_SCRIPT: &str = r"
local capacity = tonumber(ARGV[1])
local per_ms = capacity / tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - ts) * per_ms)
local taken, wait = 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
else
  wait = math.ceil((1 - tokens) / per_ms)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + 1000)
return {taken, wait}
";

impl TokenBuckets {
    /// Takes a token from `key`'s bucket; `Err(seconds)` to wait when it is empty.
    pub async fn take(&self, key: &str, capacity: u32, per: Duration) -> Result<(), u64> {
        let capacity = capacity.max(1);
        let per_ms = per.as_millis().max(1);
        let redis_key = self.store.key(key);
        let outcome = self
            .store
            .call(|mut conn| async move {
                redis::cmd("EVAL")
                    .arg(TAKE_SCRIPT)
                    .arg(1)
                    .arg(&redis_key)
                    .arg(capacity)
                    .arg(u64::try_from(per_ms).unwrap_or(u64::MAX))
                    .query_async::<(i64, i64)>(&mut conn)
                    .await
                    .ok()
            })
            .await;
        let (taken, wait_ms) = match outcome {
            Some((taken, wait_ms)) => (taken == 1, u64::try_from(wait_ms).unwrap_or(0)),
            None => self.take_local(key, capacity, per),
        };
        if taken {
            Ok(())
        } else {
            Err(wait_ms.div_ceil(1000).max(1))
        }
    }

    fn take_local(&self, key: &str, capacity: u32, per: Duration) -> (bool, u64) {
        let capacity = f64::from(capacity);
        let per_second = capacity / per.as_secs_f64().max(0.001);
        let now = Instant::now();
        let mut buckets = lock(&self.buckets);
        if buckets.len() > 10_000 {
            // Buckets that have refilled completely are the same as absent ones.
            buckets.retain(|_, (_, at)| now.duration_since(*at) < per);
        }
        let (tokens, at) = buckets.entry(key.to_owned()).or_insert((capacity, now));
        let refilled = (*tokens + now.duration_since(*at).as_secs_f64() * per_second).min(capacity);
        *at = now;
        if refilled >= 1.0 {
            *tokens = refilled - 1.0;
            (true, 0)
        } else {
            *tokens = refilled;
            let wait_seconds = (1.0 - refilled) / per_second;
            (
                false,
                Duration::from_secs_f64(wait_seconds)
                    .as_millis()
                    .try_into()
                    .unwrap_or(u64::MAX),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_empty_bucket_refuses_until_it_refills() {
        let limiters = Limiters::new(None, "unit");
        let per = Duration::from_millis(300);
        for _ in 0..3 {
            assert_eq!(limiters.api_keys.take("k", 3, per).await, Ok(()));
        }
        assert_eq!(limiters.api_keys.take("k", 3, per).await, Err(1));
        // Another key has its own bucket.
        assert_eq!(limiters.api_keys.take("other", 3, per).await, Ok(()));
        tokio::time::sleep(Duration::from_millis(150)).await;
        assert_eq!(limiters.api_keys.take("k", 3, per).await, Ok(()));
    }
}
