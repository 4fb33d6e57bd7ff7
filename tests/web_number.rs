//! The module's numbers as text, both ways, against Rust's own in the same browser: the
//! decimal parser (`model::number::parse_f64`, read by the JavaScript engine) against
//! `str::parse::<f64>` bit for bit (hard roundings, subnormals, overflow, signs, words,
//! thousands of generated decimals), and the formatters (`shortest`, `fixed`, `sci`,
//! `sci_fixed` and `compact`, the engine's digits in Rust's layout) against `{}`, `{:.N}`,
//! `{:e}`, `{:.Ne}` and the shorter of `{}` and `{:e}`, character for character (exact ties,
//! negative zero, huge and subnormal values, every precision to 17, thousands of random
//! doubles), and a batch (`compact_all`) as each number alone.
#![cfg(target_arch = "wasm32")]

use gd_lab::model::number::{compact, compact_all, fixed, parse_f64, sci, sci_fixed, shortest};
use wasm_bindgen_test::*;

mod common;
use common::xorshift;

wasm_bindgen_test_configure!(run_in_browser);

fn same(text: &str) {
    let want = text.parse::<f64>().ok();
    let got = parse_f64(text);
    let bits = |v: Option<f64>| v.map(|v| if v.is_nan() { u64::MAX } else { v.to_bits() });
    assert_eq!(bits(got), bits(want), "{text:?}: {got:?} against {want:?}");
}

#[wasm_bindgen_test]
fn hard_cases_read_as_rust_reads_them() {
    for text in [
        "0",
        "-0",
        "+0",
        "0.1",
        "1e23",
        "9007199254740993",
        "2.2250738585072011e-308",
        "2.2250738585072014e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1e-400",
        "1e400",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "8.98846567431158e307",
        "0.30000000000000004",
        "123456789012345678901234567890e-10",
        "1.",
        ".5",
        "-.5e-3",
        "1E+2",
        "inf",
        "-Infinity",
        "NaN",
        "nan",
        "+inf",
        "1e",
        "e1",
        ".",
        "",
        "-",
        "1.2.3",
        "0x10",
        "1_0",
        " 1",
        "1 ",
        "١",
        "1e5.0",
        "--1",
        "+-1",
        "1e+",
        "0.000000000000000000000000000000000000001",
    ] {
        same(text);
    }
}

#[wasm_bindgen_test]
fn generated_decimals_read_as_rust_reads_them() {
    let mut next = xorshift(0x2545_f491_4f6c_dd1d_u64);
    let alphabet = b"0123456789012345678901234567890123456789.e-+";
    for _ in 0..4000 {
        let len = 1 + (next() % 30) as usize;
        let text: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize] as char)
            .collect();
        same(&text);
        let digits = format!(
            "{}.{}e{}",
            next() % 100_000_000,
            next(),
            (next() % 700) as i64 - 350
        );
        same(&digits);
    }
}

/// Every formatter against Rust's own for `v`, at every precision up to 17.
fn formats_as_rust(v: f64) {
    assert_eq!(shortest(v), format!("{v}"), "{{}} of {v:e}");
    assert_eq!(sci(v), format!("{v:e}"), "{{:e}} of {v:e}");
    let (plain, exp) = (format!("{v}"), format!("{v:e}"));
    let shorter = if exp.len() < plain.len() { exp } else { plain };
    assert_eq!(
        compact(v),
        shorter,
        "the shorter of {{}} and {{:e}} of {v:e}"
    );
    for digits in 0..=17 {
        assert_eq!(
            fixed(v, digits),
            format!("{v:.digits$}"),
            "{{:.{digits}}} of {v:e}"
        );
        assert_eq!(
            sci_fixed(v, digits),
            format!("{v:.digits$e}"),
            "{{:.{digits}e}} of {v:e}"
        );
    }
}

#[wasm_bindgen_test]
fn hard_cases_are_written_as_rust_writes_them() {
    let mut cases = vec![
        0.0,
        0.5,
        1.5,
        2.5,
        9.5,
        0.25,
        0.125,
        0.375,
        1.125,
        2.675,
        0.045,
        1.0005,
        9.995,
        99.5,
        0.1,
        0.2,
        0.3,
        1e-7,
        1.5e-7,
        1e-6,
        123.456,
        1e15,
        1e16,
        1e17,
        9.999999999999999e20,
        1e21,
        1e22,
        1.2345678901234569e23,
        2f64.powi(70),
        1e100,
        1.7976931348623157e308,
        5e-324,
        2.2250738585072014e-308,
        4503599627370496.5,
        9007199254740993.0,
        25.0,
        35.0,
        125.0,
        1250.0,
        0.0625,
        0.03125,
        1e-3,
        1e5,
        99999.5,
        0.00015,
        0.49999999999999994,
        f64::NAN,
        f64::INFINITY,
    ];
    cases.extend((0..=64).map(|k| k as f64 / 64.0 + 3.0));
    cases.extend((1..=40).map(|k| 5.0 * 10f64.powi(k - 20)));
    for v in cases {
        formats_as_rust(v);
        formats_as_rust(-v);
    }
}

#[wasm_bindgen_test]
fn random_doubles_are_written_as_rust_writes_them() {
    let mut next = xorshift(0x9e37_79b9_7f4a_7c15_u64);
    for _ in 0..1500 {
        // Any bits (every exponent), and decimals with a few digits (where ties live).
        let any = f64::from_bits(next());
        let few = (next() % 2_000_000) as f64 / 10f64.powi((next() % 9) as i32);
        let halves = (next() % 100_000) as f64 / 2f64.powi((next() % 12) as i32);
        for v in [any, few, halves] {
            formats_as_rust(v);
        }
    }
}

#[wasm_bindgen_test]
fn a_batch_is_written_as_each_number_alone() {
    let mut next = xorshift(0x2545_f491_4f6c_dd1d_u64);
    let mut values = vec![
        0.0,
        -0.0,
        1e21,
        -1e-7,
        5e-324,
        f64::NAN,
        f64::INFINITY,
        -f64::INFINITY,
    ];
    for _ in 0..3000 {
        values.push(f64::from_bits(next()));
        values.push((next() % 2_000_000) as f64 / 10f64.powi((next() % 9) as i32) - 1e5);
    }
    let one_by_one: Vec<String> = values.iter().map(|&v| compact(v)).collect();
    assert_eq!(compact_all(&values), one_by_one);
    assert!(compact_all(&[]).is_empty());
}
