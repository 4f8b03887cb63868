//! DSO-2 arithmetic over day-by-day movements: the AR balance of a day is everything
//! invoiced by then minus everything applied by then (an allocation counts from the later
//! of its payment's and its invoice's date), which equals Σ outstanding of that day.
//!
//! * simple: DSO(D) = AR(D) ÷ revenue(D−N+1 … D) × N, `None` when that revenue is 0;
//! * countback: from D backwards, each day's revenue uses up AR; DSO is the number of
//!   whole days used plus the fraction of the last one, `None` when a year of revenue
//!   does not use it up.

use chrono::{Duration, NaiveDate};

use super::DsoMethod;

/// The series: one point a day for the last 183 days (six months), the last being `as_of`.
pub const SERIES_DAYS: i64 = 183;
/// How far back countback walks through revenue.
pub const COUNTBACK_LIMIT_DAYS: i64 = 365;
/// The widest rolling window accepted (`days`).
pub const MAX_WINDOW_DAYS: i64 = 365;

/// What was invoiced and applied on one day, in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyMove {
    pub day: NaiveDate,
    pub invoiced: i128,
    pub applied: i128,
}

/// One day of the report. `dso` is in hundredths of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DsoPoint {
    pub date: NaiveDate,
    pub ar_balance: i128,
    pub revenue: i128,
    pub dso: Option<i128>,
}

/// The first day whose movements the report needs one by one; earlier days may come
/// summed into any single row dated before it.
pub fn first_day(as_of: NaiveDate, days: i64, method: DsoMethod) -> NaiveDate {
    let lookback = match method {
        DsoMethod::Simple => days,
        DsoMethod::Countback => COUNTBACK_LIMIT_DAYS.max(days),
    };
    as_of - Duration::days(SERIES_DAYS - 1 + lookback - 1)
}

/// The daily series ending on `as_of` (oldest first) from `moves`.
pub fn series(
    moves: &[DailyMove],
    as_of: NaiveDate,
    days: i64,
    method: DsoMethod,
) -> Vec<DsoPoint> {
    let first = first_day(as_of, days, method);
    let n = usize::try_from((as_of - first).num_days() + 1).unwrap_or(0);
    let mut invoiced = vec![0i128; n];
    let mut net = vec![0i128; n];
    let mut opening = 0i128;
    for m in moves.iter().filter(|m| m.day <= as_of) {
        match usize::try_from((m.day - first).num_days()) {
            Ok(i) => {
                invoiced[i] += m.invoiced;
                net[i] += m.invoiced - m.applied;
            }
            Err(_) => opening += m.invoiced - m.applied,
        }
    }
    let mut balance = Vec::with_capacity(n);
    let mut running = opening;
    for delta in &net {
        running += delta;
        balance.push(running);
    }
    let window = usize::try_from(days).unwrap_or(1).max(1);
    let start = n.saturating_sub(usize::try_from(SERIES_DAYS).unwrap_or(0));
    (start..n)
        .map(|i| {
            let revenue: i128 = invoiced[(i + 1).saturating_sub(window)..=i].iter().sum();
            let ar = balance[i];
            let dso = match method {
                DsoMethod::Simple => ratio_hundredths(ar * window as i128, revenue),
                DsoMethod::Countback => countback(ar, &invoiced[..=i]),
            };
            DsoPoint {
                date: first + Duration::days(i as i64),
                ar_balance: ar,
                revenue,
                dso,
            }
        })
        .collect()
}

/// Walks back from the last day of `invoiced` until `ar` is used up.
fn countback(ar: i128, invoiced: &[i128]) -> Option<i128> {
    if ar <= 0 {
        return Some(0);
    }
    let limit = usize::try_from(COUNTBACK_LIMIT_DAYS).unwrap_or(365);
    let mut remaining = ar;
    for (whole_days, revenue) in (0i128..).zip(invoiced.iter().rev().take(limit)) {
        if *revenue >= remaining && *revenue > 0 {
            return ratio_hundredths(remaining, *revenue).map(|f| whole_days * 100 + f);
        }
        remaining -= revenue.max(&0);
    }
    None
}

/// `num ÷ den` in hundredths, rounded half away from zero; `None` when `den` is 0.
fn ratio_hundredths(num: i128, den: i128) -> Option<i128> {
    if den == 0 {
        return None;
    }
    let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
    let scaled = num * 100;
    let half = den / 2;
    Some(if scaled >= 0 {
        (scaled + half) / den
    } else {
        (scaled - half) / den
    })
}

/// Hundredths of a day as text: `4286` → `"42.86"`.
pub fn days_text(hundredths: i128) -> String {
    crate::money::cents_text(hundredths)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn mv(d: &str, invoiced: i128, applied: i128) -> DailyMove {
        DailyMove {
            day: day(d),
            invoiced,
            applied,
        }
    }

    #[test]
    fn simple_dso_is_ar_over_revenue_times_days() {
        // As of 2026-06-30, days = 30: revenue window 2026-06-01 … 06-30.
        // Invoiced 2026-05-15: 1,000.00 (outside the window, fully open);
        // 2026-06-10: 2,000.00 and 2026-06-20: 1,000.00 (revenue = 3,000.00);
        // applied 2026-06-25: 1,500.00.
        // AR = 1,000 + 2,000 + 1,000 − 1,500 = 2,500.00; DSO = 2,500 ÷ 3,000 × 30 = 25.00.
        let moves = [
            mv("2026-05-15", 100_000, 0),
            mv("2026-06-10", 200_000, 0),
            mv("2026-06-20", 100_000, 0),
            mv("2026-06-25", 0, 150_000),
        ];
        let s = series(&moves, day("2026-06-30"), 30, DsoMethod::Simple);
        assert_eq!(s.len(), 183);
        let last = s.last().copied().expect("as_of point");
        assert_eq!(last.date, day("2026-06-30"));
        assert_eq!(
            (last.ar_balance, last.revenue, last.dso),
            (250_000, 300_000, Some(2_500))
        );
        // On 2026-06-24 (before the payment): AR 4,000; revenue 06-01 … 06-24 = 3,000;
        // DSO = 4,000 ÷ 3,000 × 30 = 40.00.
        let p = s
            .iter()
            .find(|p| p.date == day("2026-06-24"))
            .copied()
            .expect("point");
        assert_eq!(
            (p.ar_balance, p.revenue, p.dso),
            (400_000, 300_000, Some(4_000))
        );
        // On 2026-06-14 the window 05-16 … 06-14 holds 2,000 of revenue, AR 3,000:
        // 3,000 ÷ 2,000 × 30 = 45.00.
        let p = s
            .iter()
            .find(|p| p.date == day("2026-06-14"))
            .copied()
            .expect("point");
        assert_eq!(p.dso, Some(4_500));
    }

    #[test]
    fn zero_revenue_gives_no_dso() {
        // 1,000.00 invoiced on 2026-01-01, nothing since: revenue of the last 30 days on
        // 2026-06-30 is 0, so DSO is null although AR is 1,000.00.
        let moves = [mv("2026-01-01", 100_000, 0)];
        let last = *series(&moves, day("2026-06-30"), 30, DsoMethod::Simple)
            .last()
            .expect("point");
        assert_eq!(
            (last.ar_balance, last.revenue, last.dso),
            (100_000, 0, None)
        );
        assert_eq!(
            series(&[], day("2026-06-30"), 30, DsoMethod::Simple)[0].dso,
            None
        );
    }

    #[test]
    fn countback_walks_back_until_ar_is_used_up() {
        // Revenue: 06-28 3,000.00, 06-29 2,000.00, 06-30 1,000.00; AR on 06-30 4,500.00.
        // 06-30 uses 1,000 (3,500 left, 1 day), 06-29 uses 2,000 (1,500 left, 2 days),
        // 06-28 has 3,000 ≥ 1,500: 2 + 1,500 ÷ 3,000 = 2.50 days.
        let moves = [
            mv("2026-06-28", 300_000, 0),
            mv("2026-06-29", 200_000, 0),
            mv("2026-06-30", 100_000, 150_000),
        ];
        let last = *series(&moves, day("2026-06-30"), 30, DsoMethod::Countback)
            .last()
            .expect("point");
        assert_eq!(last.ar_balance, 450_000);
        assert_eq!(last.dso, Some(250));
        // Simple on the same figures: 4,500 ÷ 6,000 × 30 = 22.50.
        let simple = *series(&moves, day("2026-06-30"), 30, DsoMethod::Simple)
            .last()
            .expect("point");
        assert_eq!(simple.dso, Some(2_250));
    }

    #[test]
    fn countback_without_enough_revenue_is_null_and_nothing_owed_is_zero() {
        // 1,000.00 invoiced two years back, never paid: a year of revenue (0) never
        // uses it up.
        let moves = [mv("2024-06-30", 100_000, 0)];
        assert_eq!(
            series(&moves, day("2026-06-30"), 30, DsoMethod::Countback)
                .last()
                .map(|p| p.dso),
            Some(None)
        );
        let paid = [mv("2026-06-01", 100_000, 0), mv("2026-06-02", 0, 100_000)];
        assert_eq!(
            series(&paid, day("2026-06-30"), 30, DsoMethod::Countback)
                .last()
                .map(|p| p.dso),
            Some(Some(0))
        );
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        // 1 ÷ 3 × 30 = 10.00; 2 ÷ 3 = 0.67; 1 ÷ 8 = 0.13 (0.125 rounds up).
        assert_eq!(ratio_hundredths(30, 3), Some(1_000));
        assert_eq!(ratio_hundredths(2, 3), Some(67));
        assert_eq!(ratio_hundredths(1, 8), Some(13));
        assert_eq!(days_text(4_286), "42.86");
    }
}
