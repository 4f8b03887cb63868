//! Credentials: password hashes (argon2id), access tokens (JWT HS256), refresh tokens and
//! API keys (random, stored as SHA-256).

use std::sync::OnceLock;

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::{Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::{distributions::Alphanumeric, Rng, RngCore};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::ApiError;

/// Hashes a password with argon2id on the blocking thread pool.
pub async fn hash_password(password: String) -> Result<String, ApiError> {
    actix_web::web::block(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
    })
    .await
    .map_err(|err| ApiError::Internal(err.to_string()))?
    .map_err(|err| ApiError::Internal(err.to_string()))
}

/// Verifies a password against a stored hash. With `None` it verifies against a fixed
/// dummy hash so that an unknown e-mail costs the same time as a wrong password.
pub async fn verify_password(
    password: String,
    stored_hash: Option<String>,
) -> Result<bool, ApiError> {
    actix_web::web::block(move || {
        let hash = stored_hash.as_deref().unwrap_or_else(|| dummy_hash());
        let matches = PasswordHash::new(hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        matches && stored_hash.is_some()
    })
    .await
    .map_err(|err| ApiError::Internal(err.to_string()))
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(b"timing-equaliser", &salt)
            .map(|hash| hash.to_string())
            .unwrap_or_default()
    })
}

/// SHA-256, hex: how refresh tokens and API keys are stored.
/// Whether two secrets are equal, compared in time that does not depend on where they
/// differ (their digests are compared).
pub fn same_secret(presented: &str, expected: &str) -> bool {
    let (a, b) = (
        Sha256::digest(presented.as_bytes()),
        Sha256::digest(expected.as_bytes()),
    );
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

pub fn sha256_hex(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}

/// 256 random bits, base64url (43 characters): refresh tokens, generated signing keys.
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A new opaque refresh token (256 random bits).
pub fn new_refresh_token() -> String {
    random_secret()
}

/// A new API key `cck_<40 alphanumerics>` and the prefix shown in lists.
pub fn new_api_key() -> (String, String) {
    let random: String = rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(40)
        .map(char::from)
        .collect();
    let key = format!("cck_{random}");
    let prefix = api_key_prefix(&key);
    (key, prefix)
}

/// The first characters of a key, enough to recognise it in a list.
pub fn api_key_prefix(key: &str) -> String {
    key.chars().take(12).collect()
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: Uuid,
    /// The session (refresh-token family) the token belongs to; it must still be live.
    sid: Uuid,
    iat: i64,
    exp: i64,
    typ: String,
}

/// What a valid access token says: who, and in which session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessToken {
    pub user_id: Uuid,
    pub session_id: Uuid,
}

/// Seconds of clock difference tolerated on `iat`, `exp` and the token's lifetime.
const LEEWAY_SECONDS: i64 = 5;

/// Signs and verifies access tokens. Only HS256 is accepted, so `alg: none` and tokens
/// signed with another algorithm fail verification. A token must carry `sub`, `sid`,
/// `iat` and `exp`, must not be issued in the future, and must not live longer than the
/// configured access-token lifetime: a token minted with a stolen key for ten years is
/// refused.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    access_ttl: Duration,
}

impl JwtKeys {
    pub fn new(secret: &str, access_ttl: Duration) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = LEEWAY_SECONDS.unsigned_abs();
        validation.set_required_spec_claims(&["exp", "sub"]);
        Self {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
            validation,
            access_ttl,
        }
    }

    pub fn access_ttl_seconds(&self) -> i64 {
        self.access_ttl.num_seconds()
    }

    pub fn issue(&self, user_id: Uuid, session_id: Uuid) -> Result<String, ApiError> {
        let now = Utc::now();
        let claims = Claims {
            sub: user_id,
            sid: session_id,
            iat: now.timestamp(),
            exp: (now + self.access_ttl).timestamp(),
            typ: "access".to_owned(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|err| ApiError::Internal(err.to_string()))
    }

    /// The user and session of a valid, unexpired access token of a plausible lifetime.
    pub fn verify(&self, token: &str) -> Result<AccessToken, ApiError> {
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|_| ApiError::Unauthorized)?
            .claims;
        let now = Utc::now().timestamp();
        let plausible = claims.typ == "access"
            && claims.iat <= now + LEEWAY_SECONDS
            && claims.exp.saturating_sub(claims.iat) <= self.access_ttl_seconds() + LEEWAY_SECONDS;
        if !plausible {
            return Err(ApiError::Unauthorized);
        }
        Ok(AccessToken {
            user_id: claims.sub,
            session_id: claims.sid,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_reject_tampering() {
        let keys = JwtKeys::new("test-secret-of-sufficient-length", Duration::minutes(15));
        let (user, session) = (Uuid::new_v4(), Uuid::new_v4());
        let token = keys.issue(user, session).unwrap_or_default();
        assert_eq!(
            keys.verify(&token).ok(),
            Some(AccessToken {
                user_id: user,
                session_id: session
            })
        );

        let other = JwtKeys::new("another-secret-entirely-different", Duration::minutes(15));
        assert!(other.verify(&token).is_err());
        assert!(keys.verify("garbage").is_err());
    }

    fn signed(claims: serde_json::Value) -> String {
        let key = EncodingKey::from_secret(b"test-secret-of-sufficient-length");
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &key).unwrap_or_default()
    }

    #[test]
    fn long_lived_undated_future_and_sessionless_tokens_are_refused() {
        let keys = JwtKeys::new("test-secret-of-sufficient-length", Duration::minutes(15));
        let (sub, sid, now) = (Uuid::new_v4(), Uuid::new_v4(), Utc::now().timestamp());
        let ok = serde_json::json!({"sub": sub, "sid": sid, "iat": now, "exp": now + 900, "typ": "access"});
        assert!(keys.verify(&signed(ok)).is_ok());
        let ten_years = serde_json::json!({"sub": sub, "sid": sid, "iat": now, "exp": now + 315_360_000, "typ": "access"});
        let no_iat = serde_json::json!({"sub": sub, "sid": sid, "exp": now + 900, "typ": "access"});
        let future = serde_json::json!({"sub": sub, "sid": sid, "iat": now + 600, "exp": now + 1200, "typ": "access"});
        let no_sid = serde_json::json!({"sub": sub, "iat": now, "exp": now + 900, "typ": "access"});
        for claims in [ten_years, no_iat, future, no_sid] {
            assert!(keys.verify(&signed(claims.clone())).is_err(), "{claims}");
        }
    }

    #[test]
    fn api_keys_are_random_and_prefixed() {
        let (a, prefix) = new_api_key();
        let (b, _) = new_api_key();
        assert_ne!(a, b);
        assert!(a.starts_with("cck_") && a.len() == 44);
        assert!(a.starts_with(&prefix) && prefix.len() == 12);
        assert_eq!(sha256_hex("abc").len(), 64);
    }
}
