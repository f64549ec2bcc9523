//! The trycmd case file for a stretch of a document, and the way back: a document whose
//! console blocks take the outputs a run printed (`TRYCMD=overwrite`).

use std::ops::Range;

/// The trycmd case for the console blocks of `range`: each at its line of the document and
/// every other line blank, so that trycmd's line numbers are the document's; `None` when
/// there is none. trycmd drops the last newline of each command's output (its own documents
/// end each output with a blank line); ours end as a reader expects, so the case adds that
/// blank line before the next `$ ` and before the closing fence, and drops as many of the
/// blank lines after the block, which keeps the count.
pub fn text(lines: &[&str], range: Range<usize>) -> Option<String> {
    let mut case = Vec::with_capacity(lines.len() + 8);
    let (mut inside, mut owed, mut any) = (false, 0, false);
    for (at, line) in lines.iter().enumerate() {
        let fence = line.starts_with("```");
        let opens = fence && !inside && is_console_fence(line);
        if range.contains(&at) && (inside || opens) {
            let after_output = inside && !lines[at - 1].starts_with("```");
            if after_output && (fence || line.starts_with("$ ")) {
                case.push("");
                owed += 1;
            }
            case.push(line);
            inside = opens || (inside && !fence);
            any = true;
        } else if owed > 0 {
            owed -= 1;
        } else {
            case.push("");
        }
    }
    any.then(|| case.iter().map(|line| format!("{line}\n")).collect())
}

/// A fence that opens a block trycmd runs: ```console (or ```trycmd), not marked `ignore`.
pub fn is_console_fence(line: &str) -> bool {
    let mut info = line.trim_start_matches('`').trim().split(',');
    matches!(info.next(), Some("console" | "trycmd")) && !info.any(|word| word == "ignore")
}

/// The body of each console block of a case file, in order, without the blank lines `text`
/// added after each output.
pub fn outputs(case: &str) -> Vec<String> {
    let mut outputs = Vec::new();
    let mut body: Option<Vec<&str>> = None;
    for line in case.lines() {
        match body.as_mut() {
            None if is_console_fence(line) => body = Some(Vec::new()),
            None => {}
            Some(lines) if line.starts_with("```") => {
                if lines.last() == Some(&"") {
                    lines.pop();
                }
                outputs.push(lines.iter().map(|line| format!("{line}\n")).collect());
                body = None;
            }
            Some(lines) => {
                if line.starts_with("$ ") && lines.last() == Some(&"") {
                    lines.pop();
                }
                lines.push(line);
            }
        }
    }
    outputs
}

/// `document` with the body of its n-th console block replaced by `outputs[n]` (blocks
/// beyond `outputs` as they were).
pub fn with_outputs(document: &str, outputs: &[String]) -> String {
    let mut updated = String::with_capacity(document.len());
    let mut next = outputs.iter();
    let mut replacing: Option<bool> = None;
    for line in document.lines() {
        match replacing {
            None if is_console_fence(line) => {
                updated.push_str(&format!("{line}\n"));
                let output = next.next();
                if let Some(output) = output {
                    updated.push_str(output);
                }
                replacing = Some(output.is_some());
                continue;
            }
            Some(_) if line.starts_with("```") => replacing = None,
            Some(true) => continue,
            _ => {}
        }
        updated.push_str(&format!("{line}\n"));
    }
    updated
}

#[test]
fn outputs_go_back_where_they_came_from() {
    let document = "text\n```console\n$ mentorbook check\nold\n```\n```yaml\nx: 1\n```\n";
    let case = "\n```console\n$ mentorbook check\nnew\nlines\n\n```\n";
    let two = "```console\n$ mentorbook a\nx\n\n$ mentorbook b\n\n```\n";
    assert_eq!(
        super::case::outputs(two),
        ["$ mentorbook a\nx\n$ mentorbook b\n"]
    );
    let outputs = outputs(case);
    assert_eq!(outputs, ["$ mentorbook check\nnew\nlines\n"]);
    assert_eq!(
        with_outputs(document, &outputs),
        "text\n```console\n$ mentorbook check\nnew\nlines\n```\n```yaml\nx: 1\n```\n"
    );
}
