//! `mentorbook init DIR`: start a new records repository — an empty program that `check`
//! accepts and `build` renders, the JSON Schemas, and the committee's GitHub set-up.

use crate::cli::InitArgs;
use crate::error::{Error, Result};
use crate::scaffold::repository::{RepoFile, files};
use std::path::Path;

pub fn run(args: &InitArgs) -> Result<u8> {
    let dir = &args.dir;
    refuse_existing_records(dir)?;
    for file in files() {
        let path = dir.join(file.path);
        let shown = path.display().to_string();
        if path.exists() {
            println!("kept {shown} (it exists already)");
            continue;
        }
        write(&path, &file).map_err(|source| Error::Io {
            path: shown.clone(),
            source,
        })?;
        println!("wrote {shown}");
    }
    for path in super::schema::write(&dir.join("schemas"))? {
        println!("wrote {path}");
    }
    println!(
        "\nNext: read {} and run `mentorbook check` in {}.",
        dir.join("README.md").display(),
        dir.display()
    );
    Ok(0)
}

/// A folder that already has a records folder with anything in it is not started again.
fn refuse_existing_records(dir: &Path) -> Result<()> {
    let records = dir.join("records");
    let holds_records = match std::fs::read_dir(&records) {
        Ok(mut entries) => entries.next().is_some(),
        Err(_) => records.exists(),
    };
    if holds_records {
        return Err(Error::Usage(format!(
            "{} already holds records: init starts a new program, so choose an empty folder",
            dir.display()
        )));
    }
    Ok(())
}

fn write(path: &Path, file: &RepoFile) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if file.executable {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o755);
    }
    std::io::Write::write_all(&mut options.open(path)?, file.contents.as_bytes())
}
