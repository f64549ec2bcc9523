//! `mentorbook schema`: write the JSON Schema of each record kind into a folder, for editors.

use crate::cli::SchemaArgs;
use crate::error::{Error, Result};
use crate::schema::Kind;
use std::path::Path;

pub fn run(args: &SchemaArgs) -> Result<u8> {
    for path in write(&args.out)? {
        super::say!("{path}");
    }
    Ok(0)
}

/// Writes every schema file into `dir` (created if missing) and returns the paths written.
/// A file whose bytes are already right is left untouched.
pub fn write(dir: &Path) -> Result<Vec<String>> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| Error::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut written = Vec::new();
    for kind in Kind::ALL {
        let path = dir.join(kind.file_name());
        let text = kind.text();
        if std::fs::read(&path).ok().as_deref() != Some(text.as_bytes()) {
            std::fs::write(&path, text).map_err(io(&path))?;
        }
        written.push(path.display().to_string());
    }
    Ok(written)
}
