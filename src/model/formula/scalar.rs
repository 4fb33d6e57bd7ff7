//! The numbers evaluation runs on: plain `f64` for values, [`Dual`] for exact gradients in
//! (w, b), [`HyperDual`] for exact Hessians.
//!
//! Every function is given by its value and first two derivatives; the chain rule is applied
//! once, in [`Scalar::lift`] and [`Scalar::lift2`]. The derivatives at the edges follow
//! PyTorch's autograd: `abs'(0) = 0`, `sqrt'(0) = +∞`, `min`/`max` give the whole gradient
//! to the chosen argument and half to each on a tie.

use std::ops::{Add, Div, Mul, Sub};

/// A number that evaluation can compute with.
pub trait Scalar:
    Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Div<Output = Self>
{
    /// A constant: every derivative zero.
    fn constant(v: f64) -> Self;
    /// The value.
    fn value(self) -> f64;
    /// Whether every derivative is zero.
    fn is_constant(self) -> bool;
    /// `f(self)` given `f`, `f'` and `f''` at `self.value()`.
    fn lift(self, f: f64, d1: f64, d2: f64) -> Self;
    /// `f(self, o)` given `f`, its gradient `[f_a, f_b]` and Hessian `[f_aa, f_ab, f_bb]`.
    fn lift2(self, o: Self, f: f64, d1: [f64; 2], d2: [f64; 3]) -> Self;

    /// Unary minus.
    fn neg(self) -> Self {
        self.lift(-self.value(), -1.0, 0.0)
    }

    /// `self ^ e`.
    fn pow(self, e: Self) -> Self {
        let (a, c) = (self.value(), e.value());
        let f = a.powf(c);
        if e.is_constant() {
            return self.lift(f, c * a.powf(c - 1.0), c * (c - 1.0) * a.powf(c - 2.0));
        }
        // As PyTorch: the exponent's derivative a^c·ln a is taken as 0 where a = 0.
        let ln = if a == 0.0 { 0.0 } else { a.ln() };
        let fa = c * a.powf(c - 1.0);
        let d2 = [
            c * (c - 1.0) * a.powf(c - 2.0),
            a.powf(c - 1.0) * (1.0 + c * ln),
            f * ln * ln,
        ];
        self.lift2(e, f, [fa, f * ln], d2)
    }

    /// `|self|`, derivative sign(·) with sign(0) = 0.
    fn abs(self) -> Self {
        let a = self.value();
        let sign = if a > 0.0 {
            1.0
        } else if a < 0.0 {
            -1.0
        } else {
            0.0 * a // 0, or NaN for NaN
        };
        self.lift(a.abs(), sign, 0.0)
    }

    /// Square root.
    fn sqrt(self) -> Self {
        let r = self.value().sqrt();
        self.lift(r, 0.5 / r, -0.25 / (r * r * r))
    }

    /// Exponential.
    fn exp(self) -> Self {
        let e = self.value().exp();
        self.lift(e, e, e)
    }

    /// Natural logarithm.
    fn ln(self) -> Self {
        let a = self.value();
        self.lift(a.ln(), 1.0 / a, -1.0 / (a * a))
    }

    /// Base-10 logarithm.
    fn log10(self) -> Self {
        let a = self.value();
        let k = std::f64::consts::LN_10;
        self.lift(a.log10(), 1.0 / (a * k), -1.0 / (a * a * k))
    }

    /// Sine.
    fn sin(self) -> Self {
        let (s, c) = self.value().sin_cos();
        self.lift(s, c, -s)
    }

    /// Cosine.
    fn cos(self) -> Self {
        let (s, c) = self.value().sin_cos();
        self.lift(c, -s, -c)
    }

    /// Hyperbolic tangent.
    fn tanh(self) -> Self {
        let t = self.value().tanh();
        let d = 1.0 - t * t;
        self.lift(t, d, -2.0 * t * d)
    }

    /// The smaller argument (`torch.minimum`).
    fn min(self, o: Self) -> Self {
        choose(self, o, self.value() < o.value())
    }

    /// The larger argument (`torch.maximum`).
    fn max(self, o: Self) -> Self {
        choose(self, o, self.value() > o.value())
    }
}

/// `a` when `a_wins`, `b` when `b` strictly wins, half of each on a tie; NaN propagates.
fn choose<S: Scalar>(a: S, b: S, a_wins: bool) -> S {
    let (va, vb) = (a.value(), b.value());
    if va.is_nan() || vb.is_nan() {
        a.lift2(b, f64::NAN, [f64::NAN; 2], [0.0; 3])
    } else if a_wins {
        a
    } else if va != vb {
        b
    } else {
        a.lift2(b, va, [0.5, 0.5], [0.0; 3])
    }
}

impl Scalar for f64 {
    fn constant(v: f64) -> Self {
        v
    }
    fn value(self) -> f64 {
        self
    }
    fn is_constant(self) -> bool {
        true
    }
    fn lift(self, f: f64, _: f64, _: f64) -> Self {
        f
    }
    fn lift2(self, _: Self, f: f64, _: [f64; 2], _: [f64; 3]) -> Self {
        f
    }
    // Values only: skip the derivatives.
    fn pow(self, e: Self) -> Self {
        if e == 2.0 {
            self * self
        } else {
            self.powf(e)
        }
    }
    fn abs(self) -> Self {
        f64::abs(self)
    }
    fn sqrt(self) -> Self {
        f64::sqrt(self)
    }
    fn exp(self) -> Self {
        f64::exp(self)
    }
    fn ln(self) -> Self {
        f64::ln(self)
    }
}
