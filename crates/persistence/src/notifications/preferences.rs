//! NTF-1 preferences: in-app is always on; e-mail per kind, off unless the user turns it
//! on. Each user reads and writes only their own (row-level security).

use domain::notifications::NotificationKind;
use uuid::Uuid;

use crate::{DbError, Stored, Tx};

/// Every kind with whether the caller wants it by e-mail (false when never set).
pub async fn email_preferences(tx: &mut Tx) -> Result<Vec<(NotificationKind, bool)>, DbError> {
    let kinds: Vec<&str> = NotificationKind::ALL.iter().map(|k| k.as_str()).collect();
    let rows = sqlx::query!(
        r#"select k.kind as "kind!: Stored<NotificationKind>", coalesce(p.email, false) as "email!"
             from unnest($1::text[]) with ordinality k (kind, n)
             left join notification_preferences p on p.kind = k.kind and p.user_id = app.uid()
            order by k.n"#,
        &kinds as &[&str],
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.into_iter().map(|r| (r.kind.0, r.email)).collect())
}

/// Sets the caller's e-mail choice of each kind given (the others stay as they are).
pub async fn set_email_preferences(
    tx: &mut Tx,
    user_id: Uuid,
    choices: &[(NotificationKind, bool)],
) -> Result<(), DbError> {
    let kinds: Vec<&str> = choices.iter().map(|(k, _)| k.as_str()).collect();
    let emails: Vec<bool> = choices.iter().map(|(_, e)| *e).collect();
    sqlx::query!(
        "insert into notification_preferences (user_id, kind, email)
         select $1, k, e from unnest($2::text[], $3::bool[]) x (k, e)
         on conflict (user_id, kind) do update set email = excluded.email
          where notification_preferences.email is distinct from excluded.email",
        user_id,
        &kinds as &[&str],
        &emails,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}
