//! `mentorbook new` (in progress).

use crate::error::{Error, Result};

pub fn run<T>(_: &T) -> Result<u8> {
    Err(Error::Usage(
        "`mentorbook new` is not implemented yet".into(),
    ))
}
