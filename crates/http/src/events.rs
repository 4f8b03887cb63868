//! Realtime (SPEC §2.8): one LISTEN connection per server instance feeds a broadcast
//! channel; every Server-Sent Events stream (`GET /api/v1/events`) takes from it what its
//! user may see — broadcasts by role, tickets by the user's own row-level security.

use std::{sync::Arc, time::Duration};

use persistence::{events::Change, Db};

use crate::cache::Cache;
use tokio::sync::{broadcast, watch};

/// How many changes a slow stream may fall behind before it is told to reload.
const BUFFER: usize = 1024;
const RECONNECT: Duration = Duration::from_secs(2);

/// The changes of the database, for every stream of this instance.
#[derive(Clone)]
pub struct EventHub {
    sender: broadcast::Sender<Arc<Change>>,
    /// Whether the LISTEN connection is up.
    listening: watch::Receiver<bool>,
}

impl EventHub {
    /// Starts listening (and keeps reconnecting) on the `cc_events` channel; every change
    /// also makes the cached dashboards stale.
    pub fn start(db: Db, cache: Cache) -> Self {
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
                                            cache.bump_generation().await;
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
        Self { sender, listening }
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
