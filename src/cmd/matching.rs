//! `mentorbook match`: the proposal (`crate::matching`) as a table or JSON, and with
//! `--write` each pair's relationship.yaml, written by `new relationship`'s own code.

use super::new::{Pairing, relationship};
use crate::cli::{MatchArgs, MatchFormat};
use crate::error::{Error, Result};
use crate::matching::{Proposal, propose};
use crate::model::{Records, RelationshipFolder};
use crate::scaffold::draft::shown;
use std::fmt::Write as _;
use std::io::Write as _;

pub fn run(args: &MatchArgs) -> Result<u8> {
    let root = &args.records.records;
    let loaded = crate::load::load(root, &root.to_string_lossy())?;
    let records = loaded.records;
    let as_of = args
        .records
        .as_of
        .or(records.config.as_of)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let start = args.start.unwrap_or(as_of);
    let proposal = propose(&records, start, &args.mentees).map_err(Error::Usage)?;
    let output = match args.format {
        MatchFormat::Table => table(&proposal, args.write),
        MatchFormat::Json => {
            let mut text = serde_json::to_string_pretty(&proposal).unwrap_or_default();
            text.push('\n');
            text
        }
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush());
    if args.write {
        write(&records, root, &proposal, args.format == MatchFormat::Json)?;
    }
    Ok(0)
}

/// Writes each pair's relationship.yaml through `new relationship`, each taking the next
/// free id; prints the paths (on stderr beside JSON, which stays one document).
fn write(records: &Records, root: &std::path::Path, proposal: &Proposal, json: bool) -> Result<()> {
    let mut records = records.clone();
    for pair in &proposal.pairs {
        let pairing = Pairing {
            mentor: &pair.mentor,
            mentee: &pair.mentee,
            start: proposal.start,
        };
        let draft = relationship(&records, &pairing, None)?;
        let rel = draft.write(root)?;
        if let Some(id) = rel
            .strip_prefix("relationships/")
            .and_then(|r| r.split('/').next())
        {
            records
                .relationships
                .insert(id.to_owned(), RelationshipFolder::default());
        }
        if json {
            eprintln!("{}", shown(root, &rel));
        } else {
            super::say!("{}", shown(root, &rel));
        }
    }
    Ok(())
}

/// Each pair with its score and reasons, warnings under it; then each mentee without a
/// mentor with why.
fn table(proposal: &Proposal, writing: bool) -> String {
    let mut out = String::new();
    let total = proposal.pairs.len() + proposal.unmatched.len();
    if total == 0 {
        let _ = writeln!(
            out,
            "No mentees to match on {}: every mentee has had a relationship (name one with --mentee ID).",
            proposal.start
        );
        return out;
    }
    let _ = writeln!(
        out,
        "Proposed pairs for relationships starting {}: {} of {} {} matched\n",
        proposal.start,
        proposal.pairs.len(),
        total,
        if total == 1 { "mentee" } else { "mentees" }
    );
    if !proposal.pairs.is_empty() {
        let width = |f: fn(&crate::matching::Proposed) -> usize, title: &str| {
            proposal
                .pairs
                .iter()
                .map(f)
                .max()
                .unwrap_or(0)
                .max(title.len())
        };
        let mentor_w = width(|p| p.mentor.chars().count(), "mentor");
        let mentee_w = width(|p| p.mentee.chars().count(), "mentee");
        let _ = writeln!(
            out,
            "{:<mentor_w$}  {:<mentee_w$}  score  reasons",
            "mentor", "mentee"
        );
        let indent = " ".repeat(mentor_w + mentee_w + 11);
        for p in &proposal.pairs {
            let _ = writeln!(
                out,
                "{:<mentor_w$}  {:<mentee_w$}  {:>5}  {}",
                p.mentor,
                p.mentee,
                p.score,
                p.reasons.join("; ")
            );
            for warning in &p.warnings {
                let _ = writeln!(out, "{indent}warning: {warning}");
            }
        }
        out.push('\n');
    }
    if !proposal.unmatched.is_empty() {
        let _ = writeln!(out, "Without a mentor:");
        for u in &proposal.unmatched {
            let _ = writeln!(out, "{}", u.mentee);
            for why in &u.why {
                let _ = writeln!(out, "  - {why}");
            }
        }
        out.push('\n');
    }
    if !proposal.pairs.is_empty() && !writing {
        let _ = writeln!(
            out,
            "To record them: mentorbook match --start {} --write; then `mentorbook new agreement REL` for each.",
            proposal.start
        );
    }
    out
}
