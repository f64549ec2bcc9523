//! The demo program in `records/` is what a newcomer sees first: it must pass.

use crate::support::run_in;
use std::path::Path;

#[test]
fn demo_records_pass_with_no_diagnostics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = run_in(root, &["check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let json = run.json();
    assert_eq!(json["as_of"], "2026-11-30", "program.toml pins as_of");
    assert_eq!(
        json["diagnostics"].as_array().map(Vec::len),
        Some(0),
        "{}",
        run.stdout
    );
    assert!(json["summary"]["files"].as_u64().unwrap_or(0) > 90);
    let human = run_in(root, &["check", "--deny", "warnings"]);
    assert_eq!(human.code, 0);
    assert!(
        human.stdout.starts_with("no problems in "),
        "{}",
        human.stdout
    );
}
