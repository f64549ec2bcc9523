//! The text of one YAML record or Markdown front matter, written line by line: values as they
//! are (dates, numbers, choices) or as text quoted when YAML would read it otherwise.

use crate::scaffold::records::yaml_text;
use std::fmt::Display;

/// A record's lines so far. `depth` counts two-space steps of indentation.
#[derive(Default)]
pub(super) struct Lines(String);

impl Lines {
    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.0.push_str("  ");
        }
    }

    /// `key: value`, written as it is: a date, a number, `true`, a choice.
    pub fn value(&mut self, depth: usize, key: &str, value: impl Display) -> &mut Lines {
        self.indent(depth);
        self.0 += &format!("{key}: {value}\n");
        self
    }

    /// `key: text`, quoted when needed.
    pub fn text(&mut self, depth: usize, key: &str, text: &str) -> &mut Lines {
        self.value(depth, key, yaml_text(text))
    }

    /// `key:`, opening a block or a list.
    pub fn open(&mut self, depth: usize, key: &str) -> &mut Lines {
        self.indent(depth);
        self.0 += &format!("{key}:\n");
        self
    }

    /// `- text`: an item of the list opened at `depth - 1`.
    pub fn item(&mut self, depth: usize, text: &str) -> &mut Lines {
        self.indent(depth);
        self.0 += &format!("- {}\n", yaml_text(text));
        self
    }

    /// `- key: value`: the first key of a list item that is a block.
    pub fn item_value(&mut self, depth: usize, key: &str, value: impl Display) -> &mut Lines {
        self.indent(depth);
        self.0 += &format!("- {key}: {value}\n");
        self
    }

    pub fn yaml(self) -> String {
        self.0
    }

    /// A Markdown record: these lines as its front matter, then `body`.
    pub fn markdown(self, body: &str) -> String {
        format!("---\n{}---\n{body}", self.0)
    }
}
