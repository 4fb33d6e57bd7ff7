//! The module's transcendental functions are the JavaScript engine's `Math`.
//!
//! On wasm32, `f64::sin`, `exp`, `powf`, … compile to calls to the C names `sin`, `exp`,
//! `pow`, …, which compiler-builtins resolves with its own port of musl's libm: 4.6 KB of the
//! module gzipped (the argument reduction behind `sin` and `cos` alone is 3.7 KB raw). The
//! browser already ships these functions, as accurate (within an ulp), so the lab defines the
//! C names here on `Math`, and the linker takes them instead. The glue imports them as
//! `Math`'s own functions (`cargo xtask pack`, `xtask/src/math.rs`). A call out of the module
//! still costs more than libm's code inside it: a formula made of nothing but `sin`, `exp`
//! and `tanh` evaluates about 1.1× slower than with libm.
//!
//! What stays libm's, so stays the same in every browser:
//! - `log` (Rust's `ln`): the data's normal draws take their tail values from it, and a
//!   browser's `Math.log` may round differently (JavaScript leaves it to each engine), so
//!   a link's data would not be the same everywhere. Their `exp` only decides whether a
//!   draw is kept, which a last-place difference changes only on an exact tie;
//! - `hypot` and `atan2`: a few hundred bytes, and `Math.hypot` rounds differently.
//!
//! `#[no_mangle]` also exports these names from the module (the glue never calls them).
//! Defining a C symbol is what the `unsafe_code` lint guards against (two definitions of one
//! name); these are the only ones in the lab (`tests/lints.rs` keeps it so), and each has
//! the C signature LLVM calls.
#![allow(unsafe_code)]

use js_sys::Math;

/// C's `sin`.
#[no_mangle]
extern "C" fn sin(x: f64) -> f64 {
    Math::sin(x)
}

/// C's `cos`.
#[no_mangle]
extern "C" fn cos(x: f64) -> f64 {
    Math::cos(x)
}

/// C's `tanh`.
#[no_mangle]
extern "C" fn tanh(x: f64) -> f64 {
    Math::tanh(x)
}

/// C's `exp`.
#[no_mangle]
extern "C" fn exp(x: f64) -> f64 {
    Math::exp(x)
}

/// C's `log10`.
#[no_mangle]
extern "C" fn log10(x: f64) -> f64 {
    Math::log10(x)
}

/// C's `pow` (Rust's `powf`). C and JavaScript differ only where the base is ±1: C gives 1
/// for `pow(1, y)` with any `y`, NaN too, and for `pow(-1, ±∞)`, where `Math.pow` gives NaN.
/// PyTorch follows C, and so does the lab.
#[no_mangle]
extern "C" fn pow(x: f64, y: f64) -> f64 {
    if x == 1.0 || (x == -1.0 && y.is_infinite()) {
        return 1.0;
    }
    Math::pow(x, y)
}
