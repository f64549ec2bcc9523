//! The integration tests: one binary, one module per feature, fixture record sets under
//! `tests/fixtures/<case>/records/`.

mod base;
mod build;
mod canary;
mod catalogue;
mod demo;
mod explain;
mod formats;
mod generated;
mod hostile;
mod init;
mod new;
mod rules;
mod schema;
mod serve;
mod status;
mod structural;
mod support;
