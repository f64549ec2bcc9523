//! A document read as a walk: the stretches of it whose ```console blocks trycmd runs, and
//! between them what a reader does outside mentorbook (change folder, type a file, delete
//! one), given as HTML comments so that GitHub shows none of it. Also the rules that keep a
//! document honest: no command hidden in a block that is not run, no block trycmd would
//! misread.

/// One thing the walk does, in document order.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// Run the console blocks of these lines (0-based, end exclusive).
    Run(std::ops::Range<usize>),
    /// `<!-- doc-test: cd DIR -->`: the blocks below run in DIR.
    Cd(String),
    /// `<!-- doc-test: write PATH -->`: the next fenced block's text becomes PATH (what the
    /// reader sees); or, when the comment is not closed on its line, the lines up to `-->`
    /// (what a reader types when the document only says what to type).
    Write(String, String),
    /// `<!-- doc-test: remove PATH -->`.
    Remove(String),
}

const DIRECTIVE: &str = "<!-- doc-test:";
const NOT_TESTED: &str = "<!-- not tested:";

/// The steps of `text`, or every line that breaks the rules (1-based), each with what to do.
pub fn steps(text: &str) -> Result<Vec<Step>, Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut steps = Vec::new();
    let mut problems = Vec::new();
    let mut start = 0;
    let mut fence: Option<usize> = None;
    let mut at = 0;
    while at < lines.len() {
        let trimmed = lines[at].trim_start();
        if trimmed.starts_with("```") {
            match fence {
                Some(_) => fence = None,
                None => {
                    fence = Some(at);
                    problems.extend(block_problems(&lines, at));
                }
            }
        } else if let Some(directive) = trimmed.strip_prefix(DIRECTIVE).filter(|_| fence.is_none())
        {
            steps.push(Step::Run(start..at));
            let (step, end) = directive_step(directive, &lines, at);
            match step {
                Ok(step) => steps.push(step),
                Err(why) => problems.push(format!("line {}: {why}", at + 1)),
            }
            at = end;
            start = end + 1;
        }
        at += 1;
    }
    steps.push(Step::Run(start..lines.len()));
    if let Some(open) = fence {
        problems.push(format!("line {}: this block is never closed", open + 1));
    }
    if problems.is_empty() {
        Ok(steps)
    } else {
        Err(problems)
    }
}

/// What `<!-- doc-test: VERB ARGUMENT -->` on line `at` asks, and the line it ends on: a
/// `write` whose comment is not closed on its line takes the lines up to `-->` as the
/// file's text (what a reader types, when the document only says what to type); otherwise
/// the next fenced block (what the reader sees).
fn directive_step(directive: &str, lines: &[&str], at: usize) -> (Result<Step, String>, usize) {
    let closed = directive.trim_end().ends_with("-->");
    let words = directive.trim().trim_end_matches("-->").trim();
    let (verb, argument) = words.split_once(' ').unwrap_or((words, ""));
    let argument = argument.trim().to_string();
    let end = match closed {
        true => at,
        false => match lines[at..].iter().position(|line| line.trim() == "-->") {
            Some(length) => at + length,
            None => return (Err("this comment is never closed".into()), lines.len()),
        },
    };
    let step = match (verb, closed) {
        _ if argument.is_empty() => Err(format!("`{verb}` needs a path")),
        ("write", false) => Ok(Step::Write(argument, text_of(&lines[at + 1..end]))),
        ("write", true) => next_block(&lines[at + 1..])
            .map(|text| Step::Write(argument, text))
            .ok_or_else(|| "`write` needs a fenced block after it, at the line's start".into()),
        (_, false) => Err(format!(
            "only `write` takes lines; close `{verb}` on its line"
        )),
        ("cd", true) => Ok(Step::Cd(argument)),
        ("remove", true) => Ok(Step::Remove(argument)),
        (other, true) => Err(format!("unknown directive `{other}`: cd, write or remove")),
    };
    (step, end)
}

/// Lines as a file's text, each with its newline.
fn text_of(lines: &[&str]) -> String {
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// The text of the first fenced block in `lines` (a fence at the line's start), with a
/// final newline.
fn next_block(lines: &[&str]) -> Option<String> {
    let open = lines.iter().position(|line| line.starts_with("```"))?;
    let length = lines[open + 1..]
        .iter()
        .position(|line| line.starts_with("```"))?;
    Some(text_of(&lines[open + 1..open + 1 + length]))
}

/// Why the block opening at `at` would mislead: trycmd would run a block without a language
/// (and fail on its first line), would silently skip an indented console block, and a
/// mentorbook command in a shell block is not run unless it says why it cannot be.
fn block_problems(lines: &[&str], at: usize) -> Vec<String> {
    let line = lines[at];
    let info = line.trim_start().trim_start_matches('`').trim();
    let language = info.split(',').next().unwrap_or_default();
    let place = format!("line {}", at + 1);
    let mut problems = Vec::new();
    if info.is_empty() {
        problems.push(format!(
            "{place}: give the block a language: `console` to run it, `text` or `sh` if not"
        ));
    }
    if language == "console" && line.starts_with(char::is_whitespace) {
        problems.push(format!(
            "{place}: a console block must start at the line's start, or it is not run"
        ));
    }
    let shell = matches!(language, "sh" | "bash" | "shell");
    let body = lines[at + 1..]
        .iter()
        .take_while(|line| !line.trim_start().starts_with("```"));
    let runs_mentorbook = body
        .map(|line| line.trim_start().trim_start_matches("$ "))
        .any(|line| line.starts_with("mentorbook "));
    let said_why = lines[..at]
        .iter()
        .rev()
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| line.trim_start().starts_with(NOT_TESTED));
    if shell && runs_mentorbook && !said_why {
        problems.push(format!(
            "{place}: a mentorbook command in a `{language}` block is not run: make it a \
             `console` block with its output, or say why it cannot run in a \
             `<!-- not tested: … -->` line above it"
        ));
    }
    problems
}

#[test]
fn a_document_is_cut_at_its_directives() {
    let text = "a\n<!-- doc-test: cd demo -->\n```console\n$ mentorbook check\n```\n\
                <!-- doc-test: write records/x.yaml -->\n```yaml\nname: X\n```\n";
    let expected = vec![
        Step::Run(0..1),
        Step::Cd("demo".into()),
        Step::Run(2..5),
        Step::Write("records/x.yaml".into(), "name: X\n".into()),
        Step::Run(6..9),
    ];
    assert_eq!(steps(text), Ok(expected));
}

#[test]
fn a_write_may_hold_its_text() {
    let text = "<!-- doc-test: write notes.md\n---\nmode: email\n---\n-->\nafter\n";
    let expected = vec![
        Step::Run(0..0),
        Step::Write("notes.md".into(), "---\nmode: email\n---\n".into()),
        Step::Run(5..6),
    ];
    assert_eq!(steps(text), Ok(expected));
}

#[test]
fn blocks_that_would_mislead_are_named() {
    let text = "```\nx\n```\n  ```console\n  $ mentorbook check\n  ```\n\
                ```sh\nmentorbook status\n```\n<!-- not tested: needs git -->\n\
                ```sh\nmentorbook check --base origin/main\n```\n<!-- doc-test: write x -->\n";
    let problems = steps(text).expect_err("three blocks and a directive are wrong");
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(problems[0].starts_with("line 1: give the block a language"));
    assert!(problems[1].starts_with("line 4: a console block must start"));
    assert!(problems[2].starts_with("line 7: a mentorbook command in a `sh` block"));
    assert!(problems[3].starts_with("line 14: `write` needs a fenced block"));
}
