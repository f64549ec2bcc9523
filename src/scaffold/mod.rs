//! What mentorbook writes for a committee: new records (`records`) and a new records
//! repository (`repository`, for `init`).

pub mod records;
pub mod repository;
