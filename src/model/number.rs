//! Numbers as text, both ways: the one decimal parser every typed, pasted and linked number
//! goes through, and the one set of formatters every number the page prints goes through.
//!
//! The parser accepts exactly what Rust's `str::parse::<f64>` accepts (an optional sign, then
//! digits with an optional point and exponent, or `inf`, `infinity`, `nan` in any case) and
//! gives the same value: the nearest double, as both Rust and JavaScript round. The
//! formatters write exactly what Rust's `{}`, `{:.N}`, `{:e}` and `{:.Ne}` write.
//!
//! Natively both are Rust's own. In the WebAssembly module the grammar is checked here and
//! the value read by the JavaScript engine's `parseFloat`; the digits are the engine's
//! `toString`, `toFixed` and `toExponential`, laid out as Rust lays them out, with the one
//! difference (JavaScript rounds an exact tie away from zero, Rust to the even digit)
//! settled here exactly. So the module carries no conversion between binary and decimal of
//! its own: Rust's parser brings about 13 KB (most of it a table of powers of five) and its
//! formatter about 20 KB (Grisu, Dragon4 and their big-number arithmetic).

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

/// `v` as Rust's `{}` writes it: the shortest digits that read back as `v`, never in
/// scientific notation (`0.1`, `1000000000000000000000`, `0.0000001`, `-0`, `NaN`, `inf`).
pub fn shortest(v: f64) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        v.to_string()
    }
    #[cfg(target_arch = "wasm32")]
    {
        js::written(v, |a| js::Digits::shortest(a).plain())
    }
}

/// `v` with `digits` decimals, as Rust's `{:.digits$}` writes it: the exact value rounded,
/// an exact tie to the even digit (`0.125` → `0.12`), `-0.0` for a negative zero.
/// `digits` is at most 99.
pub fn fixed(v: f64, digits: usize) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{v:.digits$}")
    }
    #[cfg(target_arch = "wasm32")]
    {
        js::written(v, |a| js::fixed(a, digits.min(99)))
    }
}

/// `v` as Rust's `{:e}` writes it: the shortest digits in scientific notation (`1e-7`,
/// `1.25e3`, `0e0`).
pub fn sci(v: f64) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{v:e}")
    }
    #[cfg(target_arch = "wasm32")]
    {
        js::written(v, |a| js::Digits::shortest(a).scientific())
    }
}

/// `v` as Rust's `{:.digits$e}` writes it: `digits` decimals in scientific notation, rounded
/// as [`fixed`] rounds (`1.25` → `1.2e0`). `digits` is at most 99.
pub fn sci_fixed(v: f64, digits: usize) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{v:.digits$e}")
    }
    #[cfg(target_arch = "wasm32")]
    {
        js::written(v, |a| js::sci_fixed(a, digits.min(99)))
    }
}

/// The shorter of [`shortest`] and [`sci`] (`0.1`, `1e-7`, `123`; `shortest` when they tie):
/// the most compact text that reads back as exactly `v`.
pub fn compact(v: f64) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        shorter(shortest(v), sci(v))
    }
    #[cfg(target_arch = "wasm32")]
    {
        js::written(v, |a| js::compact(&js::Digits::shortest(a)))
    }
}

/// `sci` when it is shorter than `plain`, else `plain`: [`compact`]'s choice, on both sides.
fn shorter(plain: String, sci: String) -> String {
    if sci.len() < plain.len() {
        sci
    } else {
        plain
    }
}

/// [`compact`] of each of `values`, in order. In the module the engine converts them all in
/// one call, not one call a number: a pasted table's 20 000 numbers are written for the saved
/// work in a few milliseconds instead of a task of about 100 ms.
pub fn compact_all(values: &[f64]) -> Vec<String> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        values.iter().map(|&v| compact(v)).collect()
    }
    #[cfg(target_arch = "wasm32")]
    {
        let texts = js::texts(values);
        values
            .iter()
            .zip(texts.split(' '))
            .map(|(&v, text)| js::written(v, |_| js::compact(&js::Digits::read(text))))
            .collect()
    }
}

/// `v` limited to `lo..=hi` (a NaN stays NaN), as `f64::clamp` gives it for bounds in
/// order. `f64::clamp` checks the order with a message that formats both bounds, which would
/// bring Rust's float formatting back into the module; every caller's bounds are in order.
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

/// `v` wrapped into `0..period` (`period` > 0): `v.rem_euclid(period)` up to rounding, and 0
/// where `v` is not finite. `rem_euclid` takes the exact remainder with `fmod`, which brings
/// 128-bit division into the module (2 KB); an angle needs no more than one floor.
pub fn wrap(v: f64, period: f64) -> f64 {
    let w = v - period * (v / period).floor();
    if (0.0..period).contains(&w) {
        w
    } else {
        0.0
    }
}

/// The formatters' JavaScript side: the engine's digits in Rust's layout.
#[cfg(target_arch = "wasm32")]
mod js {
    use js_sys::Number;

    /// `v` as Rust writes it: `NaN`, `inf` and `-inf` as such; a finite value as `body` writes
    /// its magnitude, with `v`'s sign (Rust keeps a negative zero's).
    pub fn written(v: f64, body: impl FnOnce(f64) -> String) -> String {
        if v.is_nan() {
            "NaN".into()
        } else if v.is_infinite() {
            if v < 0.0 { "-inf" } else { "inf" }.into()
        } else if v.is_sign_negative() {
            format!("-{}", body(-v))
        } else {
            body(v)
        }
    }

    /// The significant digits of a value and where its decimal point goes: the value is
    /// `0.digits × 10^point`.
    pub struct Digits {
        digits: String,
        point: i32,
    }

    impl Digits {
        /// The shortest digits that read back as `a` (finite, not negative), from the
        /// engine's `toString`, which picks the same digits as Rust's `{}`.
        pub fn shortest(a: f64) -> Self {
            Self::read(&text(Number::from(a).to_string_with_radix(10)))
        }

        /// The digits of the engine's text for a finite value (`123.45`, `1.5e-7`, `1e+21`;
        /// a sign is left out).
        pub fn read(text: &str) -> Self {
            let text = text.trim_start_matches('-');
            let (mantissa, exponent) = split_exponent(text);
            let point = mantissa.find('.').unwrap_or(mantissa.len()) as i32;
            let all: String = mantissa.chars().filter(|c| *c != '.').collect();
            let digits = all.trim_start_matches('0');
            let point = point - (all.len() - digits.len()) as i32 + exponent;
            let digits = digits.trim_end_matches('0');
            if digits.is_empty() {
                return Self {
                    digits: "0".into(),
                    point: 1,
                };
            }
            Self {
                digits: digits.into(),
                point,
            }
        }

        /// In positional notation, as `{}`: `123.45`, `0.00012`, `1200`.
        pub fn plain(&self) -> String {
            let (digits, point) = (self.digits.as_str(), self.point);
            let len = digits.len() as i32;
            if point <= 0 {
                format!("0.{}{digits}", "0".repeat(-point as usize))
            } else if point >= len {
                format!("{digits}{}", "0".repeat((point - len) as usize))
            } else {
                let (whole, fraction) = digits.split_at(point as usize);
                format!("{whole}.{fraction}")
            }
        }

        /// In scientific notation, as `{:e}`: `1.2345e2`, `1e-7`.
        pub fn scientific(&self) -> String {
            let (first, rest) = self.digits.split_at(1);
            let point = if rest.is_empty() { "" } else { "." };
            format!("{first}{point}{rest}e{}", self.point - 1)
        }
    }

    /// The engine's text for each of `values`, from one call: `Array.prototype.join` writes
    /// each number as its `toString` does.
    pub fn texts(values: &[f64]) -> String {
        let array = js_sys::Array::from(&js_sys::Float64Array::from(values));
        String::from(array.join(" "))
    }

    /// The shorter of `digits`' two layouts, [`shortest`](super::shortest) when they tie.
    pub fn compact(digits: &Digits) -> String {
        super::shorter(digits.plain(), digits.scientific())
    }

    /// `{:.digits$}` of `a` (finite, not negative).
    pub fn fixed(a: f64, digits: usize) -> String {
        if a >= 1e21 {
            // `toFixed` switches to scientific notation here; `a` is a whole number.
            let zeros = "0".repeat(digits);
            let point = if digits == 0 { "" } else { "." };
            return format!("{}{point}{zeros}", whole_digits(a));
        }
        let js = |digits| text(Number::from(a).to_fixed(digits as u8));
        rounded(a, digits, digits as i32, js)
    }

    /// `{:.digits$e}` of `a` (finite, not negative).
    pub fn sci_fixed(a: f64, digits: usize) -> String {
        let js = |digits| text(Number::from(a).to_exponential(digits as u8));
        // The tie is at the digit `digits` places after the first significant one.
        let first = split_exponent(&js(digits)).1;
        let text = rounded(a, digits, digits as i32 - first, js);
        let (mantissa, exponent) = split_exponent(&text);
        format!("{mantissa}e{exponent}")
    }

    /// The engine's text for `digits` decimals (`js(digits)`), except where `a × 10^scale`
    /// is an exact tie (a fractional part of exactly ½): the engine rounds it up, Rust to
    /// the even digit, so there the exact text one digit longer (ending in 5) is cut.
    fn rounded(a: f64, digits: usize, scale: i32, js: impl Fn(usize) -> String) -> String {
        if !is_tie(a, scale) {
            return js(digits);
        }
        let exact = js(digits + 1);
        let cut = exact.find('e').unwrap_or(exact.len());
        let (mantissa, exponent) = exact.split_at(cut);
        let kept = &mantissa[..mantissa.len() - 1];
        let last = kept.bytes().rev().find(u8::is_ascii_digit).unwrap_or(b'0');
        if (last - b'0') % 2 == 1 {
            // Odd: Rust rounds up to the even digit too.
            return js(digits);
        }
        format!("{}{exponent}", kept.trim_end_matches('.'))
    }

    /// Whether `a × 10^scale` (`a` finite, not negative) has a fractional part of exactly ½,
    /// decided on `a`'s binary digits: `a = m × 2^e` with `m` odd.
    fn is_tie(a: f64, scale: i32) -> bool {
        if a == 0.0 {
            return false;
        }
        let (mut m, mut e) = binary(a);
        let zeros = m.trailing_zeros();
        m >>= zeros;
        e += zeros as i32;
        if scale >= 0 {
            // m × 5^scale is odd, so the power of two must be exactly 2^-1.
            e + scale == -1
        } else {
            // 2a / 10^t = m × 2^(e + 1 - t) / 5^t must be an odd whole number.
            let t = -scale;
            e + 1 == t && t <= 22 && m % 5u64.pow(t as u32) == 0
        }
    }

    /// `a = m × 2^e`, `m` below 2^53.
    fn binary(a: f64) -> (u64, i32) {
        let bits = a.to_bits();
        let exponent = ((bits >> 52) & 0x7ff) as i32;
        let fraction = bits & ((1 << 52) - 1);
        if exponent == 0 {
            (fraction, -1074)
        } else {
            (fraction | 1 << 52, exponent - 1075)
        }
    }

    /// Every digit of a whole number `a` at least 2^53, exactly (base 10^9 limbs, doubled).
    fn whole_digits(a: f64) -> String {
        const BASE: u64 = 1_000_000_000;
        let (m, e) = binary(a);
        let mut limbs = vec![m % BASE, m / BASE % BASE, m / BASE / BASE];
        for _ in 0..e.max(0) {
            let mut carry = 0;
            for limb in &mut limbs {
                let doubled = *limb * 2 + carry;
                *limb = doubled % BASE;
                carry = doubled / BASE;
            }
            if carry > 0 {
                limbs.push(carry);
            }
        }
        while limbs.len() > 1 && limbs.last() == Some(&0) {
            limbs.pop();
        }
        let mut out = String::new();
        for (i, limb) in limbs.iter().rev().enumerate() {
            let text = limb.to_string();
            if i > 0 {
                out.push_str(&"0".repeat(9 - text.len()));
            }
            out.push_str(&text);
        }
        out
    }

    /// The mantissa and the exponent of the engine's `1.5e+3` (exponent 0 without one).
    fn split_exponent(text: &str) -> (&str, i32) {
        match text.split_once('e') {
            Some((mantissa, exponent)) => (mantissa, exponent.parse().unwrap_or(0)),
            None => (text, 0),
        }
    }

    /// A JavaScript string result as text (the calls above never throw for their ranges).
    fn text(result: Result<js_sys::JsString, wasm_bindgen::JsValue>) -> String {
        result.map(String::from).unwrap_or_default()
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

    /// `wrap` is `rem_euclid` up to rounding (as an angle: 0 and just under the period are
    /// neighbours), always inside `0..period`, and 0 for what is not finite.
    #[test]
    fn wrap_is_rem_euclid() {
        let tau = std::f64::consts::TAU;
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for k in 0..100_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let v = ((state >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 10f64.powi(k % 7);
            let (ours, exact) = (wrap(v, tau), v.rem_euclid(tau));
            assert!((0.0..tau).contains(&ours), "{v}: {ours}");
            let gap = (ours - exact).abs();
            assert!(gap.min(tau - gap) < 1e-9, "{v}: {ours} against {exact}");
        }
        assert_eq!(wrap(-0.5 * tau, tau), 0.5 * tau);
        assert_eq!(wrap(tau, tau), 0.0);
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(wrap(v, tau), 0.0);
        }
    }

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
