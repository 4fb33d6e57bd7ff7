//! The module's transcendental functions in headless Chromium: the browser's `Math` (see
//! `web::libm`), bit for bit over thousands of doubles, and C's `pow` where C and JavaScript
//! part ways, as PyTorch computes it.
#![cfg(target_arch = "wasm32")]

use std::hint::black_box;

use js_sys::Math;
use wasm_bindgen_test::*;

mod common;
use common::xorshift;

wasm_bindgen_test_configure!(run_in_browser);

/// Doubles of every size and sign, with the edges (zeros, infinities, NaN) among them.
fn doubles() -> impl Iterator<Item = f64> {
    let mut next = xorshift(0x5eed_f11b);
    let edges = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        1e-310,
    ];
    let random = (0..4000).map(move |i| {
        let v = f64::from_bits(next());
        // Every other value is moderate, where the lab's numbers are.
        if i % 2 == 0 || !v.is_finite() {
            (next() >> 11) as f64 / (1u64 << 53) as f64 * 200.0 - 100.0
        } else {
            v
        }
    });
    edges.into_iter().chain(random)
}

/// A function of one double.
type Unary = fn(f64) -> f64;

fn bits(v: f64) -> u64 {
    if v.is_nan() {
        u64::MAX
    } else {
        v.to_bits()
    }
}

#[wasm_bindgen_test]
fn rusts_math_is_the_browsers() {
    // `ln` stays libm's (see `web::libm`).
    let pairs: [(&str, Unary, Unary); 5] = [
        ("sin", f64::sin, Math::sin),
        ("cos", f64::cos, Math::cos),
        ("tanh", f64::tanh, Math::tanh),
        ("exp", f64::exp, Math::exp),
        ("log10", f64::log10, Math::log10),
    ];
    for x in doubles() {
        for (name, ours, browsers) in pairs {
            let x = black_box(x);
            assert_eq!(bits(ours(x)), bits(browsers(x)), "{name}({x:e})");
        }
        let y = black_box(x.fract() * 7.0);
        assert_eq!(bits(x.powf(y)), bits(Math::pow(x, y)), "{x:e}^{y:e}");
    }
}

#[wasm_bindgen_test]
fn pow_keeps_cs_rules_at_one_and_minus_one() {
    let pow = |x: f64, y: f64| black_box(x).powf(black_box(y));
    for y in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.5, -3.0] {
        assert_eq!(pow(1.0, y), 1.0, "1^{y}");
    }
    assert_eq!(pow(-1.0, f64::INFINITY), 1.0);
    assert_eq!(pow(-1.0, f64::NEG_INFINITY), 1.0);
    assert!(pow(-1.0, f64::NAN).is_nan());
    assert!(pow(-8.0, 1.0 / 3.0).is_nan());
    assert_eq!(pow(-2.0, 3.0), -8.0);
    assert_eq!(pow(f64::NAN, 0.0), 1.0);
    assert_eq!(pow(0.0, -1.0), f64::INFINITY);
    assert_eq!(pow(-0.0, -1.0), f64::NEG_INFINITY);
}
