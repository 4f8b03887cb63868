//! Realtime (SPEC §2.8): one LISTEN connection per server instance feeds a broadcast
//! channel; every Server-Sent Events stream (`GET /api/v1/events`) takes from it what its
//! user may see — broadcasts by role, tickets by the user's own row-level security.

use std::{sync::Arc, time::Duration};

use chrono::{DateTime, Utc};
use persistence::{events::Change, Db};
use uuid::Uuid;

use crate::cache::Cache;
use tokio::sync::{broadcast, mpsc, watch};

/// How many changes a slow stream may fall behind before it is told to reload.
const BUFFER: usize = 1024;
const RECONNECT: Duration = Duration::from_secs(2);
/// How long broadcast announcements are gathered into one notification.
const COALESCE: Duration = Duration::from_millis(100);

/// Stored broadcast logs to announce (`broadcast_logs.created`): how many, how many
/// failed, and the newest of them.
#[derive(Debug, Clone)]
pub struct BroadcastsStored {
    pub count: usize,
    pub failed: usize,
    pub newest: NewestBroadcast,
}

#[derive(Debug, Clone)]
pub struct NewestBroadcast {
    pub id: Uuid,
    pub tracking_number: String,
    pub status: String,
    pub error_message: Option<String>,
    pub broadcast_at: DateTime<Utc>,
}

impl BroadcastsStored {
    fn merge(&mut self, other: Self) {
        self.count += other.count;
        self.failed += other.failed;
        if other.newest.broadcast_at >= self.newest.broadcast_at {
            self.newest = other.newest;
        }
    }

    /// The payload the listeners read (the same for every instance).
    fn payload(&self) -> String {
        let n = &self.newest;
        serde_json::json!({
            "type": "broadcast_logs.created",
            "count": self.count,
            "failed": self.failed,
            "id": n.id,
            "tracking_number": n.tracking_number,
            "status": n.status,
            "error_message": n.error_message.as_deref().map(|e| e.chars().take(200).collect::<String>()),
            "broadcast_at": n.broadcast_at,
        })
        .to_string()
    }
}

/// The changes of the database, for every stream of this instance.
#[derive(Clone)]
pub struct EventHub {
    sender: broadcast::Sender<Arc<Change>>,
    /// Whether the LISTEN connection is up.
    listening: watch::Receiver<bool>,
    broadcasts: mpsc::UnboundedSender<BroadcastsStored>,
    conversations: mpsc::UnboundedSender<Vec<Uuid>>,
}

impl EventHub {
    /// Starts listening (and keeps reconnecting) on the `cc_events` channel; every change
    /// also makes the cached dashboards stale.
    pub fn start(db: Db, cache: Cache) -> Self {
        let (broadcasts, pending) = mpsc::unbounded_channel();
        tokio::spawn(announce_broadcasts(db.clone(), pending));
        let (conversations, touched) = mpsc::unbounded_channel();
        tokio::spawn(announce_conversations(db.clone(), touched));
        let (sender, _) = broadcast::channel(BUFFER);
        let feed = sender.clone();
        let (up, listening) = watch::channel(false);
        tokio::spawn(async move {
            loop {
                match db.listen().await {
                    Ok(mut listener) => {
                        tracing::info!("listening for realtime events");
                        let _ = up.send(true);
                        loop {
                            match listener.recv().await {
                                Ok(notification) => {
                                    match serde_json::from_str::<Change>(notification.payload()) {
                                        // No stream listening is not an error.
                                        Ok(change) => {
                                            // A notification changes no dashboard figure.
                                            if !change.kind.starts_with("notification.") {
                                                cache.bump_generation().await;
                                            }
                                            let _ = feed.send(Arc::new(change));
                                        }
                                        Err(err) => {
                                            tracing::warn!(error = %err, "unreadable realtime event");
                                        }
                                    }
                                }
                                Err(err) => {
                                    tracing::warn!(error = %err, "realtime listener lost its connection");
                                    let _ = up.send(false);
                                    break;
                                }
                            }
                        }
                    }
                    Err(err) => {
                        tracing::debug!(error = %err, "realtime listener cannot connect yet")
                    }
                }
                tokio::time::sleep(RECONNECT).await;
            }
        });
        Self {
            sender,
            listening,
            broadcasts,
            conversations,
        }
    }

    /// Announces committed broadcast logs to every instance's streams. Ingest announces
    /// outside its transaction and several requests share one notification (at most one
    /// per [`COALESCE`] per instance), so n8n's writes never queue on PostgreSQL's
    /// notification lock.
    pub fn broadcasts_stored(&self, stored: BroadcastsStored) {
        // Only fails when the announcer ended, i.e. the runtime is shutting down.
        let _ = self.broadcasts.send(stored);
    }

    /// Announces conversations that got messages or changed (`conversation.updated`), as
    /// broadcasts are: outside the writer's transaction, gathered for [`COALESCE`].
    pub fn conversations_changed(&self, ids: Vec<Uuid>) {
        if !ids.is_empty() {
            let _ = self.conversations.send(ids);
        }
    }

    /// Waits (at most `limit`) until changes are being received, e.g. right after start-up.
    pub async fn ready(&self, limit: Duration) -> bool {
        let mut listening = self.listening.clone();
        tokio::time::timeout(limit, listening.wait_for(|up| *up))
            .await
            .is_ok_and(|r| r.is_ok())
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Change>> {
        self.sender.subscribe()
    }
}

/// Gathers broadcast announcements for [`COALESCE`] after the first one and sends them as
/// one notification.
async fn announce_broadcasts(db: Db, mut pending: mpsc::UnboundedReceiver<BroadcastsStored>) {
    while let Some(mut gathered) = pending.recv().await {
        let until = tokio::time::Instant::now() + COALESCE;
        while let Ok(Some(more)) = tokio::time::timeout_at(until, pending.recv()).await {
            gathered.merge(more);
        }
        if let Err(err) = db.notify(&gathered.payload()).await {
            tracing::warn!(error = %err, count = gathered.count, "broadcast announcement not sent");
        }
    }
}

/// Gathers the conversations changed during [`COALESCE`] after the first and announces
/// each once, in one statement.
async fn announce_conversations(db: Db, mut pending: mpsc::UnboundedReceiver<Vec<Uuid>>) {
    while let Some(mut ids) = pending.recv().await {
        let until = tokio::time::Instant::now() + COALESCE;
        while let Ok(Some(more)) = tokio::time::timeout_at(until, pending.recv()).await {
            ids.extend(more);
        }
        ids.sort_unstable();
        ids.dedup();
        let payloads: Vec<String> = ids
            .iter()
            .map(|id| {
                serde_json::json!({"type": "conversation.updated", "id": id, "at": Utc::now()})
                    .to_string()
            })
            .collect();
        if let Err(err) = db.notify_many(&payloads).await {
            tracing::warn!(error = %err, count = ids.len(), "conversation announcement not sent");
        }
    }
}
