//! Embeds the demo program (`records/`) and the demo applicants' spreadsheets
//! (`examples/applications.*`, `examples/columns.toml`) into the binary for
//! `mentorbook init --demo`. The list of records is generated at build time, so a record
//! added to or removed from the demo is in the next binary without anyone editing a list.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    // Cargo scans a folder named here for any change, file additions included.
    println!("cargo:rerun-if-changed=records");
    for example in EXAMPLES {
        println!("cargo:rerun-if-changed=examples/{example}");
    }
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let out = std::env::var_os("OUT_DIR").map(PathBuf::from);
    let (Some(manifest), Some(out)) = (manifest, out) else {
        panic!("cargo sets CARGO_MANIFEST_DIR and OUT_DIR for build scripts");
    };
    let root = manifest.join("records");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut list = String::from("&[\n");
    for (rel, path) in &files {
        let _ = writeln!(list, "    ({rel:?}, include_bytes!({path:?})),");
    }
    list.push_str("]\n");
    if let Err(e) = std::fs::write(out.join("demo.rs"), list) {
        panic!("cannot write the demo list into OUT_DIR: {e}");
    }
    let mut examples = String::from("&[\n");
    for name in EXAMPLES {
        let path = manifest.join("examples").join(name);
        let path = path.to_string_lossy();
        let _ = writeln!(examples, "    ({name:?}, include_bytes!({path:?})),");
    }
    examples.push_str("]\n");
    if let Err(e) = std::fs::write(out.join("demo_examples.rs"), examples) {
        panic!("cannot write the examples list into OUT_DIR: {e}");
    }
}

/// The demo's spreadsheets, for `import` and `match` on the demo.
const EXAMPLES: [&str; 3] = ["applications.csv", "applications.xlsx", "columns.toml"];

/// Every file under `dir`, as (path inside `root` with `/` separators, absolute path).
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => panic!("cannot read the demo folder {}: {e}", dir.display()),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if path.is_file() {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push((rel.join("/"), path.to_string_lossy().into_owned()));
        }
    }
}
