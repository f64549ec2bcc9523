//! `mentorbook init` (in progress).

use crate::error::{Error, Result};

pub fn run<T>(_: &T) -> Result<u8> {
    Err(Error::Usage(
        "`mentorbook init` is not implemented yet".into(),
    ))
}
