//! `status` output: an aligned table (coloured on a terminal), one JSON document, an
//! iCalendar file (folded and escaped by the dashboard's own feed helpers), or a Markdown
//! checklist for the issue the reminders workflow keeps.

use super::{Due, DueReport};
use crate::inert::markdown as inert;
use crate::render::feeds::{fold, text};
use std::fmt::Write;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";

/// Items due within this many days are "due soon" (as on the dashboard).
const SOON_DAYS: i64 = 30;

fn when(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "1 day overdue".into(),
        d if d < 0 => format!("{} days overdue", -d),
        d => format!("in {d} days"),
    }
}

fn paint(color: bool, style: &str, cell: String) -> String {
    if color && !style.is_empty() {
        format!("{style}{cell}{RESET}")
    } else {
        cell
    }
}

/// The cells of each item: due date, when, relationship, what.
fn rows(report: &DueReport) -> Vec<[String; 4]> {
    report
        .due
        .iter()
        .map(|d| {
            [
                d.due.to_string(),
                when(d.days),
                d.relationship.clone(),
                d.what.clone(),
            ]
        })
        .collect()
}

/// The table: DUE, WHEN, RELATIONSHIP, WHAT, then a summary line. The WHEN cell is coloured
/// (after padding, so colour codes do not upset the alignment).
pub fn table(report: &DueReport, color: bool) -> String {
    let header = ["DUE", "WHEN", "RELATIONSHIP", "WHAT"].map(String::from);
    let rows = rows(report);
    let width = |i: usize| {
        rows.iter()
            .chain([&header])
            .map(|r| r[i].chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths = [width(0), width(1), width(2)];
    let line = |row: &[String; 4], style: &str| {
        let mut out = String::new();
        for (i, w) in widths.iter().enumerate() {
            let cell = format!("{:w$}  ", row[i]);
            out += &if i == 1 {
                paint(color, style, cell)
            } else {
                cell
            };
        }
        out + &row[3]
    };
    let mut out = String::new();
    if !rows.is_empty() {
        let _ = writeln!(out, "{}", paint(color, BOLD, line(&header, "")));
    }
    for (row, d) in rows.iter().zip(&report.due) {
        let _ = writeln!(out, "{}", line(row, style(d)));
    }
    let _ = writeln!(out, "{}", paint(color, BOLD, summary(report)));
    out
}

fn style(d: &Due) -> &'static str {
    match d.days {
        d if d < 0 => RED,
        d if d <= SOON_DAYS => YELLOW,
        _ => "",
    }
}

fn summary(report: &DueReport) -> String {
    let overdue = report.due.iter().filter(|d| d.overdue).count();
    let soon = report
        .due
        .iter()
        .filter(|d| (0..=SOON_DAYS).contains(&d.days))
        .count();
    let active = crate::diagnostics::plural(report.active_relationships, "active relationship");
    format!(
        "{overdue} overdue, {soon} due within {SOON_DAYS} days; {active} as of {}",
        report.as_of
    )
}

/// `{"as_of", "active_relationships", "due": [...]}`, pretty, ending in a newline.
pub fn json(report: &DueReport) -> String {
    // Dates, strings, numbers and booleans: serialising cannot fail.
    let mut out = serde_json::to_string_pretty(report).unwrap_or_default();
    out.push('\n');
    out
}

/// The checklist: the summary line, then `## Overdue`, `## Due in the next 30 days` and
/// `## Later`, each item `- [ ] REL: what, due DATE (when)` in the report's order, and a
/// section with nothing in it saying so. Record text is made inert, so it cannot format,
/// link or mention anyone.
pub fn markdown(report: &DueReport) -> String {
    let groups = [
        ("Overdue", "Nothing is overdue."),
        (
            "Due in the next 30 days",
            "Nothing is due in the next 30 days.",
        ),
        ("Later", "Nothing is due later."),
    ];
    let mut out = summary(report);
    out.push('\n');
    for (group, (title, nothing)) in groups.iter().enumerate() {
        let _ = write!(out, "\n## {title}\n\n");
        let items: Vec<&Due> = report.due.iter().filter(|d| group_of(d) == group).collect();
        if items.is_empty() {
            let _ = writeln!(out, "{nothing}");
        }
        for d in items {
            let _ = writeln!(
                out,
                "- [ ] {}: {}, due {} ({})",
                inert(&d.relationship),
                inert(&d.what),
                d.due,
                when(d.days)
            );
        }
    }
    out
}

/// 0 overdue, 1 due in the next 30 days, 2 later.
fn group_of(d: &Due) -> usize {
    match d.days {
        days if days < 0 => 0,
        days if days <= SOON_DAYS => 1,
        _ => 2,
    }
}

/// One all-day event per item, on its due date.
pub fn ics(report: &DueReport, program: &str) -> String {
    let day = |d: chrono::NaiveDate| d.format("%Y%m%d").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//mentorbook//status//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("X-WR-CALNAME:{}", text(&format!("{program}: what is due"))),
    ];
    for d in &report.due {
        let part = d.part.map_or(String::new(), |p| format!("-{p}"));
        let kind = serde_json::to_value(d.kind).unwrap_or_default();
        let kind = kind.as_str().unwrap_or("due");
        let next = d.due.succ_opt().unwrap_or(d.due);
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!(
                "UID:{kind}-{}{part}-{}@mentorbook",
                d.relationship,
                day(d.due)
            ),
            format!("DTSTAMP:{}T000000Z", day(report.as_of)),
            format!("DTSTART;VALUE=DATE:{}", day(d.due)),
            format!("DTEND;VALUE=DATE:{}", day(next)),
            format!(
                "SUMMARY:{}",
                text(&format!("{}: {}", d.relationship, d.what))
            ),
            "TRANSP:TRANSPARENT".to_owned(),
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::{markdown, when};
    use crate::due::{Due, DueKind, DueReport};
    use chrono::NaiveDate;

    #[test]
    fn the_checklist_keeps_record_text_inert() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        let report = DueReport {
            as_of: day(30),
            active_relationships: 1,
            unreadable: 0,
            due: vec![Due {
                due: day(20),
                days: -10,
                overdue: true,
                relationship: "r-1|@all".into(),
                kind: DueKind::Meeting,
                quarter: None,
                person: None,
                part: None,
                what: "[x](y) <b>\n## Later".into(),
            }],
        };
        let text = markdown(&report);
        assert!(
            text.contains("- [ ] r-1\\|@&#8203;all: \\[x\\](y) &lt;b&gt; #&#8203;#&#8203; Later, due 2026-11-20 (10 days overdue)\n"),
            "{text}"
        );
        assert_eq!(text.matches("\n## ").count(), 3, "{text}");
        assert!(
            text.contains("## Later\n\nNothing is due later.\n"),
            "{text}"
        );
    }

    #[test]
    fn when_reads_as_words() {
        assert_eq!(when(-3), "3 days overdue");
        assert_eq!(when(-1), "1 day overdue");
        assert_eq!(when(0), "today");
        assert_eq!(when(12), "in 12 days");
    }
}
