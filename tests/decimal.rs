//! The page's number formatter against the standard library's exact formatting.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::model::decimal::{fixed, scientific};
use proptest::prelude::*;

/// Whether rounding `v`'s shortest digits to `keep` digits meets a written 5 that ends them:
/// the one case where half-away-from-zero on the digits and the exact expansion may differ.
fn tie(v: f64, keep: i64) -> bool {
    let text = format!("{:e}", v.abs());
    let mantissa = text.split('e').next().unwrap_or("");
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    usize::try_from(keep).is_ok_and(|k| k + 1 == digits.len() && digits[k] == b'5')
}

fn point(v: f64) -> i64 {
    let text = format!("{:e}", v.abs());
    text.split('e')
        .nth(1)
        .and_then(|e| e.parse::<i64>().ok())
        .unwrap_or(0)
        + 1
}

#[test]
fn known_values_read_as_the_standard_library_writes_them() {
    assert_eq!(fixed(3.14159, 2), "3.14");
    assert_eq!(fixed(2.5, 0), "3");
    assert_eq!(fixed(9.9996, 3), "10.000");
    assert_eq!(fixed(0.0096, 2), "0.01");
    assert_eq!(fixed(0.0004, 2), "0.00");
    assert_eq!(fixed(-0.0, 3), "-0.000");
    assert_eq!(fixed(1e21, 1), format!("{:.1}", 1e21));
    assert_eq!(fixed(123.0, 0), "123");
    assert_eq!(scientific(12345.0, 2), "1.23e4");
    assert_eq!(scientific(9.996e-7, 2), "1.00e-6");
    assert_eq!(scientific(0.0, 2), "0.00e0");
    assert_eq!(scientific(-1.5e300, 1), "-1.5e300");
    // Past the shortest digits the exact expansion goes on; these digits stop.
    assert_eq!(scientific(5e-324, 3), "5.000e-324");
    assert_eq!(fixed(0.1, 20), "0.10000000000000000000");
    for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(fixed(v, 2), format!("{v:.2}"));
        assert_eq!(scientific(v, 2), format!("{v:.2e}"));
    }
}

#[test]
fn ties_round_half_away_from_zero_on_the_written_digits() {
    assert_eq!(fixed(0.125, 2), "0.13");
    assert_eq!(fixed(-0.125, 2), "-0.13");
    assert_eq!(scientific(2.5e10, 0), "3e10");
}

proptest! {
    #[test]
    fn fixed_equals_the_exact_formatting_away_from_ties(
        v in prop::num::f64::NORMAL | prop::num::f64::ZERO,
        decimals in 0usize..8,
    ) {
        prop_assume!(point(v) + (decimals as i64) <= 15);
        prop_assume!(!tie(v, point(v) + decimals as i64));
        prop_assert_eq!(fixed(v, decimals), format!("{v:.decimals$}"));
    }

    #[test]
    fn scientific_equals_the_exact_formatting_away_from_ties(
        v in prop::num::f64::NORMAL | prop::num::f64::ZERO | prop::num::f64::INFINITE
            | prop::num::f64::QUIET_NAN,
        decimals in 0usize..8,
    ) {
        prop_assume!(!tie(v, 1 + decimals as i64));
        prop_assert_eq!(scientific(v, decimals), format!("{v:.decimals$e}"));
    }

    #[test]
    fn fixed_on_scaled_integers_matches(n in -10_000_000i64..10_000_000, places in 0u32..6) {
        let v = n as f64 / 10f64.powi(places as i32);
        for decimals in 0..6usize {
            prop_assume!(!tie(v, point(v) + decimals as i64));
            prop_assert_eq!(fixed(v, decimals), format!("{v:.decimals$}"));
        }
    }
}
