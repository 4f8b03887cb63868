//! The figures of a period as `app.wa_rollup` returns them (counters summed, each
//! distribution as n, average, median and 90th percentile), and the rates made of them.

use serde::Deserialize;

use super::SlaStatus;

/// A distribution of values (business minutes or seconds).
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
pub struct Distribution {
    pub n: i64,
    pub avg: Option<f64>,
    pub median: Option<f64>,
    pub p90: Option<f64>,
}

/// The stored figures of a period (see `app.wa_window_metrics` for each one's meaning).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Metrics {
    pub inbound: i64,
    pub outbound_agent: i64,
    pub outbound_bot: i64,
    pub campaign_sent: i64,
    pub out_sent: i64,
    pub out_delivered: i64,
    pub out_read: i64,
    pub out_failed: i64,
    pub campaign_delivered: i64,
    pub campaign_failed: i64,
    /// The provider's charges, in IDR cents.
    pub cost_cents: i64,
    pub conv_opened: i64,
    pub conv_returning: i64,
    pub conv_resolved: i64,
    pub conv_resolved_bot: i64,
    pub conv_bot_only: i64,
    pub conv_with_bot: i64,
    pub bot_response_s: Distribution,
    pub first_responses: i64,
    pub sla_met: i64,
    pub escalated: i64,
    pub first_response_bm: Distribution,
    pub assignment_response_bm: Distribution,
    pub wait_s: Distribution,
    pub leads_created: i64,
}

/// `part / whole` in percent with one decimal; none of nothing.
pub fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| round1(part as f64 * 100.0 / whole as f64))
}

/// The change from `previous` to `current` in percent with one decimal; none from zero.
pub fn change_percent(current: f64, previous: f64) -> Option<f64> {
    (previous != 0.0).then(|| round1((current - previous) * 100.0 / previous.abs()))
}

pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Where a compliance percentage stands (see [`SlaStatus`]).
pub fn sla_status(compliance: Option<f64>) -> SlaStatus {
    match compliance {
        None => SlaStatus::NoData,
        Some(pct) if pct >= 90.0 => SlaStatus::Met,
        Some(pct) if pct >= 75.0 => SlaStatus::AtRisk,
        Some(_) => SlaStatus::Breached,
    }
}

impl Metrics {
    /// Outbound messages delivered (or read) of those sent.
    pub fn delivery_rate(&self) -> Option<f64> {
        percent(self.out_delivered, self.out_sent)
    }

    pub fn read_rate(&self) -> Option<f64> {
        percent(self.out_read, self.out_sent)
    }

    pub fn failure_rate(&self) -> Option<f64> {
        percent(self.out_failed, self.out_sent)
    }

    /// First replies of people within the SLA target.
    pub fn sla_compliance(&self) -> Option<f64> {
        percent(self.sla_met, self.first_responses)
    }

    /// Campaign messages delivered of those sent.
    pub fn broadcast_success_rate(&self) -> Option<f64> {
        percent(self.campaign_delivered, self.campaign_sent)
    }

    /// Conversations the bot closed without a person, of those the bot answered.
    pub fn auto_reply_success_rate(&self) -> Option<f64> {
        percent(self.conv_bot_only, self.conv_with_bot)
    }

    /// Conversations a person took over after the bot, of those the bot answered.
    pub fn escalation_rate(&self) -> Option<f64> {
        percent(self.escalated, self.conv_with_bot)
    }

    /// Conversations of numbers that had one before, of those opened.
    pub fn repeat_customer_rate(&self) -> Option<f64> {
        percent(self.conv_returning, self.conv_opened)
    }

    /// Resolved conversations of those opened.
    pub fn resolution_rate(&self) -> Option<f64> {
        percent(self.conv_resolved, self.conv_opened)
    }

    /// The charges in IDR as a decimal string (`1172.66`).
    pub fn cost_idr(&self) -> String {
        crate::money::cents_text(i128::from(self.cost_cents))
    }

    /// The cost per conversation opened, in IDR, rounded half up to the cent.
    pub fn cost_per_conversation(&self) -> Option<String> {
        let (cents, n) = (i128::from(self.cost_cents), i128::from(self.conv_opened));
        (n > 0).then(|| crate::money::cents_text((2 * cents + n) / (2 * n)))
    }

    /// Every message either way.
    pub fn messages(&self) -> i64 {
        self.inbound + self.outbound_agent + self.outbound_bot + self.campaign_sent
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn rollup_rows_read_with_absent_figures_as_zero() {
        let m: Metrics = serde_json::from_value(json!({
            "inbound": 12, "out_sent": 8, "out_delivered": 6, "out_read": 3, "out_failed": 1,
            "cost_cents": 117266, "conv_opened": 4,
            "first_response_bm": {"n": 4, "avg": 11.5, "median": 9.0, "p90": 21.3},
            "unknown_future_figure": 5
        }))
        .unwrap();
        assert_eq!(m.inbound, 12);
        assert_eq!(m.conv_resolved, 0);
        assert_eq!(m.first_response_bm.median, Some(9.0));
        assert_eq!(m.wait_s, Distribution::default());
        // 1,172.66 over 4 conversations = 293.165, half up 293.17.
        assert_eq!(m.cost_idr(), "1172.66");
        assert_eq!(m.cost_per_conversation().as_deref(), Some("293.17"));
        // 6 of 8 delivered = 75 %, 3 of 8 read = 37.5 %, 1 of 8 failed = 12.5 %.
        assert_eq!(m.delivery_rate(), Some(75.0));
        assert_eq!(m.read_rate(), Some(37.5));
        assert_eq!(m.failure_rate(), Some(12.5));
        assert_eq!(m.sla_compliance(), None);
    }

    #[test]
    fn rates_and_trends_round_to_one_decimal_and_never_divide_by_zero() {
        assert_eq!(percent(2, 3), Some(66.7));
        assert_eq!(percent(0, 0), None);
        assert_eq!(change_percent(15.0, 12.0), Some(25.0));
        assert_eq!(change_percent(9.0, 12.0), Some(-25.0));
        assert_eq!(change_percent(3.0, 0.0), None);
        assert_eq!(sla_status(Some(90.0)), SlaStatus::Met);
        assert_eq!(sla_status(Some(89.9)), SlaStatus::AtRisk);
        assert_eq!(sla_status(Some(74.9)), SlaStatus::Breached);
        assert_eq!(sla_status(None), SlaStatus::NoData);
    }
}
