//! NTF-1 e-mail: off unless SMTP is configured (`SMTP_URL`, or `SMTP_HOST` with
//! `SMTP_PORT`, `SMTP_USERNAME`, `SMTP_PASSWORD`, `SMTP_TLS`; `MAIL_FROM`, `APP_BASE_URL`).
//! The worker drains the outbox that `app.notify` fills: each due mail is claimed (one more
//! attempt), sent outside any transaction, then marked sent or retried with backoff — a
//! mail server that is down loses nothing.

use std::{fmt, time::Duration};

use anyhow::{bail, Context};
use domain::notifications::{render_email, EmailContent};
use lettre::{
    message::{header::ContentType, Mailbox},
    transport::smtp::authentication::Credentials,
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};
use persistence::{
    notifications::{self, OutboxMail},
    Db, DbError, Identity, RequestContext,
};

use crate::config::Secret;

/// Mails claimed per run.
const BATCH: i64 = 50;
/// How long a claimed mail is left to its sender before another run may try it.
const LEASE_SECONDS: i32 = 300;
/// Tries before a mail is given up (`failed`); the waits double from a minute up to 6 h.
pub const MAX_ATTEMPTS: i32 = 10;
const SEND_TIMEOUT: Duration = Duration::from_secs(20);

/// How the connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain SMTP (a local catcher such as Mailpit).
    None,
    /// STARTTLS required (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

/// The SMTP settings; `Debug` never shows the password (nor the URL, which may hold it).
#[derive(Clone)]
pub struct SmtpSettings {
    pub url: Option<Secret>,
    pub host: Option<String>,
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub tls: SmtpTls,
    pub from: String,
    /// Where the SPA is reached, for the links in mails.
    pub base_url: String,
}

impl fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("url", &self.url)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("username", &self.username)
            .field("password", &self.password)
            .field("tls", &self.tls)
            .field("from", &self.from)
            .field("base_url", &self.base_url)
            .finish()
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

impl SmtpSettings {
    /// None (e-mail off) unless `SMTP_URL` or `SMTP_HOST` is set.
    pub fn from_env() -> anyhow::Result<Option<Self>> {
        let (url, host) = (var("SMTP_URL"), var("SMTP_HOST"));
        if url.is_none() && host.is_none() {
            return Ok(None);
        }
        let tls = match var("SMTP_TLS").as_deref() {
            None | Some("starttls") => SmtpTls::StartTls,
            Some("none") => SmtpTls::None,
            Some("tls") => SmtpTls::Tls,
            Some(other) => bail!("SMTP_TLS={other:?} is invalid (none, starttls or tls)"),
        };
        let port = match var("SMTP_PORT") {
            Some(raw) => raw.parse().context("SMTP_PORT must be a port number")?,
            None => match tls {
                SmtpTls::None => 25,
                SmtpTls::StartTls => 587,
                SmtpTls::Tls => 465,
            },
        };
        Ok(Some(Self {
            url: url.map(Secret::new),
            host,
            port,
            username: var("SMTP_USERNAME"),
            password: var("SMTP_PASSWORD").map(Secret::new),
            tls,
            from: var("MAIL_FROM")
                .unwrap_or_else(|| "Command Center <no-reply@localhost>".to_owned()),
            base_url: var("APP_BASE_URL").unwrap_or_else(|| "http://127.0.0.1:8080".to_owned()),
        }))
    }
}

/// A connection-pooled SMTP client and what every mail shares.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    base_url: String,
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

impl Mailer {
    pub fn new(settings: &SmtpSettings) -> anyhow::Result<Self> {
        let builder = match (&settings.url, &settings.host) {
            (Some(url), _) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                .context("SMTP_URL is invalid")?,
            (None, Some(host)) => match settings.tls {
                SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
                SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)?,
                SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)?,
            }
            .port(settings.port),
            (None, None) => bail!("SMTP_URL or SMTP_HOST is required"),
        };
        let builder = match (&settings.username, &settings.password) {
            (Some(user), Some(password)) => {
                builder.credentials(Credentials::new(user.clone(), password.expose().to_owned()))
            }
            _ => builder,
        };
        Ok(Self {
            transport: builder.timeout(Some(SEND_TIMEOUT)).build(),
            from: settings.from.parse().context("MAIL_FROM is invalid")?,
            base_url: settings.base_url.clone(),
        })
    }

    async fn send(&self, mail: &OutboxMail) -> Result<(), String> {
        let rendered = render_email(
            &EmailContent {
                language: mail.language,
                title: &mail.subject,
                body: &mail.body_text,
                link: mail.link.as_deref(),
            },
            &self.base_url,
        );
        let to: Mailbox = mail.to_address.parse().map_err(|e| format!("{e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(rendered.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(rendered.text)
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// What one drain of the outbox did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
}

/// Seconds before the next try after `attempts` failed ones: 1, 2, 4 … minutes, at most 6 h.
pub fn backoff_seconds(attempts: i32) -> i32 {
    let exponent = u32::try_from(attempts.clamp(1, 10) - 1).unwrap_or(0);
    (60 * 2_i32.pow(exponent)).min(6 * 3600)
}

fn context() -> RequestContext {
    RequestContext::new(Identity::Worker, format!("mail-{}", uuid::Uuid::new_v4()))
}

/// Sends the due mails of the outbox once (the worker calls it every cycle).
pub async fn deliver_due(db: &Db, mailer: &Mailer) -> Result<Delivered, DbError> {
    let (mut tx, _) = db.begin(&context()).await?;
    let due = notifications::claim_due_mail(&mut tx, BATCH, LEASE_SECONDS).await?;
    persistence::commit(tx).await?;
    let mut done = Delivered::default();
    for mail in due {
        let outcome = mailer.send(&mail).await;
        let (mut tx, _) = db.begin(&context()).await?;
        match outcome {
            Ok(()) => {
                notifications::mark_mail_sent(&mut tx, mail.id).await?;
                done.sent += 1;
            }
            Err(err) => {
                tracing::warn!(mail = %mail.id, attempt = mail.attempts, error = %err, "mail not sent");
                let wait = backoff_seconds(mail.attempts);
                notifications::mark_mail_failed(&mut tx, mail.id, &err, wait, MAX_ATTEMPTS).await?;
                done.failed += 1;
            }
        }
        persistence::commit(tx).await?;
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_a_minute_up_to_six_hours() {
        assert_eq!(backoff_seconds(1), 60);
        assert_eq!(backoff_seconds(2), 120);
        assert_eq!(backoff_seconds(5), 960);
        assert_eq!(backoff_seconds(10), 6 * 3600);
        assert_eq!(backoff_seconds(99), 6 * 3600);
    }

    #[test]
    fn settings_debug_hides_the_password_and_url() {
        let settings = SmtpSettings {
            url: Some(Secret::new("smtp://u:hunter2@mail")),
            host: None,
            port: 25,
            username: Some("u".into()),
            password: Some(Secret::new("hunter2")),
            tls: SmtpTls::None,
            from: "a@b.c".into(),
            base_url: "http://x".into(),
        };
        assert!(!format!("{settings:?}").contains("hunter2"));
    }
}
