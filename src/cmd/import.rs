//! `mentorbook import`: read the spreadsheet, plan every row (`crate::import`), write the new
//! records (or, with `--dry-run`, only say what they would be), and report: one line a row,
//! and the refused rows as diagnostics in `check`'s formats. Exit 0 when every row was
//! written or exists, 1 when some were refused, 2 when the spreadsheet cannot be read.

use crate::cli::{Format, ImportArgs};
use crate::diagnostics::{Findings, plural};
use crate::error::{Error, Result};
use crate::import::columns::ColumnMap;
use crate::import::{self, Outcome, Plan, sheet};
use crate::report::{self, Styling};
use crate::rules::Level;
use crate::scaffold::draft::shown;
use serde_json::json;
use std::io::Write;
use std::path::Path;

pub fn run(args: &ImportArgs) -> Result<u8> {
    let root = &args.records.records;
    let loaded = crate::load::load(root, &root.to_string_lossy())?;
    let records = loaded.records;
    let file = args.file.to_string_lossy();
    let map = args.columns.as_deref().map(read_map).transpose()?;
    let table = sheet::read(&args.file, &file, args.sheet.as_deref()).map_err(Error::Usage)?;
    let plan =
        import::plan(&records, args.kind, &table, map.as_ref(), &file).map_err(Error::Usage)?;
    let lines = carry_out(root, &plan, args.dry_run)?;
    let refused = count(&plan, |o| matches!(o, Outcome::Refused));
    let as_of = records
        .config
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let summary = summary(args, &plan, &lines);
    let findings = Findings::resolve(plan.diagnostics.clone(), |_| Level::Error, 1);
    let styling = Styling::detect(args.color);
    let problems = report::render(args.format, &findings, &Default::default(), as_of, styling);
    let output = match args.format {
        Format::Json => json_document(&problems, args, &plan, &lines),
        Format::Markdown => format!("{}\n{problems}", markdown(&file, &plan, &lines, &summary)),
        Format::Github => format!("{}{problems}", human(&plan, &lines, false, &summary)),
        Format::Human if findings.diagnostics.is_empty() => human(&plan, &lines, true, &summary),
        Format::Human => {
            let head = human(&plan, &lines, true, "");
            format!(
                "{head}{}{problems}{summary}\n",
                if head.is_empty() { "" } else { "\n" }
            )
        }
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush());
    Ok(u8::from(refused > 0))
}

fn read_map(path: &Path) -> Result<ColumnMap> {
    let file = path.to_string_lossy();
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: file.to_string(),
        source,
    })?;
    ColumnMap::parse(&text, &file).map_err(Error::Usage)
}

/// What became of a row that was not refused.
enum Done {
    Written(String),
    /// With `--dry-run`: the path and the record's text.
    WouldWrite(String, String),
    Exists(String, &'static str),
    Repeats(u32, &'static str),
}

struct Line {
    row: u32,
    done: Done,
}

impl Line {
    fn text(&self) -> String {
        match &self.done {
            Done::Written(path) => format!("wrote {path}"),
            Done::WouldWrite(path, _) => format!("would write {path}"),
            Done::Exists(path, why) => format!("exists: {path} ({why})"),
            Done::Repeats(row, why) => format!("repeats row {row} ({why}): not written again"),
        }
    }

    fn is_new(&self) -> bool {
        matches!(self.done, Done::Written(_) | Done::WouldWrite(..))
    }

    fn json(&self) -> serde_json::Value {
        match &self.done {
            Done::Written(path) => json!({"row": self.row, "status": "written", "path": path}),
            Done::WouldWrite(path, _) => {
                json!({"row": self.row, "status": "would-write", "path": path})
            }
            Done::Exists(path, why) => {
                json!({"row": self.row, "status": "exists", "path": path, "why": why})
            }
            Done::Repeats(row, why) => {
                json!({"row": self.row, "status": "repeats", "of_row": row, "why": why})
            }
        }
    }
}

/// Writes every new record (or finds where it would go).
fn carry_out(root: &Path, plan: &Plan, dry_run: bool) -> Result<Vec<Line>> {
    let mut lines = Vec::new();
    for row in &plan.rows {
        match carry_out_row(root, &row.outcome, dry_run) {
            Ok(Some(done)) => lines.push(Line { row: row.row, done }),
            Ok(None) => {}
            Err(e) => {
                print_done(&lines);
                return Err(e);
            }
        }
    }
    Ok(lines)
}

/// A row whose every place was taken since the records were read is reported as existing.
fn carry_out_row(root: &Path, outcome: &Outcome, dry_run: bool) -> Result<Option<Done>> {
    Ok(Some(match outcome {
        Outcome::New(draft) => {
            let place = if dry_run {
                draft.free_place(root)?.map(str::to_owned)
            } else {
                draft.write_if_free(root)?
            };
            match place {
                None => Done::Exists(
                    shown(root, &draft.places[0]),
                    "written since the records were read",
                ),
                Some(rel) if dry_run => Done::WouldWrite(shown(root, &rel), draft.contents.clone()),
                Some(rel) => Done::Written(shown(root, &rel)),
            }
        }
        Outcome::Exists { rel, why } => Done::Exists(shown(root, rel), why),
        Outcome::Repeats { row, why } => Done::Repeats(*row, why),
        Outcome::Refused => return Ok(None),
    }))
}

/// When a write fails half-way, what was written before it still needs saying.
fn print_done(lines: &[Line]) {
    for line in lines {
        super::say!("row {}: {}", line.row, line.text());
    }
}

fn count(plan: &Plan, what: impl Fn(&Outcome) -> bool) -> usize {
    plan.rows.iter().filter(|r| what(&r.outcome)).count()
}

/// "applications.csv: 3 people written, 1 existing, 1 row refused".
fn summary(args: &ImportArgs, plan: &Plan, lines: &[Line]) -> String {
    let new = lines.iter().filter(|l| l.is_new()).count();
    let refused = count(plan, |o| matches!(o, Outcome::Refused));
    let mut parts = vec![format!(
        "{new} {} {}",
        args.kind.noun(new),
        if args.dry_run {
            "would be written (dry run: nothing was written)"
        } else {
            "written"
        }
    )];
    let existing = lines.len() - new;
    if existing > 0 {
        parts.push(format!("{existing} existing or repeated"));
    }
    if refused > 0 {
        parts.push(format!("{} refused", plural(refused, "row")));
    }
    format!("{}: {}", args.file.to_string_lossy(), parts.join(", "))
}

fn note(plan: &Plan) -> Option<String> {
    (!plan.ignored.is_empty()).then(|| {
        format!(
            "ignored {}: no record key; to import one, name it in --columns MAP.toml",
            plan.ignored.join(", ")
        )
    })
}

fn human(plan: &Plan, lines: &[Line], contents: bool, summary: &str) -> String {
    let mut out = String::new();
    if let Some(note) = note(plan) {
        out += &format!("note: {note}\n");
    }
    for line in lines {
        out += &format!("row {}: {}\n", line.row, line.text());
        if let (Done::WouldWrite(_, text), true) = (&line.done, contents) {
            for text_line in text.lines() {
                out += &format!("    {text_line}\n");
            }
        }
    }
    if !summary.is_empty() {
        out += &format!("{summary}\n");
    }
    out
}

fn markdown(file: &str, plan: &Plan, lines: &[Line], summary: &str) -> String {
    let mut out = format!(
        "### mentorbook import: {}\n\n{summary}\n\n",
        file.replace('|', "\\|")
    );
    if let Some(note) = note(plan) {
        out += &format!("> **Note:** {note}\n\n");
    }
    for line in lines {
        out += &format!("- row {}: {}\n", line.row, line.text());
    }
    out
}

/// `check`'s JSON document, with an `import` member saying what became of each row.
fn json_document(problems: &str, args: &ImportArgs, plan: &Plan, lines: &[Line]) -> String {
    let mut document: serde_json::Value = serde_json::from_str(problems).unwrap_or_default();
    let rows: Vec<serde_json::Value> = lines.iter().map(Line::json).collect();
    let refused: Vec<u32> = plan
        .rows
        .iter()
        .filter(|r| r.outcome == Outcome::Refused)
        .map(|r| r.row)
        .collect();
    document["import"] = json!({
        "file": args.file.to_string_lossy(),
        "kind": args.kind.noun(2),
        "dry_run": args.dry_run,
        "rows": rows,
        "refused": refused,
        "ignored": plan.ignored,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
