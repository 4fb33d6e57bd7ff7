//! Decimal text to `f64`: the one parser every typed, pasted and linked number goes through.
//!
//! It accepts exactly what Rust's `str::parse::<f64>` accepts (an optional sign, then digits
//! with an optional point and exponent, or `inf`, `infinity`, `nan` in any case) and gives
//! the same value: the nearest double, as both Rust and JavaScript round. Natively it is
//! `str::parse`; in the WebAssembly module the grammar is checked here and the value read
//! by the JavaScript engine's own `parseFloat`, so the module carries no decimal-to-binary
//! conversion of its own (Rust's brings about 13 KB, most of it a table of powers of five).

/// The value of `text`, or `None` when it is not a number in Rust's float syntax.
pub fn parse_f64(text: &str) -> Option<f64> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
    #[cfg(target_arch = "wasm32")]
    {
        let (negative, body) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let signed = |v: f64| if negative { -v } else { v };
        if ["inf", "infinity"]
            .iter()
            .any(|w| body.eq_ignore_ascii_case(w))
        {
            return Some(signed(f64::INFINITY));
        }
        if body.eq_ignore_ascii_case("nan") {
            return Some(f64::NAN);
        }
        if !is_decimal(body) {
            return None;
        }
        // A checked decimal, whole: JavaScript's parseFloat reads all of it, to the nearest
        // double.
        let value = js_sys::Number::parse_float(body);
        Some(signed(value))
    }
}

/// `digits [. digits] [(e|E) [sign] digits]`, with at least one digit before the exponent.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn is_decimal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let whole = digits(0);
    let mut at = whole;
    let mut fraction = 0;
    if bytes.get(at) == Some(&b'.') {
        fraction = digits(at + 1);
        at += 1 + fraction;
    }
    if whole + fraction == 0 {
        return false;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exponent = digits(at);
        if exponent == 0 {
            return false;
        }
        at += exponent;
    }
    at == bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wasm path's grammar accepts exactly what `str::parse` accepts.
    #[test]
    fn the_grammar_is_rusts() {
        let cases = [
            "0", "1", "1.", ".5", "1.5", "1e5", "1E+5", "1e-5", "1.5e3", "007", "1e", "e5", ".",
            "", "1.2.3", "1e5.0", "0x10", "1_0", " 1", "1 ", "١", "1e+", "+", "-", "--1", "+.e1",
            "inf", "nan",
        ];
        for case in cases {
            for text in [case.to_string(), format!("-{case}"), format!("+{case}")] {
                let body = text.trim_start_matches(['+', '-']);
                let body = if text.len() - body.len() > 1 {
                    &text[1..]
                } else {
                    body
                };
                let word = ["inf", "infinity", "nan"]
                    .iter()
                    .any(|w| body.eq_ignore_ascii_case(w));
                assert_eq!(
                    is_decimal(body) || word,
                    text.parse::<f64>().is_ok(),
                    "{text:?}"
                );
            }
        }
    }
}
