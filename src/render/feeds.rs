//! The machine-readable files: `data.json` (the public facts), `calendar.ics` (upcoming due
//! dates, RFC 5545), `relationships.csv` and `report.csv` (RFC 4180). All are written from
//! the public view only, and are deterministic for the same records and as-of.

use crate::model::{Choice, Status};
use crate::view::report::{Cohort, Share};
use crate::view::{Mode, RelationshipView, Site};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
struct Data<'a> {
    program: &'a crate::view::ProgramInfo,
    counts: &'a crate::view::Counts,
    relationships: Vec<RelationshipData<'a>>,
    mentors: &'a [crate::view::MentorView],
    due: &'a [crate::view::DueItem],
    diagnostics: Vec<&'a crate::view::DiagnosticView>,
}

/// A relationship's facts, without what only a page needs (drawing positions, links).
#[derive(Serialize)]
struct RelationshipData<'a> {
    id: &'a str,
    mentor: Option<&'a str>,
    mentee: Option<&'a str>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    status: Option<Status>,
    dissolved_on: Option<NaiveDate>,
    standing: &'a str,
    /// Each meeting's date and mode.
    meetings: Vec<(NaiveDate, Option<&'a Mode>)>,
    last_meeting: Option<NaiveDate>,
    next_meeting_due: Option<NaiveDate>,
    next_evaluation: Option<String>,
    next_evaluation_due: Option<NaiveDate>,
    evaluations: &'a [crate::view::EvaluationView],
    agreement: Option<&'a crate::view::AgreementView>,
}

/// One compact JSON document: a program of thousands of relationships stays a few MB.
pub fn data_json(site: &Site) -> String {
    let data = Data {
        program: &site.program,
        counts: &site.counts,
        relationships: site.relationships.iter().map(relationship_data).collect(),
        mentors: &site.mentors,
        due: &site.due,
        diagnostics: site
            .compliance
            .iter()
            .flat_map(|g| &g.diagnostics)
            .collect(),
    };
    // Serialising strings, numbers and booleans cannot fail.
    let mut text = serde_json::to_string(&data).unwrap_or_default();
    text.push('\n');
    text
}

fn relationship_data(r: &RelationshipView) -> RelationshipData<'_> {
    RelationshipData {
        id: &r.id,
        mentor: r.mentor.as_ref().map(|p| p.label.as_str()),
        mentee: r.mentee.as_ref().map(|p| p.label.as_str()),
        start: r.start,
        end: r.end,
        status: r.status,
        dissolved_on: r.dissolved_on,
        standing: r.standing,
        meetings: r
            .meetings
            .iter()
            .map(|m| (m.date, m.mode.as_ref()))
            .collect(),
        last_meeting: r.last_meeting,
        next_meeting_due: r.next_meeting_due,
        next_evaluation: r.next_evaluation.map(|q| q.to_string()),
        next_evaluation_due: r.next_evaluation_due,
        evaluations: &r.evaluations,
        agreement: r.agreement.as_ref(),
    }
}

/// Every upcoming due date: each active relationship's next meeting and next evaluation.
pub fn calendar_ics(site: &Site) -> String {
    let stamp = format!("{}T000000Z", site.program.as_of.format("%Y%m%d"));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//mentorbook//dashboard//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!(
            "X-WR-CALNAME:{}",
            text(&format!("{}: due dates", site.program.name))
        ),
    ];
    for r in &site.relationships {
        let meeting = r
            .next_meeting_due
            .map(|d| ("meeting", d, format!("Meeting due: {}", r.id)));
        let evaluation = r.next_evaluation_due.map(|d| {
            let quarter = r.next_evaluation.map(|q| q.to_string()).unwrap_or_default();
            (
                "evaluation",
                d,
                format!("{quarter} evaluation due: {}", r.id),
            )
        });
        for (kind, day, summary) in meeting.into_iter().chain(evaluation) {
            let next = day.succ_opt().unwrap_or(day);
            lines.extend([
                "BEGIN:VEVENT".to_owned(),
                format!("UID:{kind}-{}-{}@mentorbook", r.id, day.format("%Y%m%d")),
                format!("DTSTAMP:{stamp}"),
                format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")),
                format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
                format!("SUMMARY:{}", text(&summary)),
                "TRANSP:TRANSPARENT".to_owned(),
                "END:VEVENT".to_owned(),
            ]);
        }
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

/// An iCalendar TEXT value: backslash, semicolon, comma and newline escaped.
pub(crate) fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// A content line folded at 75 octets (never inside a character), ending in CRLF.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// One row per relationship, for spreadsheets.
pub fn relationships_csv(site: &Site) -> String {
    let header = [
        "id",
        "mentor",
        "mentee",
        "start",
        "end",
        "status",
        "dissolved_on",
        "meetings_held",
        "last_meeting",
        "next_meeting_due",
        "evaluations",
        "standing",
    ];
    let mut out = row(header.iter().map(|s| s.to_string()));
    for r in &site.relationships {
        let label = |p: &Option<crate::view::PersonRef>| {
            p.as_ref().map_or(String::new(), |p| p.label.clone())
        };
        let opt = |v: Option<NaiveDate>| v.map(|d| d.to_string()).unwrap_or_default();
        out.push_str(&row([
            r.id.clone(),
            label(&r.mentor),
            label(&r.mentee),
            opt(r.start),
            opt(r.end),
            r.status.map_or("", Choice::name).to_owned(),
            opt(r.dissolved_on),
            r.meetings_held.to_string(),
            opt(r.last_meeting),
            opt(r.next_meeting_due),
            r.evaluations.len().to_string(),
            r.standing.to_owned(),
        ]));
    }
    out
}

/// The program report's figures, one row per cohort (`report/index.html` shows the same):
/// a `rated_…` column per rating, a `mode_…` column per program mode (as program.toml spells
/// it) and one for the modes it does not allow; an empty cell where nothing was due.
pub fn report_csv(site: &Site) -> String {
    let report = &site.report;
    let mut header: Vec<String> = REPORT_COLUMNS.iter().map(|s| s.to_string()).collect();
    header.extend(
        report
            .all
            .ratings
            .iter()
            .map(|r| format!("rated_{}", r.rating.name().replace('-', "_"))),
    );
    header.push("meetings".to_owned());
    header.extend(report.all.modes.iter().map(|m| match &m.mode {
        Mode::Program(name) => format!("mode_{name}"),
        Mode::NotAllowed => "mode_not_allowed".to_owned(),
    }));
    header.push("meetings_unreadable".to_owned());
    let mut out = row(header);
    for cohort in &report.cohorts {
        out.push_str(&row(report_row(cohort)));
    }
    out
}

const REPORT_COLUMNS: [&str; 17] = [
    "cohort",
    "relationships",
    "started",
    "completed",
    "dissolved",
    "median_months_before_dissolving",
    "active",
    "upcoming",
    "months_due",
    "months_met",
    "months_met_percent",
    "quarters_due",
    "evaluations_on_time",
    "evaluations_late",
    "evaluations_unreadable",
    "evaluations_missing",
    "evaluations_on_time_percent",
];

/// A cohort's cells, in the header's order.
fn report_row(cohort: &Cohort) -> Vec<String> {
    let f = &cohort.figures;
    let count = |n: usize| n.to_string();
    let percent = |share: Share| share.percent().map(|p| p.to_string()).unwrap_or_default();
    let median = f.median_months_before_dissolving.map(|m| m.to_string());
    let mut cells = vec![cohort.year.to_string()];
    cells.extend([f.relationships, f.started, f.completed, f.dissolved].map(count));
    cells.push(median.unwrap_or_default());
    cells.extend([f.active, f.upcoming, f.months_met.whole, f.months_met.part].map(count));
    cells.push(percent(f.months_met));
    let on_time = f.evaluations_on_time;
    cells.extend(
        [
            on_time.whole,
            on_time.part,
            f.evaluations_late,
            f.evaluations_unreadable,
            f.evaluations_missing,
        ]
        .map(count),
    );
    cells.push(percent(on_time));
    cells.extend(f.ratings.iter().map(|r| count(r.count)));
    cells.push(count(f.meetings));
    cells.extend(f.modes.iter().map(|m| count(m.count)));
    cells.push(count(f.meetings_unreadable));
    cells
}

fn row(fields: impl IntoIterator<Item = String>) -> String {
    let mut line = fields
        .into_iter()
        .map(|f| field(&f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// Quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or `@` is
/// neutralised so a spreadsheet never runs a name as a formula.
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_lines_fold_at_75_octets_without_splitting_characters() {
        let folded = fold(&format!("SUMMARY:{}", "é".repeat(60)));
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        assert_eq!(
            folded.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "é".repeat(60))
        );
        assert_eq!(text("a,b;c\\d"), "a\\,b\\;c\\\\d");
    }

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        assert_eq!(field("Ortiz, Sam"), "\"Ortiz, Sam\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("r-2026-001"), "r-2026-001");
    }
}
