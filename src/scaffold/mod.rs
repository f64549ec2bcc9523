//! What mentorbook writes for a committee: new records (`records`, written by `draft`) and a
//! new records repository (`repository`, for `init`).

pub mod draft;
pub mod records;
pub mod repository;
