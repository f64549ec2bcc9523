//! The integration tests: one binary, one module per feature, fixture record sets under
//! `tests/fixtures/<case>/records/`.

mod action;
mod base;
mod build;
mod catalogue;
mod demo;
mod formats;
mod generated;
mod hostile;
mod init;
mod init_update;
mod new;
mod output;
mod publish;
mod reminders;
mod report;
mod rules;
mod schema;
mod serve;
mod status;
mod structural;
mod support;
