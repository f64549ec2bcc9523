//! `mentorbook status` (in progress).

use crate::error::{Error, Result};

pub fn run<T>(_: &T) -> Result<u8> {
    Err(Error::Usage(
        "`mentorbook status` is not implemented yet".into(),
    ))
}
