//! The integration tests: one binary, one module per feature, fixture record sets under
//! `tests/fixtures/<case>/records/`.

mod demo;
mod formats;
mod hostile;
mod structural;
mod support;
