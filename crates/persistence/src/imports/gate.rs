//! Two batches of one import in flight at once, with the outcome of running them one
//! after the other. Each batch names the natural keys its rows touch (invoice numbers;
//! a lead's NPWP, e-mail, phone and company key); batches enter in order, and a batch
//! sharing a key with an earlier batch still in flight waits until that batch has
//! committed, so it sees what the earlier rows wrote — as it would have, one by one.
//! Earlier batches never wait for later ones. A batch whose earlier batch failed does
//! not run beside the others: it is run again alone, in order, after them.

use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, Mutex},
};

use tokio::sync::watch;

#[derive(Default)]
struct State {
    /// Batches that named their keys.
    entered: HashSet<usize>,
    /// Batches that ended, and whether they committed.
    finished: HashMap<usize, bool>,
    /// The last batch that named each key.
    owner: HashMap<String, usize>,
}

/// The batches of one run.
#[derive(Clone)]
pub(super) struct Gate {
    state: Arc<Mutex<State>>,
    changed: Arc<watch::Sender<u64>>,
}

/// One batch's place in the run.
pub(crate) struct Ticket {
    gate: Gate,
    index: usize,
}

impl Gate {
    pub(super) fn new() -> Self {
        Self {
            state: Arc::default(),
            changed: Arc::new(watch::channel(0).0),
        }
    }

    pub(super) fn ticket(&self, index: usize) -> Ticket {
        Ticket {
            gate: self.clone(),
            index,
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut state)
    }

    fn bump(&self) {
        self.changed.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// Waits until `ready` holds (checked on every change of the state).
    async fn until<T>(&self, mut ready: impl FnMut(&mut State) -> Option<T>) -> T {
        let mut changes = self.changed.subscribe();
        loop {
            if let Some(value) = self.with(&mut ready) {
                return value;
            }
            if changes.changed().await.is_err() {
                // The sender lives in `self`; it cannot go away while we wait.
                continue;
            }
        }
    }
}

impl Ticket {
    /// Names the batch's keys (after every earlier batch named its own) and waits for
    /// the earlier batches in flight that share one. `false`: one of them failed, and
    /// this batch must run again alone after the others.
    pub(crate) async fn enter(&self, keys: Vec<String>) -> bool {
        let index = self.index;
        let earlier = self
            .gate
            .until(|s| {
                let ordered =
                    (0..index).all(|j| s.entered.contains(&j) || s.finished.contains_key(&j));
                ordered.then(|| {
                    let mut earlier = HashSet::new();
                    for key in keys.iter() {
                        match s.owner.insert(key.clone(), index) {
                            Some(j) if j != index => {
                                earlier.insert(j);
                            }
                            _ => {}
                        }
                    }
                    s.entered.insert(index);
                    earlier
                })
            })
            .await;
        self.gate.bump();
        self.gate
            .until(|s| {
                let mut all = true;
                for j in &earlier {
                    match s.finished.get(j) {
                        Some(false) => return Some(false),
                        Some(true) => {}
                        None => all = false,
                    }
                }
                all.then_some(true)
            })
            .await
    }

    /// The batch ended: committed (`true`) or not.
    pub(crate) fn leave(&self, committed: bool) {
        self.gate.with(|s| s.finished.insert(self.index, committed));
        self.gate.bump();
    }
}

#[cfg(test)]
mod tests {
    use super::Gate;

    fn keys(k: &[&str]) -> Vec<String> {
        k.iter().map(|s| (*s).to_owned()).collect()
    }

    #[tokio::test]
    async fn a_batch_waits_only_for_an_earlier_batch_sharing_a_key() {
        let gate = Gate::new();
        let (a, b, c) = (gate.ticket(0), gate.ticket(1), gate.ticket(2));
        assert!(a.enter(keys(&["x"])).await);
        // b shares nothing with a: in at once
        assert!(b.enter(keys(&["y"])).await);
        // c shares "x" with a, still running: waits until a committed
        let waiting = tokio::spawn(async move { c.enter(keys(&["x", "z"])).await });
        tokio::task::yield_now().await;
        assert!(!waiting.is_finished());
        a.leave(true);
        assert_eq!(waiting.await.ok(), Some(true));
        b.leave(true);
    }

    #[tokio::test]
    async fn a_batch_after_a_failed_one_with_a_shared_key_runs_again_later() {
        let gate = Gate::new();
        let (a, b) = (gate.ticket(0), gate.ticket(1));
        assert!(a.enter(keys(&["x"])).await);
        let waiting = tokio::spawn(async move { b.enter(keys(&["x"])).await });
        a.leave(false);
        assert_eq!(waiting.await.ok(), Some(false));
    }

    #[tokio::test]
    async fn batches_enter_in_order_even_when_an_earlier_one_never_does() {
        let gate = Gate::new();
        let (a, b) = (gate.ticket(0), gate.ticket(1));
        let later = tokio::spawn(async move { b.enter(keys(&["x"])).await });
        tokio::task::yield_now().await;
        assert!(!later.is_finished());
        // a ends before naming keys (e.g. its rows could not be read)
        a.leave(false);
        assert_eq!(later.await.ok(), Some(true));
    }
}
