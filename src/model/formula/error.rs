//! A refused formula: where (a column and a length, in characters) and why, in plain English.

use std::fmt;

use crate::model::limits::InputError;

/// Why a formula was refused, and the text to underline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaError {
    /// The first offending character, counted from 1 in characters (not bytes).
    pub column: usize,
    /// How many characters to underline, at least 1.
    pub len: usize,
    /// What is wrong and what is allowed.
    pub message: String,
}

impl FormulaError {
    /// An error at `column` (1-based) underlining `len` characters.
    pub fn new(column: usize, len: usize, message: impl Into<String>) -> Self {
        Self {
            column: column.max(1),
            len: len.max(1),
            message: message.into(),
        }
    }

    /// The caret line to show under the formula: see [`caret_line`].
    pub fn caret(&self) -> String {
        caret_line(self.column, self.len)
    }

    /// The error as the API reports it, with the field first: `cost: column 12: …`.
    pub fn for_field(&self, field: &str) -> InputError {
        InputError::new(field, self.to_string())
    }
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

impl std::error::Error for FormulaError {}

/// Spaces up to `column` (1-based), then `len` carets: printed in a monospace font under the
/// formula, the carets sit under the offending text. The spaces are capped so that a hostile
/// column cannot build a huge string.
pub fn caret_line(column: usize, len: usize) -> String {
    const MAX: usize = 1024;
    let pad = column.clamp(1, MAX) - 1;
    let marks = len.clamp(1, MAX);
    format!("{}{}", " ".repeat(pad), "^".repeat(marks))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_sits_under_the_column() {
        assert_eq!(caret_line(1, 1), "^");
        assert_eq!(caret_line(4, 2), "   ^^");
        let e = FormulaError::new(12, 2, "unknown name \"yy\"");
        assert_eq!(
            e.for_field("cost").to_string(),
            "cost: column 12: unknown name \"yy\""
        );
        assert_eq!(e.caret(), format!("{}^^", " ".repeat(11)));
    }
}
