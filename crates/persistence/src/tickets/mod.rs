//! Tickets (SPEC §4.3): the queue, a ticket with its messages, SLA events and the AWB's
//! broadcasts, updates, and the RFQs Operations read through the masked view
//! `v_ops_rfqs_masked` (TCK-5).

mod conversation;
mod export;
mod history;
mod queue;
mod rfqs;
mod sla_report;
mod update;

pub use conversation::*;
pub use export::*;
pub use history::*;
pub use queue::*;
pub use rfqs::*;
pub use sla_report::*;
pub use update::*;
