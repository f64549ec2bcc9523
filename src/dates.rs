//! The date arithmetic of rules.md: "+N months" keeps the day or clamps to the month's last
//! day, "+N years" is +12·N months, and calendar quarters. A leaf module.

use chrono::{Datelike, Days, Months, NaiveDate};
use std::fmt;

/// English month names, as the site writes them (chrono's `%B`, without its formatter's
/// cost on thousands of relationships): the timeline's labels and the guard's site text.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar quarter: Q1 = Jan–Mar, … Q4 = Oct–Dec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub number: u32,
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number)
    }
}

/// The same day `n` months later, or that month's last day (2026-01-31 + 1 = 2026-02-28).
pub fn add_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// The whole months from `from` to `to` in the same "+N months" arithmetic: the greatest N
/// with `from` + N months on or before `to` (0 when `to` is earlier). 2026-01-31 to
/// 2026-02-28 is one month; 2026-02-02 to 2026-06-19 is four.
pub fn whole_months(from: NaiveDate, to: NaiveDate) -> u32 {
    let apart = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    let Ok(apart) = u32::try_from(apart) else {
        return 0;
    };
    if apart > 0 && add_months(from, apart) > to {
        apart - 1
    } else {
        apart
    }
}

/// +12·N months, so 29 February + 1 year = 28 February.
pub fn add_years(date: NaiveDate, n: u32) -> NaiveDate {
    add_months(date, n.saturating_mul(12))
}

pub fn add_days(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MAX)
}

impl Quarter {
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            number: date.month0() / 3 + 1,
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, (self.number - 1) * 3 + 1, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        add_months(self.first_day(), 3)
            .pred_opt()
            .unwrap_or(NaiveDate::MIN)
    }

    pub fn next(self) -> Quarter {
        Quarter::of(add_months(self.first_day(), 3))
    }
}

/// The quarters whose last day falls within `start..=close`.
pub fn quarters_ending_within(start: NaiveDate, close: NaiveDate) -> Vec<Quarter> {
    let mut quarters = Vec::new();
    let mut quarter = Quarter::of(start);
    while quarter.last_day() <= close && quarter.first_day() < NaiveDate::MAX {
        if quarter.last_day() >= start {
            quarters.push(quarter);
        }
        quarter = quarter.next();
    }
    quarters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn months_clamp_to_the_last_day() {
        assert_eq!(add_months(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(add_months(d("2026-01-15"), 1), d("2026-02-15"));
        assert_eq!(add_years(d("2024-02-29"), 1), d("2025-02-28"));
        assert_eq!(add_years(d("2014-03-01"), 5), d("2019-03-01"));
    }

    #[test]
    fn whole_months_count_as_the_rules_add_them() {
        assert_eq!(whole_months(d("2026-02-02"), d("2026-06-19")), 4);
        assert_eq!(whole_months(d("2026-02-20"), d("2026-06-19")), 3);
        assert_eq!(whole_months(d("2026-01-31"), d("2026-02-28")), 1);
        assert_eq!(whole_months(d("2026-01-31"), d("2026-02-27")), 0);
        assert_eq!(whole_months(d("2026-03-03"), d("2026-03-03")), 0);
        assert_eq!(whole_months(d("2025-03-03"), d("2026-03-02")), 11);
        assert_eq!(whole_months(d("2026-06-19"), d("2026-02-02")), 0);
    }

    #[test]
    fn quarters() {
        let q = Quarter::of(d("2026-05-04"));
        assert_eq!((q.year, q.number), (2026, 2));
        assert_eq!(q.first_day(), d("2026-04-01"));
        assert_eq!(q.last_day(), d("2026-06-30"));
        assert_eq!(Quarter::of(d("2026-12-31")).next().to_string(), "2027-Q1");
        let within: Vec<String> = quarters_ending_within(d("2026-02-01"), d("2026-09-30"))
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(within, ["2026-Q1", "2026-Q2", "2026-Q3"]);
        assert!(quarters_ending_within(d("2026-02-01"), d("2026-03-30")).is_empty());
    }
}
