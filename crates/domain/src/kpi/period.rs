//! KPI-4: the periods of scorecards and trends — a month (`2026-11`), a quarter
//! (`2026-Q4`) or a year (`2026`) — as inclusive Asia/Jakarta days. The same period means
//! the same days for every metric.

use chrono::{Datelike, Duration, NaiveDate};

/// A calendar period of whole days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub kind: PeriodKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Month,
    Quarter,
    Year,
}

const PERIOD_HELP: &str = "must be a month (2026-11), a quarter (2026-Q4) or a year (2026)";

impl Period {
    /// Parses `YYYY-MM`, `YYYY-Qn` or `YYYY` (years 2000–2099).
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let bad = || PERIOD_HELP.to_owned();
        let (year, rest) = match raw.split_once('-') {
            Some((y, rest)) => (y, Some(rest)),
            None => (raw, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        if !(2000..2100).contains(&year) {
            return Err(bad());
        }
        match rest {
            None => Ok(Self::year(year)),
            Some(q) if q.len() == 2 && (q.starts_with('Q') || q.starts_with('q')) => {
                match q[1..].parse::<u32>() {
                    Ok(n @ 1..=4) => Ok(Self::quarter(year, n)),
                    _ => Err(bad()),
                }
            }
            Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                match m.parse::<u32>() {
                    Ok(n @ 1..=12) => Ok(Self::month(year, n)),
                    _ => Err(bad()),
                }
            }
            Some(_) => Err(bad()),
        }
    }

    pub fn month(year: i32, month: u32) -> Self {
        let start = ymd(year, month, 1);
        Self {
            start,
            end: month_end(start),
            kind: PeriodKind::Month,
        }
    }

    pub fn quarter(year: i32, quarter: u32) -> Self {
        let start = ymd(year, (quarter - 1) * 3 + 1, 1);
        let last = ymd(year, quarter * 3, 1);
        Self {
            start,
            end: month_end(last),
            kind: PeriodKind::Quarter,
        }
    }

    pub fn year(year: i32) -> Self {
        Self {
            start: ymd(year, 1, 1),
            end: ymd(year, 12, 31),
            kind: PeriodKind::Year,
        }
    }

    /// The month containing `day`.
    pub fn month_of(day: NaiveDate) -> Self {
        Self::month(day.year(), day.month())
    }

    /// `2026-11`, `2026-Q4` or `2026`.
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Month => format!("{}-{:02}", self.start.year(), self.start.month()),
            PeriodKind::Quarter => format!("{}-Q{}", self.start.year(), self.start.month() / 3 + 1),
            PeriodKind::Year => format!("{}", self.start.year()),
        }
    }

    /// Number of days, both ends included.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// Days of the period elapsed on `today` (today counts): 0 before it starts, all of
    /// them once it has ended — a past period is judged at its end.
    pub fn elapsed_days(&self, today: NaiveDate) -> i64 {
        if today < self.start {
            0
        } else if today >= self.end {
            self.days()
        } else {
            (today - self.start).num_days() + 1
        }
    }

    /// The `n` months ending with the month of this period's end, oldest first.
    pub fn trailing_months(&self, n: u32) -> Vec<Period> {
        let mut months = Vec::with_capacity(n as usize);
        let mut month = Self::month_of(self.end);
        for _ in 0..n {
            months.push(month);
            month = Self::month_of(month.start - Duration::days(1));
        }
        months.reverse();
        months
    }

    /// The same kind of period just before this one.
    pub fn previous(&self) -> Period {
        let day = self.start - Duration::days(1);
        match self.kind {
            PeriodKind::Month => Self::month_of(day),
            PeriodKind::Quarter => Self::quarter(day.year(), (day.month() - 1) / 3 + 1),
            PeriodKind::Year => Self::year(day.year()),
        }
    }

    /// The months of the period, oldest first.
    pub fn months(&self) -> Vec<Period> {
        let mut months = Vec::new();
        let mut month = Self::month_of(self.start);
        while month.start <= self.end {
            months.push(month);
            month = Self::month_of(month.end + Duration::days(1));
        }
        months
    }
}

/// A day of a validated year and month (the constructors above only pass valid ones).
fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

fn month_end(first: NaiveDate) -> NaiveDate {
    let (y, m) = if first.month() == 12 {
        (first.year() + 1, 1)
    } else {
        (first.year(), first.month() + 1)
    };
    ymd(y, m, 1) - Duration::days(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn parses_months_quarters_and_years() {
        let feb = Period::parse("2028-02").unwrap();
        assert_eq!((feb.start, feb.end), (day("2028-02-01"), day("2028-02-29")));
        assert_eq!(feb.days(), 29);
        let q4 = Period::parse("2026-Q4").unwrap();
        assert_eq!((q4.start, q4.end), (day("2026-10-01"), day("2026-12-31")));
        assert_eq!(q4.label(), "2026-Q4");
        let year = Period::parse("2026").unwrap();
        assert_eq!(year.days(), 365);
        assert_eq!(year.months().len(), 12);
        for bad in [
            "", "2026-13", "2026-00", "2026-Q5", "26-01", "2026-1", "1999", "2026/11", "x",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn elapsed_days_count_today_and_stop_at_the_end() {
        let nov = Period::parse("2026-11").unwrap();
        assert_eq!(nov.elapsed_days(day("2026-10-31")), 0);
        assert_eq!(nov.elapsed_days(day("2026-11-01")), 1);
        assert_eq!(nov.elapsed_days(day("2026-11-15")), 15);
        assert_eq!(nov.elapsed_days(day("2026-11-30")), 30);
        assert_eq!(nov.elapsed_days(day("2027-03-01")), 30);
    }

    #[test]
    fn trailing_months_cross_the_year() {
        let labels: Vec<String> = Period::parse("2027-02")
            .unwrap()
            .trailing_months(6)
            .iter()
            .map(Period::label)
            .collect();
        assert_eq!(
            labels,
            ["2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02"]
        );
        assert_eq!(
            Period::parse("2027-Q1").unwrap().previous().label(),
            "2026-Q4"
        );
        assert_eq!(
            Period::parse("2027-01").unwrap().previous().label(),
            "2026-12"
        );
    }
}
