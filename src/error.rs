//! Failures that stop a command (exit code 2): the records folder cannot be read, program.toml
//! is missing or invalid, bad arguments. Problems in the records themselves are `Diagnostic`s.

use std::io;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "no records folder at `{path}`: run mentorbook where `records/` is, or pass --records DIR"
    )]
    NoRecords { path: String },

    #[error("{path}: {message}")]
    Config { path: String, message: String },

    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },

    #[error("{0}")]
    Usage(String),

    /// A template failed to parse or render.
    #[error("{message}")]
    Template { message: String },

    /// The privacy guard found confidential values in the rendered site (exit code 1).
    #[error(
        "the site was not written: the privacy guard found confidential values in {files} file(s); the previous site is unchanged"
    )]
    Leak { files: usize },

    /// The output folder exists and is not a mentorbook site, or cannot be written.
    #[error("{message}")]
    Output { message: String },
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// 1 when the privacy guard stopped a build (a content problem); 2 when the command could
    /// not run.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Leak { .. } => 1,
            _ => 2,
        }
    }
}
