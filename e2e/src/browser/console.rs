//! The browser console, read through chromedriver's `se/log` endpoint.

use serde::Deserialize;
use serde_json::json;

use super::{Browser, SessionPost};
use crate::{bail, Error, Result};

/// One entry of the browser console, as chromedriver reports it.
#[derive(Debug, Clone, Deserialize)]
pub struct LogEntry {
    /// `SEVERE`, `WARNING`, `INFO` or `DEBUG`.
    pub level: String,
    /// The text, with the source's URL and line first for console API calls.
    pub message: String,
    /// Where it came from: `console-api`, `javascript`, `network`, `security`, …
    #[serde(default)]
    pub source: Option<String>,
}

impl LogEntry {
    /// An error or a warning: what a clean page never logs.
    pub fn is_problem(&self) -> bool {
        matches!(self.level.as_str(), "SEVERE" | "WARNING")
    }
}

impl std::fmt::Display for LogEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let source = self.source.as_deref().unwrap_or("?");
        write!(f, "[{} {source}] {}", self.level, self.message)
    }
}

impl Browser {
    /// The browser console's entries since the last call (reading empties chromedriver's buffer).
    pub fn console(&self) -> Result<Vec<LogEntry>> {
        let body = json!({ "type": "browser" });
        let value = self.run(
            "read the browser console",
            self.client.issue_cmd(SessionPost {
                path: "se/log",
                body,
            }),
        )?;
        serde_json::from_value(value.clone()).map_err(|e| {
            Error::msg(format!(
                "chromedriver's browser log is not a list of entries ({e}): {value}"
            ))
        })
    }

    /// The console's errors and warnings since the last read.
    pub fn console_problems(&self) -> Result<Vec<LogEntry>> {
        Ok(self
            .console()?
            .into_iter()
            .filter(LogEntry::is_problem)
            .collect())
    }

    /// Fails, listing them, if the console logged any error or warning since the last read.
    pub fn expect_clean_console(&self, during: &str) -> Result<()> {
        let problems = self.console_problems()?;
        if problems.is_empty() {
            return Ok(());
        }
        bail!(
            "{} console error(s)/warning(s) {during}:{}",
            problems.len(),
            summarize(&problems)
        )
    }
}

/// One line per distinct entry, with how many times it came, at most 20 lines.
pub fn summarize(entries: &[LogEntry]) -> String {
    let mut distinct: Vec<(String, usize)> = Vec::new();
    for entry in entries {
        let line = entry.to_string();
        match distinct.iter_mut().find(|(seen, _)| *seen == line) {
            Some((_, count)) => *count += 1,
            None => distinct.push((line, 1)),
        }
    }
    let mut text: String = distinct
        .iter()
        .take(20)
        .map(|(line, count)| match count {
            1 => format!("\n  {line}"),
            n => format!("\n  {n} × {line}"),
        })
        .collect();
    if distinct.len() > 20 {
        text.push_str(&format!("\n  … and {} more kinds", distinct.len() - 20));
    }
    text
}
