//! Walking the tree on any [`Scalar`]: per-point terms, and the one reduction over the points.
//! The reference evaluator; [`super::program`] computes the same numbers faster.

use super::ast::{Expr, Func, Op, Reduction, Var};
use super::scalar::Scalar;

/// The names' values at one point (x, y and yhat are unused outside the reduction).
#[derive(Debug, Clone, Copy)]
pub struct Vars<S> {
    /// The point's input.
    pub x: S,
    /// The point's target.
    pub y: S,
    /// The slope.
    pub w: S,
    /// The bias.
    pub b: S,
    /// The model's prediction at the point.
    pub yhat: S,
    /// The number of points.
    pub n: S,
}

/// The points a reduction runs over, and the model that gives `yhat`.
#[derive(Debug, Clone, Copy)]
pub struct Points<'a> {
    /// The model's right-hand side.
    pub model: &'a Expr,
    /// The inputs.
    pub x: &'a [f64],
    /// The targets.
    pub y: &'a [f64],
}

/// The value of `e`; a reduction inside runs over `points` (empty points give NaN).
pub fn eval<S: Scalar>(e: &Expr, v: &Vars<S>, points: &Points) -> S {
    match e {
        Expr::Num(c) => S::constant(*c),
        Expr::Var(var) => v.get(*var),
        Expr::Neg(a) => eval(a, v, points).neg(),
        Expr::Bin(op, a, b) => binary(*op, eval(a, v, points), eval(b, v, points)),
        Expr::Call(f, a) => call(*f, eval(a, v, points)),
        Expr::Reduce(r, term) => reduce(*r, term, v, points),
    }
}

impl<S: Copy> Vars<S> {
    /// The value of the name `var`.
    pub fn get(&self, var: Var) -> S {
        match var {
            Var::X => self.x,
            Var::Y => self.y,
            Var::W => self.w,
            Var::B => self.b,
            Var::Yhat => self.yhat,
            Var::N => self.n,
        }
    }
}

/// `a op b`.
pub fn binary<S: Scalar>(op: Op, a: S, b: S) -> S {
    match op {
        Op::Add => a + b,
        Op::Sub => a - b,
        Op::Mul => a * b,
        Op::Div => a / b,
        Op::Pow => a.pow(b),
        Op::Min => a.min(b),
        Op::Max => a.max(b),
    }
}

/// `f(a)`.
pub fn call<S: Scalar>(f: Func, a: S) -> S {
    use Func::*;
    match f {
        Abs => a.abs(),
        Sqrt => a.sqrt(),
        Exp => a.exp(),
        Ln => a.ln(),
        Log10 => a.log10(),
        Sin => a.sin(),
        Cos => a.cos(),
        Tanh => a.tanh(),
    }
}

/// The term summed over the points (then divided by their number for a mean). The model is
/// evaluated once per point, and only when the term uses `yhat`.
fn reduce<S: Scalar>(r: Reduction, term: &Expr, v: &Vars<S>, points: &Points) -> S {
    let needs_yhat = term.uses(Var::Yhat);
    let mut acc = S::constant(0.0);
    for (&x, &y) in points.x.iter().zip(points.y) {
        let mut at = Vars {
            x: S::constant(x),
            y: S::constant(y),
            ..*v
        };
        if needs_yhat {
            at.yhat = eval(points.model, &at, points);
        }
        acc = acc + eval(term, &at, points);
    }
    match r {
        Reduction::Sum => acc,
        Reduction::Mean => acc / v.n,
    }
}

/// The cost over `points` at the parameters `w`, `b` (plain numbers or dual numbers).
pub fn cost<S: Scalar>(cost: &Expr, points: &Points, w: S, b: S) -> S {
    let nan = S::constant(f64::NAN);
    let vars = Vars {
        x: nan,
        y: nan,
        w,
        b,
        yhat: nan,
        n: S::constant(points.x.len() as f64),
    };
    eval(cost, &vars, points)
}
