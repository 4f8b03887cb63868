//! The key access tokens are signed with: `JWT_SECRET`; else the file `JWT_SECRET_FILE`,
//! created with a random key (mode 0600) on first start and read on every later one
//! (`make run` keeps it beside its PostgreSQL cluster, `.data/jwt-secret`); else a random
//! key for this process only (tokens die with it; refused in production).

use std::{
    io::{ErrorKind, Write},
    os::unix::fs::OpenOptionsExt,
    path::{Path, PathBuf},
};

use anyhow::{bail, Context};

use crate::config::Secret;

/// The shortest key accepted in production (and in any key file).
pub const MIN_LEN: usize = 32;

/// Keys that were once published (in the repository's examples): refused everywhere, so
/// nobody can mint tokens for an instance that still has one configured.
const PUBLISHED: &[&str] = &["dev-only-jwt-secret-change-me-in-production"];

/// Where the key came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwtSecretSource {
    Env,
    File(PathBuf),
    /// Generated for this process: no other process or restart accepts its tokens.
    Process,
}

/// The key from `JWT_SECRET` (`env_value`), else from `file`, else a random one.
pub fn resolve(
    env_value: Option<String>,
    file: Option<PathBuf>,
) -> anyhow::Result<(Secret, JwtSecretSource)> {
    let (secret, source) = match (env_value, file) {
        (Some(value), _) => (value, JwtSecretSource::Env),
        (None, Some(path)) => (load_or_create(&path)?, JwtSecretSource::File(path)),
        (None, None) => (
            http_api::credentials::random_secret(),
            JwtSecretSource::Process,
        ),
    };
    if PUBLISHED.contains(&secret.as_str()) {
        bail!("JWT_SECRET is a published example value: anyone could sign tokens with it; unset it or set a random value of at least {MIN_LEN} characters");
    }
    Ok((Secret::new(secret), source))
}

/// Reads the key in `path`, or creates the file with a new random key when it does not
/// exist (atomically: concurrent first starts agree on one key).
pub fn load_or_create(path: &Path) -> anyhow::Result<String> {
    if let Some(secret) = read(path)? {
        return Ok(secret);
    }
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let secret = http_api::credentials::random_secret();
    let partial = path.with_extension(format!("partial-{}", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&partial)
        .and_then(|mut file| {
            file.write_all(secret.as_bytes())?;
            file.sync_all()
        })
        .and_then(|()| std::fs::hard_link(&partial, path));
    let _ = std::fs::remove_file(&partial);
    match written {
        Ok(()) => Ok(secret),
        Err(err) if err.kind() == ErrorKind::AlreadyExists => {
            read(path)?.with_context(|| format!("JWT_SECRET_FILE {} vanished", path.display()))
        }
        Err(err) => {
            Err(err).with_context(|| format!("cannot write JWT_SECRET_FILE {}", path.display()))
        }
    }
}

fn read(path: &Path) -> anyhow::Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let secret = text.trim().to_owned();
            if secret.len() < MIN_LEN {
                bail!(
                    "JWT_SECRET_FILE {} holds fewer than {MIN_LEN} characters",
                    path.display()
                );
            }
            Ok(Some(secret))
        }
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(None),
        Err(err) => {
            Err(err).with_context(|| format!("cannot read JWT_SECRET_FILE {}", path.display()))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn scratch() -> PathBuf {
        std::env::temp_dir().join(format!("cc-jwt-{}", uuid::Uuid::new_v4().simple()))
    }

    #[test]
    fn the_key_file_is_created_once_private_and_then_reused() {
        let dir = scratch();
        let path = dir.join("data").join("jwt-secret");
        let (first, source) = resolve(None, Some(path.clone())).expect("created");
        assert_eq!(source, JwtSecretSource::File(path.clone()));
        assert!(first.expose().len() >= MIN_LEN);
        let mode = std::fs::metadata(&path).expect("file").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let (again, _) = resolve(None, Some(path.clone())).expect("reused");
        assert_eq!(again.expose(), first.expose());
        let leftovers = std::fs::read_dir(path.parent().expect("dir"))
            .expect("list")
            .count();
        assert_eq!(leftovers, 1, "only the key file remains");
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn without_settings_each_process_gets_its_own_random_key() {
        let (a, source) = resolve(None, None).expect("random");
        let (b, _) = resolve(None, None).expect("random");
        assert_eq!(source, JwtSecretSource::Process);
        assert_ne!(a.expose(), b.expose());
        assert!(a.expose().len() >= MIN_LEN);
    }

    #[test]
    fn the_published_example_key_is_refused_everywhere() {
        let old = "dev-only-jwt-secret-change-me-in-production".to_owned();
        assert!(resolve(Some(old.clone()), None).is_err());
        let path = scratch();
        std::fs::write(&path, &old).expect("write");
        assert!(resolve(None, Some(path.clone())).is_err());
        std::fs::write(&path, "short").expect("write");
        assert!(resolve(None, Some(path.clone())).is_err());
        std::fs::remove_file(path).ok();
    }

    #[test]
    fn a_ten_year_token_signed_with_the_published_key_fails_on_a_fresh_data_directory() {
        use http_api::credentials::JwtKeys;
        let dir = scratch();
        let (secret, _) = resolve(None, Some(dir.join("jwt-secret"))).expect("created");
        let server = JwtKeys::new(secret.expose(), chrono::Duration::minutes(15));
        let forger = JwtKeys::new(PUBLISHED[0], chrono::Duration::days(3650));
        let (user, session) = (uuid::Uuid::new_v4(), uuid::Uuid::new_v4());
        let forged = forger.issue(user, session).expect("forged");
        assert!(server.verify(&forged).is_err());
        // The control: the server's own tokens verify.
        let own = server.issue(user, session).expect("issued");
        assert!(server.verify(&own).is_ok());
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn the_start_script_keeps_the_key_beside_the_local_cluster() {
        let script = include_str!("../../../scripts/run.sh");
        assert!(
            script.contains(
                "JWT_SECRET_FILE=\"${JWT_SECRET_FILE:-${CC_DATA_DIR:-.data}/jwt-secret}\""
            ),
            "scripts/run.sh exports JWT_SECRET_FILE under the data directory"
        );
    }
}
