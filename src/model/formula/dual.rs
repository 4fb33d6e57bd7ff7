//! Dual numbers in (w, b): a value with its exact gradient ([`Dual`]), or with its gradient
//! and Hessian ([`HyperDual`]).

use std::ops::{Add, Div, Mul, Sub};

use super::scalar::Scalar;

/// A value and its gradient `[∂/∂w, ∂/∂b]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dual {
    /// The value.
    pub v: f64,
    /// The gradient.
    pub g: [f64; 2],
}

impl Dual {
    /// The parameters as dual numbers: w with gradient (1, 0), b with (0, 1).
    pub fn params(w: f64, b: f64) -> (Self, Self) {
        (
            Self {
                v: w,
                g: [1.0, 0.0],
            },
            Self {
                v: b,
                g: [0.0, 1.0],
            },
        )
    }
}

fn axpy(a: f64, x: [f64; 2], b: f64, y: [f64; 2]) -> [f64; 2] {
    [a * x[0] + b * y[0], a * x[1] + b * y[1]]
}

/// `k·x`, where a zero component stays zero even for an infinite `k`: as in autograd, a
/// parameter the value does not depend on gets no gradient (not ∞·0 = NaN).
fn scale(k: f64, x: [f64; 2]) -> [f64; 2] {
    let times = |v: f64| if v == 0.0 { 0.0 } else { k * v };
    [times(x[0]), times(x[1])]
}

impl Add for Dual {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Self {
            v: self.v + o.v,
            g: axpy(1.0, self.g, 1.0, o.g),
        }
    }
}

impl Sub for Dual {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Self {
            v: self.v - o.v,
            g: axpy(1.0, self.g, -1.0, o.g),
        }
    }
}

impl Mul for Dual {
    type Output = Self;
    fn mul(self, o: Self) -> Self {
        Self {
            v: self.v * o.v,
            g: axpy(o.v, self.g, self.v, o.g),
        }
    }
}

impl Div for Dual {
    type Output = Self;
    fn div(self, o: Self) -> Self {
        let inv = 1.0 / o.v;
        let q = self.v * inv;
        Self {
            v: q,
            g: axpy(inv, self.g, -q * inv, o.g),
        }
    }
}

impl Scalar for Dual {
    fn constant(v: f64) -> Self {
        Self { v, g: [0.0; 2] }
    }
    fn value(self) -> f64 {
        self.v
    }
    fn is_constant(self) -> bool {
        self.g == [0.0; 2]
    }
    fn lift(self, f: f64, d1: f64, _: f64) -> Self {
        if self.is_constant() {
            return Self::constant(f);
        }
        Self {
            v: f,
            g: scale(d1, self.g),
        }
    }
    fn lift2(self, o: Self, f: f64, d1: [f64; 2], _: [f64; 3]) -> Self {
        // A constant operand takes no part, so an infinite partial never meets a zero.
        let part = |x: Self, d: f64| {
            if x.is_constant() {
                [0.0; 2]
            } else {
                scale(d, x.g)
            }
        };
        let (ga, gb) = (part(self, d1[0]), part(o, d1[1]));
        Self {
            v: f,
            g: [ga[0] + gb[0], ga[1] + gb[1]],
        }
    }
}

/// A value, its gradient `[∂/∂w, ∂/∂b]` and Hessian `[∂²/∂w², ∂²/∂w∂b, ∂²/∂b²]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HyperDual {
    /// The value.
    pub v: f64,
    /// The gradient.
    pub g: [f64; 2],
    /// The Hessian's three distinct entries.
    pub h: [f64; 3],
}

impl HyperDual {
    /// The parameters: w with gradient (1, 0), b with (0, 1), both with zero Hessian.
    pub fn params(w: f64, b: f64) -> (Self, Self) {
        let p = |v, g| Self { v, g, h: [0.0; 3] };
        (p(w, [1.0, 0.0]), p(b, [0.0, 1.0]))
    }
}

/// The symmetric outer product `(p qᵀ + q pᵀ)/2` as three entries.
fn outer(p: [f64; 2], q: [f64; 2]) -> [f64; 3] {
    [p[0] * q[0], 0.5 * (p[0] * q[1] + p[1] * q[0]), p[1] * q[1]]
}

/// `Σ kᵢ·hᵢ` over three-entry Hessians.
fn combine(terms: &[(f64, [f64; 3])]) -> [f64; 3] {
    let mut out = [0.0; 3];
    for &(k, h) in terms {
        if k != 0.0 && h != [0.0; 3] {
            for (o, x) in out.iter_mut().zip(h) {
                *o += k * x;
            }
        }
    }
    out
}

impl Add for HyperDual {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        self.lift2(o, self.v + o.v, [1.0, 1.0], [0.0; 3])
    }
}

impl Sub for HyperDual {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        self.lift2(o, self.v - o.v, [1.0, -1.0], [0.0; 3])
    }
}

impl Mul for HyperDual {
    type Output = Self;
    fn mul(self, o: Self) -> Self {
        self.lift2(o, self.v * o.v, [o.v, self.v], [0.0, 1.0, 0.0])
    }
}

impl Div for HyperDual {
    type Output = Self;
    fn div(self, o: Self) -> Self {
        let (a, c) = (self.v, o.v);
        let q = a / c;
        let d2 = [0.0, -1.0 / (c * c), 2.0 * q / (c * c)];
        self.lift2(o, q, [1.0 / c, -q / c], d2)
    }
}

impl Scalar for HyperDual {
    fn constant(v: f64) -> Self {
        Self {
            v,
            g: [0.0; 2],
            h: [0.0; 3],
        }
    }
    fn value(self) -> f64 {
        self.v
    }
    fn is_constant(self) -> bool {
        self.g == [0.0; 2] && self.h == [0.0; 3]
    }
    fn lift(self, f: f64, d1: f64, d2: f64) -> Self {
        if self.is_constant() {
            return Self::constant(f);
        }
        let g = scale(d1, self.g);
        let h = combine(&[(d1, self.h), (d2, outer(self.g, self.g))]);
        Self { v: f, g, h }
    }
    fn lift2(self, o: Self, f: f64, d1: [f64; 2], d2: [f64; 3]) -> Self {
        let (ka, kb) = (!self.is_constant(), !o.is_constant());
        let w = |keep: bool, d: f64| if keep { d } else { 0.0 };
        let (fa, fb) = (w(ka, d1[0]), w(kb, d1[1]));
        let g = axpy(fa, self.g, fb, o.g);
        let h = combine(&[
            (fa, self.h),
            (fb, o.h),
            (w(ka, d2[0]), outer(self.g, self.g)),
            (w(ka && kb, 2.0 * d2[1]), outer(self.g, o.g)),
            (w(kb, d2[2]), outer(o.g, o.g)),
        ]);
        Self { v: f, g, h }
    }
}
