//! `mentorbook init DIR`: start a new records repository — an empty program (or with
//! `--demo` the demo program) that `check` accepts and `build` renders, the JSON Schemas,
//! and the committee's GitHub set-up. `--update` adds to an existing one what a newer
//! version writes. Either way, nothing that exists is replaced, and nothing is written
//! through a symbolic link (so nothing lands outside DIR).

use crate::cli::InitArgs;
use crate::error::{Error, Result};
use crate::scaffold::repository::{RepoFile, demo_files, files};
use std::path::{Path, PathBuf};

pub fn run(args: &InitArgs) -> Result<u8> {
    let dir = &args.dir;
    let chosen = if args.update {
        refuse_non_repository(dir)?;
        files(args.publish)
            .into_iter()
            .filter(|f| !f.is_record())
            .collect()
    } else {
        refuse_existing_records(dir)?;
        if args.demo {
            demo_files(args.publish)
        } else {
            files(args.publish)
        }
    };
    for file in &chosen {
        refuse_linked_folders(dir, &file.path)?;
    }
    let (written, kept) = write_missing(dir, &chosen, if args.update { "added" } else { "wrote" })?;
    if args.update {
        super::say!(
            "\n{} added; {kept} kept as they were.",
            crate::diagnostics::plural(written, "file")
        );
    } else {
        super::say!(
            "\nNext: read {} and run `mentorbook check` in {}.",
            dir.join("README.md").display(),
            dir.display()
        );
    }
    Ok(0)
}

/// Writes each file that does not exist yet, saying so with `verb`; says which were kept.
/// Returns how many were written and how many kept.
fn write_missing(dir: &Path, chosen: &[RepoFile], verb: &str) -> Result<(usize, usize)> {
    let (mut written, mut kept) = (0, 0);
    for file in chosen {
        let path = dir.join(&file.path);
        let shown = path.display().to_string();
        // A symbolic link counts as existing, even one that points nowhere.
        if path.symlink_metadata().is_ok() {
            super::say!("kept {shown} (it exists already)");
            kept += 1;
            continue;
        }
        write(&path, file).map_err(|source| Error::Io {
            path: shown.clone(),
            source,
        })?;
        super::say!("{verb} {shown}");
        written += 1;
    }
    Ok((written, kept))
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
            "{} already holds records: init starts a new program, so choose an empty folder (or add what a newer mentorbook writes with `mentorbook init --update {}`)",
            dir.display(),
            dir.display()
        )));
    }
    Ok(())
}

/// `--update` works on a records repository: one with `records/program.toml`.
fn refuse_non_repository(dir: &Path) -> Result<()> {
    if dir.join("records/program.toml").is_file() {
        return Ok(());
    }
    Err(Error::Usage(format!(
        "{} is not a records repository (it has no records/program.toml): `mentorbook init --update` adds files to one made by `mentorbook init`",
        dir.display()
    )))
}

/// DIR, and every folder between it and `rel`, must be a real folder (or not exist yet):
/// writing through a symbolic link could put a file anywhere.
fn refuse_linked_folders(dir: &Path, rel: &str) -> Result<()> {
    let mut parts: Vec<&str> = rel.split('/').collect();
    parts.pop();
    let mut folder = PathBuf::from(dir);
    refuse_link(&folder)?;
    for part in parts {
        folder.push(part);
        refuse_link(&folder)?;
    }
    Ok(())
}

fn refuse_link(folder: &Path) -> Result<()> {
    let linked = folder
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    if linked {
        return Err(Error::Usage(format!(
            "{} is a symbolic link: init writes only into real folders, so replace it with a folder (or choose another DIR)",
            folder.display()
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
    std::io::Write::write_all(&mut options.open(path)?, &file.contents)
}
