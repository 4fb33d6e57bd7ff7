//! One line of text into fields, and one field into a number.
//!
//! Lines are split by hand rather than with a CSV crate: the rules are few (one delimiter,
//! optional quotes, numbers only), and the crate's bytes in the wasm were measured against
//! the site's size budget (see the module's documentation).

/// What separates the fields of a line, decided once from the first lines of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// A tab (TSV).
    Tab,
    /// A semicolon (the CSV of locales that write decimal commas).
    Semicolon,
    /// A comma (CSV).
    Comma,
    /// One or more spaces or tabs.
    Whitespace,
}

impl Delimiter {
    /// How the page names it: "comma-separated", "tab-separated", …
    pub fn describe(self) -> &'static str {
        match self {
            Self::Tab => "tab-separated",
            Self::Semicolon => "semicolon-separated",
            Self::Comma => "comma-separated",
            Self::Whitespace => "space-separated",
        }
    }

    fn splits_at(self, c: char) -> bool {
        match self {
            Self::Tab => c == '\t',
            Self::Semicolon => c == ';',
            Self::Comma => c == ',',
            Self::Whitespace => c == ' ' || c == '\t',
        }
    }

    /// The delimiter of these lines. Tab when every line has one outside quotes (a TSV);
    /// else of semicolon and comma the one found in the most lines, semicolon on a tie
    /// (semicolon-separated files are the ones whose numbers may hold commas); else runs of
    /// spaces and tabs, which also reads columns aligned with a mix of both.
    pub fn detect(lines: &[&str]) -> Self {
        // Lines holding a tab, a semicolon, a comma; and lines looked at.
        let mut with = [0usize; 3];
        let mut total = 0;
        for line in lines {
            total += 1;
            let mut seen = [false; 3];
            let mut quoted = false;
            // Bytes: every character looked for is ASCII, never part of a longer one.
            for &c in line.as_bytes() {
                match c {
                    b'"' => quoted = !quoted,
                    b'\t' if !quoted => seen[0] = true,
                    b';' if !quoted => seen[1] = true,
                    b',' if !quoted => seen[2] = true,
                    _ => {}
                }
            }
            for (count, seen) in with.iter_mut().zip(seen) {
                *count += usize::from(seen);
            }
        }
        match with {
            [tabs, _, _] if tabs == total && total > 0 => Self::Tab,
            [_, 0, 0] => Self::Whitespace,
            [_, semicolons, commas] if semicolons >= commas => Self::Semicolon,
            _ => Self::Comma,
        }
    }
}

/// A line's fields, unquoted and trimmed, or the 1-based column of an unclosed quote.
pub fn split(line: &str, delimiter: Delimiter) -> Result<Vec<String>, usize> {
    let mut fields = Vec::new();
    let mut field = String::new();
    // Spaces around a line never matter; a tab at its start is an empty first field of a TSV.
    let line = if delimiter == Delimiter::Whitespace {
        line.trim()
    } else {
        line.trim_matches(' ')
    };
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                // `""` inside quotes is one quote (RFC 4180).
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
        } else if c == '"' && field.trim().is_empty() {
            field.clear();
            quoted = true;
        } else if delimiter.splits_at(c) {
            fields.push(field.trim().to_owned());
            field.clear();
            if delimiter == Delimiter::Whitespace {
                while chars.peek().is_some_and(|&c| delimiter.splits_at(c)) {
                    chars.next();
                }
            }
        } else {
            field.push(c);
        }
    }
    if quoted {
        return Err(fields.len() + 1);
    }
    fields.push(field.trim().to_owned());
    Ok(fields)
}

/// Why a field is not a usable number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    /// Empty: the row has no value there.
    Missing,
    /// Not written as a number.
    NotANumber,
    /// NaN, an infinity, or too large for a double (`1e999`).
    NotFinite,
}

/// The number a field holds: an optional sign, digits with an optional decimal point, and an
/// optional exponent (Rust's own grammar, which also reads `inf` and `NaN`: refused here).
pub fn number(field: &str) -> Result<f64, NumberProblem> {
    if field.is_empty() {
        return Err(NumberProblem::Missing);
    }
    match crate::model::number::parse_f64(field) {
        Some(v) if v.is_finite() => Ok(v),
        Some(_) => Err(NumberProblem::NotFinite),
        None => Err(NumberProblem::NotANumber),
    }
}

/// A field quoted for a message: at most 24 characters, control characters shown as `?`.
pub fn quote(text: &str) -> String {
    const MAX: usize = 24;
    let mut short: String = text
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if text.chars().count() > MAX {
        short.push('…');
    }
    format!("\"{short}\"")
}

/// The sentence for a field's problem, after "line L, column C: ".
pub fn describe_problem(problem: NumberProblem, field: &str) -> String {
    match problem {
        NumberProblem::Missing => "the value is missing".to_owned(),
        NumberProblem::NotANumber => format!("{} is not a number", quote(field)),
        NumberProblem::NotFinite => format!(
            "{} is not a finite number (NaN, infinity and values beyond ±1.8e308 are refused)",
            quote(field)
        ),
    }
}
