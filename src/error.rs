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
}

pub type Result<T> = std::result::Result<T, Error>;
