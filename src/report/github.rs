//! GitHub Actions workflow commands: one `::error`/`::warning` annotation a diagnostic. With
//! `--base`, only the new ones are annotated, so a pull request's Files view shows exactly
//! what its author broke.

use crate::compare::Comparison;
use crate::diagnostics::{Diagnostic, Findings, Severity};
use std::fmt::Write;

pub fn render(findings: &Findings) -> String {
    annotations(&findings.diagnostics)
}

/// The new diagnostics; a notice first when there was nothing to compare with at REF.
pub fn render_compared(comparison: &Comparison) -> String {
    let mut out = String::new();
    if let Some(note) = &comparison.note {
        let _ = writeln!(out, "::notice title=mentorbook check::{}", data(note));
    }
    out.push_str(&annotations(&comparison.new));
    out
}

fn annotations(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            property(&d.file),
            d.pos.line,
            d.pos.column,
            property(d.rule.id()),
            data(&message)
        );
    }
    out
}

/// Escapes a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value, where `:` and `,` are separators too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_workflow_command_syntax() {
        assert_eq!(super::data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(super::property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
