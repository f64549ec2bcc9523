//! The command line as a newcomer meets it: `help` and `--help` on every command, each with
//! an example — and every example works on the demo program.

use crate::support::{demo, run_in};
use std::path::Path;

/// Every command's `help` text, by the words that name it (`["new", "meeting"]`).
fn commands() -> Vec<Vec<String>> {
    let top = run_in(Path::new("."), &["--help"]);
    let names = |help: &str| -> Vec<String> {
        help.split("Commands:\n")
            .nth(1)
            .unwrap_or_default()
            .lines()
            .take_while(|l| l.starts_with("  "))
            .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
            .collect()
    };
    let mut all = Vec::new();
    for name in names(&top.stdout) {
        all.push(vec![name.clone()]);
        let help = run_in(Path::new("."), &["help", &name]);
        for sub in names(&help.stdout) {
            all.push(vec![name.clone(), sub]);
        }
    }
    all
}

#[test]
fn help_works_for_mentorbook_and_every_command() {
    for args in [
        &["help", "--help"][..],
        &["--help"],
        &["help"],
        &["help", "new", "meeting"],
    ] {
        let run = run_in(Path::new("."), args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(run.stdout.contains("Usage: mentorbook"), "{args:?}");
    }
    let top = run_in(Path::new("."), &["--help"]);
    assert!(top.stdout.contains("Examples"), "{}", top.stdout);
    let commands = commands();
    assert!(commands.len() >= 17, "{commands:?}");
    for words in commands {
        let mut args: Vec<&str> = vec!["help"];
        args.extend(words.iter().map(String::as_str));
        let via_help = run_in(Path::new("."), &args);
        let mut flag: Vec<&str> = words.iter().map(String::as_str).collect();
        flag.push("--help");
        let via_flag = run_in(Path::new("."), &flag);
        assert_eq!(via_help.stdout, via_flag.stdout, "{words:?}");
        assert!(
            via_help.stdout.contains("Example: mentorbook "),
            "{words:?} has no example"
        );
    }
    let unknown = run_in(Path::new("."), &["help", "chek"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `check`?"),
        "{}",
        unknown.stderr
    );
}

/// The example of a command's help, as words to run.
fn example(words: &[String]) -> Option<Vec<String>> {
    let mut args: Vec<&str> = vec!["help"];
    args.extend(words.iter().map(String::as_str));
    let help = run_in(Path::new("."), &args).stdout;
    let line = help
        .lines()
        .find_map(|l| l.strip_prefix("Example: mentorbook "))?;
    let mut out = Vec::new();
    let mut rest = line;
    while !rest.is_empty() {
        rest = rest.trim_start();
        let (word, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"')?;
            (quoted[..end].to_owned(), &quoted[end + 1..])
        } else {
            let end = rest.find(' ').unwrap_or(rest.len());
            (rest[..end].to_owned(), &rest[end..])
        };
        if !word.is_empty() {
            out.push(word);
        }
        rest = after;
    }
    Some(out)
}

#[test]
fn every_example_in_the_help_works_on_the_demo() {
    let dir = demo();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::fs::create_dir_all(dir.path().join("examples")).expect("examples/");
    for name in ["applications.csv", "applications.xlsx", "columns.toml"] {
        std::fs::copy(examples.join(name), dir.path().join("examples").join(name)).expect("copied");
    }
    let mut ran = 0;
    // The demo as it is first (so `check` finds it clean), then the new records in the
    // order a committee writes them.
    let mut commands = commands();
    commands.sort_by_key(|words| (words[0] == "new", words.len() == 1));
    for words in commands {
        let Some(args) = example(&words) else {
            panic!("{words:?} has no example");
        };
        // A server runs until stopped: serve's own tests start it.
        if args[0] == "serve" {
            continue;
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = run_in(dir.path(), &args);
        // 1 is a finding (the demo spreadsheet has a row with a mistake, on purpose); 2
        // would mean the example could not run.
        let expected: &[i32] = if args[0] == "new" { &[0] } else { &[0, 1] };
        assert!(
            expected.contains(&run.code),
            "mentorbook {} exited {}:\n{}{}",
            args.join(" "),
            run.code,
            run.stdout,
            run.stderr
        );
        ran += 1;
    }
    assert!(ran >= 16, "only {ran} examples ran");
}
