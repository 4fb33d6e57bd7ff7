//! The model cell's two editable lines, `yhat = …` and `cost = …`: checking what the learner
//! typed or the URL gave, and writing it back into a Share link.
//!
//! The configuration keeps the right-hand sides as text (`None` for a line equal to its
//! default as a tree), so a Share link repeats exactly what the learner wrote.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::model::formula::{
    caret_line, parse, FormulaError, Formulas, Line, DEFAULT_COST, DEFAULT_MODEL,
};
use crate::model::{Cost, Problem};

/// Everything but RFC 3986's unreserved characters is encoded: a formula holds `+`, which a
/// query string (and `URLSearchParams`) would read as a space.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A refused line: which one, the text that was checked, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// The refused line.
    pub line: Line,
    /// Where and why.
    pub error: FormulaError,
}

impl LineError {
    /// The message under the line: `cost: column 12: unknown name "yy"; …`.
    pub fn message(&self) -> String {
        format!("{}: {}", self.line, self.error)
    }
}

/// Characters of the refused text shown above the caret: a long formula is shown as a window
/// around the offending text, so the two lines stay short.
const ECHO_CHARS: usize = 48;
/// Characters shown before the offending text: few, so that the caret stays in view in a
/// phone-wide block.
const ECHO_BEFORE: usize = 16;

/// The refused line again (`cost = …`) and, below it, a caret under the offending text, for a
/// monospace block: the caret cannot drift from the text it points at, whatever the field's
/// width or scroll. Control characters show as spaces so the columns stay aligned.
pub fn echo(line: Line, text: &str, error: &FormulaError) -> String {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let at = error.column.saturating_sub(1);
    let start = at.saturating_sub(ECHO_BEFORE).min(chars.len());
    let end = (start + ECHO_CHARS).min(chars.len());
    // ASCII dots: an ellipsis character may come from a fallback font of another width,
    // which would shift the caret.
    let before = if start > 0 { "..." } else { "" };
    let after = if end < chars.len() { "..." } else { "" };
    let shown: String = chars[start..end].iter().collect();
    let prefix = format!("{} = {before}", label(line));
    let len = error.len.min(ECHO_CHARS);
    let caret = caret_line(prefix.chars().count() + at - start + 1, len);
    format!("{prefix}{shown}{after}\n{caret}")
}

/// The name left of a line's `=`, as the model cell shows it.
pub fn label(line: Line) -> &'static str {
    match line {
        Line::Model => "yhat",
        Line::Cost => "cost",
    }
}

/// A line's default right-hand side.
pub fn default_text(line: Line) -> &'static str {
    match line {
        Line::Model => DEFAULT_MODEL,
        Line::Cost => DEFAULT_COST,
    }
}

/// Checks one line: `None` when it is the default (spacing and redundant parentheses aside),
/// else the text as typed (trimmed).
pub fn check_line(line: Line, text: &str) -> Result<Option<String>, LineError> {
    let text = text.trim();
    let tree = parse(text, line).map_err(|error| LineError { line, error })?;
    let default = Formulas::default();
    let default_tree = match line {
        Line::Model => default.model(),
        Line::Cost => default.cost(),
    };
    Ok((tree != *default_tree).then(|| text.to_string()))
}

/// Checks both lines, the model first: what the configuration keeps, or the first refusal.
pub fn check_both(model: &str, cost: &str) -> Result<(Option<String>, Option<String>), LineError> {
    Ok((
        check_line(Line::Model, model)?,
        check_line(Line::Cost, cost)?,
    ))
}

/// The parsed formulas of a configuration's lines (`None` for a line means its default);
/// `None` when both are the defaults, so the lab keeps the quadratic's fast path.
pub fn formulas(model: Option<&str>, cost: Option<&str>) -> Option<Formulas> {
    if model.is_none() && cost.is_none() {
        return None;
    }
    Formulas::parse(model.unwrap_or(DEFAULT_MODEL), cost.unwrap_or(DEFAULT_COST)).ok()
}

/// A URL's value for `model` or `cost`, as `LabConfig` keeps it; the error is the notice's
/// reason (`column 12: …`).
pub fn url_line(line: Line, value: &str) -> Result<Option<String>, String> {
    check_line(line, value).map_err(|e| e.error.to_string())
}

/// A short text naming a problem's cost, for the figures' cache keys: empty for the
/// quadratic, else both formulas as the language prints them.
pub fn cost_key(problem: &Problem) -> String {
    match &problem.cost {
        Cost::Formula(f) => format!("{}; {}", f.formulas().model(), f.formulas().cost()),
        Cost::Line(_) => String::new(),
    }
}

/// Whether the problem's model is the line `w*x + b`, whose prediction the data-space
/// figures draw as a line.
pub fn line_model(problem: &Problem) -> bool {
    match &problem.cost {
        Cost::Formula(f) => f.formulas().model() == Formulas::default().model(),
        Cost::Line(_) => true,
    }
}

/// `key=value` for a Share link, the value percent-encoded; nothing for a default line.
pub fn push_line(key: &str, text: Option<&str>, parts: &mut Vec<String>) {
    if let Some(text) = text {
        parts.push(format!("{key}={}", utf8_percent_encode(text, QUERY_VALUE)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_typed_differently_are_defaults() {
        assert_eq!(check_line(Line::Model, "  (w*x) + b "), Ok(None));
        assert_eq!(check_line(Line::Cost, "mean(((yhat-y))^2)"), Ok(None));
        assert_eq!(
            check_line(Line::Cost, "mean(abs(yhat - y))"),
            Ok(Some("mean(abs(yhat - y))".into()))
        );
        assert!(formulas(None, None).is_none());
        assert!(formulas(None, Some("sum((yhat-y)^2)/n")).is_some());
    }

    #[test]
    fn a_refusal_names_its_line_and_column() {
        let e = check_both("w*x + b", "mean((yhat - yy)^2)").unwrap_err();
        assert_eq!(e.line, Line::Cost);
        assert!(
            e.message().starts_with("cost: column 14: "),
            "{}",
            e.message()
        );
        assert_eq!(e.error.caret(), format!("{}^^", " ".repeat(13)));
        let e = check_both("w*x + y", "mean(abs(yhat - y))").unwrap_err();
        assert_eq!(e.line, Line::Model);
    }

    #[test]
    fn the_echo_puts_the_caret_under_the_offending_text() {
        let e = check_line(Line::Cost, "mean((yhat - yy)^2)").unwrap_err();
        let shown = echo(Line::Cost, "mean((yhat - yy)^2)", &e.error);
        let (text, caret) = shown.split_once('\n').expect("two lines");
        let at = caret.find('^').expect("a caret");
        assert_eq!(&text[at..at + 2], "yy");
        let long = format!("mean({}yy)", "1+".repeat(5000));
        let e = check_line(Line::Cost, &long).unwrap_err();
        let shown = echo(Line::Cost, &long, &e.error);
        assert!(shown.chars().count() < 200, "{shown}");
    }

    #[test]
    fn share_values_keep_only_unreserved_characters() {
        let mut parts = Vec::new();
        push_line("cost", Some("0.5*mean((yhat - y)^2) + 1e-3"), &mut parts);
        push_line("model", None, &mut parts);
        assert_eq!(
            parts,
            ["cost=0.5%2Amean%28%28yhat%20-%20y%29%5E2%29%20%2B%201e-3"]
        );
    }
}
