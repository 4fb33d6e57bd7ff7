//! Numbers as text for people, with a set number of digits: `{:.N}` and `{:.Ne}` without the
//! standard library's exact-digit float formatting.
//!
//! Rust's `{:.N}` computes the exact decimal expansion of the binary number (a big-number
//! algorithm: several kilobytes of WebAssembly), besides the shortest-digits algorithm that
//! `{}` uses. Here the shortest digits that read back as the number (`{:e}`) are rounded to
//! the digits asked for, half away from zero. The result equals `{:.N}` except where those
//! digits end in a 5 exactly at the rounding place: 0.125 to two places is `0.13` here (as
//! written) and `0.12` with `{:.2}` (ties to even); 0.35 is `0.4` here and `0.3` there (the
//! binary number lies just below 0.35). And past the shortest digits (more than 15
//! significant digits, or subnormal numbers) these digits stop where `{:.N}` shows the binary
//! number's exact expansion: 0.1 to 20 places is `0.10000000000000000000` here. For a page
//! showing a few rounded digits either is right.

/// `v` with `decimals` digits after the point, like `format!("{v:.decimals$}")`.
pub fn fixed(v: f64, decimals: usize) -> String {
    let Some((negative, digits, point)) = shortest(v) else {
        return non_finite(v);
    };
    let keep = point + decimals as i64;
    let (digits, point) = round(digits, point, keep);
    let mut out = sign(negative);
    if point <= 0 {
        out.push('0');
    } else {
        for i in 0..point {
            out.push(digit(&digits, i));
        }
    }
    if decimals > 0 {
        out.push('.');
        for i in point..point + decimals as i64 {
            out.push(digit(&digits, i));
        }
    }
    out
}

/// `v` in scientific notation with `decimals` digits after the point, like
/// `format!("{v:.decimals$e}")`: `1.50e3`, `-4.2e-7`, `0.00e0`.
pub fn scientific(v: f64, decimals: usize) -> String {
    let Some((negative, digits, point)) = shortest(v) else {
        return non_finite(v);
    };
    let (digits, point) = round(digits, point, 1 + decimals as i64);
    let mut out = sign(negative);
    out.push(digit(&digits, 0));
    if decimals > 0 {
        out.push('.');
        for i in 1..=decimals as i64 {
            out.push(digit(&digits, i));
        }
    }
    // Zero is written `0e0`, as the standard library writes it.
    let exponent = if digits.iter().all(|&d| d == 0) {
        0
    } else {
        point - 1
    };
    out.push('e');
    out.push_str(&exponent.to_string());
    out
}

/// `NaN`, `inf` or `-inf`, as `{}` writes them.
fn non_finite(v: f64) -> String {
    match (v.is_nan(), v < 0.0) {
        (true, _) => "NaN".into(),
        (false, true) => "-inf".into(),
        (false, false) => "inf".into(),
    }
}

fn sign(negative: bool) -> String {
    if negative {
        "-".into()
    } else {
        String::new()
    }
}

/// Digit `i` of `digits` (0 past either end), as a character.
fn digit(digits: &[u8], i: i64) -> char {
    let d = usize::try_from(i).ok().and_then(|i| digits.get(i)).copied();
    char::from(b'0' + d.unwrap_or(0))
}

/// The sign, the shortest round-trip digits of |v| (no leading zero; `[0]` for zero), and
/// the point's place: |v| = 0.d₁d₂… × 10^point. `None` when `v` is not finite.
fn shortest(v: f64) -> Option<(bool, Vec<u8>, i64)> {
    if !v.is_finite() {
        return None;
    }
    let text = format!("{:e}", v.abs());
    let (mantissa, exponent) = text.split_once('e')?;
    let digits: Vec<u8> = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    let exponent: i64 = exponent.parse().ok()?;
    Some((v.is_sign_negative(), digits, exponent + 1))
}

/// `digits` (point at `point`) rounded half away from zero to the first `keep` digits; a
/// carry past the first digit moves the point. `keep` may be 0 or negative (rounding to a
/// place left of every digit).
fn round(mut digits: Vec<u8>, point: i64, keep: i64) -> (Vec<u8>, i64) {
    if keep < 0 || keep as usize >= digits.len() {
        if keep < 0 {
            return (vec![0], point);
        }
        return (digits, point);
    }
    let up = digits[keep as usize] >= 5;
    digits.truncate(keep as usize);
    if !up {
        if digits.is_empty() {
            digits.push(0);
        }
        return (digits, point);
    }
    // Add one at the last kept place, carrying left.
    for d in digits.iter_mut().rev() {
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            return (digits, point);
        }
    }
    digits.insert(0, 1);
    (digits, point + 1)
}
