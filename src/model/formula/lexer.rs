//! Splits a formula into tokens, each with its column and length in characters.

use super::error::FormulaError;

/// Longest formula accepted, in characters.
pub const MAX_CHARS: usize = 500;

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A finite, non-negative number literal.
    Number(f64),
    /// A name: a variable or a function.
    Name(String),
    /// One of `+ - * / ^`.
    Op(char),
    /// `(`.
    Open,
    /// `)`.
    Close,
    /// `,`.
    Comma,
    /// The end of the formula.
    End,
}

/// A token and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// What the token is.
    pub kind: Kind,
    /// Its first character, counted from 1.
    pub column: usize,
    /// Its length in characters.
    pub len: usize,
}

/// The tokens of `src`, ending with [`Kind::End`]; refuses empty and over-long formulas,
/// unknown characters and numbers that are not finite.
pub fn tokenize(src: &str) -> Result<Vec<Token>, FormulaError> {
    let chars: Vec<char> = src.chars().collect();
    if chars.len() > MAX_CHARS {
        let message = format!(
            "is too long: {} characters, at most {MAX_CHARS}",
            chars.len()
        );
        return Err(FormulaError::new(MAX_CHARS + 1, 1, message));
    }
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let kind = match c {
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '0'..='9' | '.' => {
                i = number_end(&chars, i)?;
                Kind::Number(number(&chars[start..i], start)?)
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                Kind::Name(chars[start..i].iter().collect())
            }
            _ => {
                i += 1;
                symbol(c).ok_or_else(|| unexpected(c, start))?
            }
        };
        let (column, len) = (start + 1, i - start);
        tokens.push(Token { kind, column, len });
    }
    if tokens.is_empty() {
        return Err(FormulaError::new(1, 1, "is empty; write a formula"));
    }
    let column = chars.len() + 1;
    tokens.push(Token {
        kind: Kind::End,
        column,
        len: 1,
    });
    Ok(tokens)
}

fn symbol(c: char) -> Option<Kind> {
    Some(match c {
        '+' | '*' | '/' | '^' => Kind::Op(c),
        // The typographic minus sign reads as a minus.
        '-' | '\u{2212}' => Kind::Op('-'),
        '(' => Kind::Open,
        ')' => Kind::Close,
        ',' => Kind::Comma,
        _ => return None,
    })
}

fn unexpected(c: char, at: usize) -> FormulaError {
    let shown = shown(c);
    let message = format!(
        "unexpected character \"{shown}\"; formulas use numbers, names, + - * / ^, ( ) and ,"
    );
    FormulaError::new(at + 1, 1, message)
}

/// `c` as a message quotes it: itself, or escaped where it would be invisible, break the line
/// or close the quotes (`\t`, `\"`, `\u{200b}`: as `char::escape_debug` writes them).
/// Not `escape_debug` itself: its Unicode tables add 3.2 KB gzipped to the module for this one
/// message.
fn shown(c: char) -> String {
    let invisible = c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{FEFF}'
            | '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FFF9}'..='\u{FFFB}');
    match c {
        '\0' => "\\0".into(),
        '\t' => "\\t".into(),
        '\r' => "\\r".into(),
        '\n' => "\\n".into(),
        '"' | '\'' | '\\' => format!("\\{c}"),
        _ if invisible => format!("\\u{{{:x}}}", u32::from(c)),
        _ => c.to_string(),
    }
}

/// Where the number starting at `i` ends: digits, an optional fraction, an optional exponent.
fn number_end(chars: &[char], mut i: usize) -> Result<usize, FormulaError> {
    let start = i;
    let digits = |i: &mut usize| {
        let from = *i;
        while *i < chars.len() && chars[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - from
    };
    let mut count = digits(&mut i);
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        count += digits(&mut i);
    }
    if count == 0 {
        return Err(FormulaError::new(
            start + 1,
            i - start,
            "a number needs digits",
        ));
    }
    if i < chars.len() && (chars[i] == 'e' || chars[i] == 'E') {
        let mut j = i + 1;
        if j < chars.len() && (chars[j] == '+' || chars[j] == '-') {
            j += 1;
        }
        if digits(&mut j) == 0 {
            let message = "a number's exponent needs digits, as in 1e-3";
            return Err(FormulaError::new(start + 1, j - start, message));
        }
        i = j;
    }
    Ok(i)
}

fn number(chars: &[char], start: usize) -> Result<f64, FormulaError> {
    let text: String = chars.iter().collect();
    let len = chars.len();
    match crate::model::number::parse_f64(&text) {
        Some(v) if v.is_finite() => Ok(v),
        _ => Err(FormulaError::new(
            start + 1,
            len,
            format!("the number {text} is too large: numbers must be finite"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `shown` writes what `escape_debug` writes for the Latin scripts and for every character
    /// it escapes; elsewhere it may show a character `escape_debug` would escape (a rare
    /// format or unassigned one), never the reverse.
    #[test]
    fn shown_is_escape_debug_where_it_escapes() {
        let std = |c: char| c.escape_debug().collect::<String>();
        let invisible = [
            0xAD, 0x34F, 0x61C, 0x180E, 0xFEFF, 0x300, 0x36F, 0x200B, 0x200F, 0x202A, 0x202E,
            0x2060, 0x206F, 0xFE00, 0xFE0F, 0xFFF9, 0xFFFB, 0x2028, 0x2029, 0x85, 0xA0, 0x3000,
        ];
        let latin = (0..0x250).chain(invisible);
        for c in latin.filter_map(char::from_u32) {
            assert_eq!(shown(c), std(c), "U+{:04X}", u32::from(c));
        }
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let ours = shown(c);
            if ours.starts_with('\\') {
                assert_eq!(ours, std(c), "U+{:04X}", u32::from(c));
            }
        }
    }

    fn kinds(src: &str) -> Vec<Kind> {
        tokenize(src)
            .expect("valid")
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    #[test]
    fn numbers_names_and_symbols() {
        use Kind::*;
        assert_eq!(
            kinds("2.5e-1*yhat − .5"),
            [
                Number(0.25),
                Op('*'),
                Name("yhat".into()),
                Op('-'),
                Number(0.5),
                End
            ]
        );
    }

    #[test]
    fn refusals_point_at_the_text() {
        let e = tokenize("x + 1e999").unwrap_err();
        assert_eq!((e.column, e.len), (5, 5));
        let e = tokenize("x < 2").unwrap_err();
        assert_eq!((e.column, e.len), (3, 1));
        let e = tokenize("2e+").unwrap_err();
        assert_eq!((e.column, e.len), (1, 3));
        let e = tokenize("  ").unwrap_err();
        assert!(e.message.contains("empty"));
        let e = tokenize(&"x".repeat(501)).unwrap_err();
        assert_eq!(e.column, 501);
        assert!(tokenize(&"x".repeat(500)).is_ok());
    }
}
