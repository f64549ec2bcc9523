//! `mentorbook match` (written next).

use crate::cli::MatchArgs;
use crate::error::Result;

pub fn run(_args: &MatchArgs) -> Result<u8> {
    Ok(0)
}
