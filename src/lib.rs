//! mentorbook: checks a mentoring program's records against its rules and renders a
//! dashboard for its volunteers.
//!
//! The pipeline: `load` → `model` → `rules` → `diagnostics` → `report` (check).

pub mod catalogue;
pub mod cli;
pub mod cmd;
pub mod compare;
pub mod dates;
pub mod diagnostics;
pub mod due;
pub mod error;
pub mod facts;
pub mod fold;
pub mod generate;
pub mod import;
pub mod inert;
pub mod interrupt;
pub mod load;
pub mod matching;
pub mod model;
pub mod place;
pub mod progress;
pub mod render;
pub mod report;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod site;
pub mod source;
pub mod suggest;
pub mod view;
