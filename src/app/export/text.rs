//! Numbers and strings written so that Python, JSON and CSV readers get back exactly what the
//! lab holds.

use crate::model::number;

/// The shortest text that reads back to exactly `value`, and that Python reads as a float:
/// `0.1`, `-15.0`, `1e-7`, `1e+21`. Rust's `{}` and `{:e}` both print the shortest
/// round-trip digits; `{}` never uses an exponent (1e-300 would print 300 zeros), so very
/// small and very large magnitudes use `{:e}`. Non-finite values, which validation keeps
/// out of code, print as `nan`, `inf` and `-inf` (CSV readers take those).
pub fn float(value: f64) -> String {
    if !value.is_finite() {
        return number::shortest(value).to_ascii_lowercase();
    }
    let magnitude = value.abs();
    let text = if magnitude != 0.0 && !(1e-5..1e16).contains(&magnitude) {
        number::sci(value)
    } else {
        number::shortest(value)
    };
    if text.contains(['.', 'e']) {
        text
    } else {
        // `15` is an int in Python; `15.0` keeps every literal a float.
        format!("{text}.0")
    }
}

/// A Python expression for any float: [`float`] for finite values, `float("nan")`,
/// `float("inf")` or `-float("inf")` otherwise.
pub fn py_float(value: f64) -> String {
    if value.is_nan() {
        "float(\"nan\")".into()
    } else if value.is_infinite() {
        let sign = if value < 0.0 { "-" } else { "" };
        format!("{sign}float(\"inf\")")
    } else {
        float(value)
    }
}

/// A comma-separated list of floats, `per_line` to a line, for a Python list literal.
pub fn float_list(values: &[f64], per_line: usize) -> String {
    let per_line = per_line.max(1);
    values
        .chunks(per_line)
        .map(|chunk| {
            let items: Vec<String> = chunk.iter().map(|&v| float(v)).collect();
            format!("    {},", items.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A JSON string literal, quotes included: `"`, `\` and control characters escaped.
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text safe inside an HTML attribute value in double quotes.
pub fn html_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A URL safe as a Markdown link target and inside a Python comment: spaces, parentheses,
/// angle brackets and quotes percent-encoded (a browser reads them back the same).
pub fn link_target(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '"' | '\'' | '`' | '[' | ']' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}
