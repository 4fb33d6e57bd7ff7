//! The module's decimal parser (`model::number::parse_f64`, read by the JavaScript engine in
//! the browser) against Rust's own `str::parse::<f64>`, bit for bit: hard roundings,
//! subnormals, overflow, signs, words, and thousands of generated decimals.
#![cfg(target_arch = "wasm32")]

use gd_lab::model::number::parse_f64;
use wasm_bindgen_test::*;

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
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
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
