//! Printing a tree back: as the lab's language (which parses back to the same tree) and as a
//! PyTorch expression for the exported notebook.
//!
//! Parentheses go only where precedence needs them. Python's `**` binds like our `^` (tighter
//! than unary minus on its left, to the right), so one printer serves both.

use crate::model::number;
use std::fmt::{self, Write};

use super::ast::{Expr, Op, Reduction, Var};

/// Precedence levels, loosest first.
const ADD: u8 = 1;
const MUL: u8 = 2;
const NEG: u8 = 3;
const POW: u8 = 4;
const ATOM: u8 = 5;

fn precedence(e: &Expr) -> u8 {
    match e {
        Expr::Bin(Op::Add | Op::Sub, ..) => ADD,
        Expr::Bin(Op::Mul | Op::Div, ..) => MUL,
        Expr::Neg(_) => NEG,
        Expr::Bin(Op::Pow, ..) => POW,
        _ => ATOM,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Lab,
    Torch,
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_expr(f, self, Style::Lab)
    }
}

impl Expr {
    /// The formula as a PyTorch expression, over Python variables named `x`, `y`, `w`, `b`,
    /// `yhat` and `n` (x and y tensors of the points, w and b tensors that require grad).
    /// Always a tensor: a model made only of numbers and `n` becomes one.
    pub fn to_python(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = argument(&mut out, self, Style::Torch);
        out
    }
}

fn write_expr(out: &mut impl Write, e: &Expr, style: Style) -> fmt::Result {
    match e {
        Expr::Num(v) => write_number(out, *v),
        Expr::Var(v) => out.write_str(v.name()),
        Expr::Neg(a) => {
            out.write_char('-')?;
            child(out, a, NEG, false, style)
        }
        Expr::Bin(op @ (Op::Min | Op::Max), a, b) => min_max(out, *op, a, b, style),
        Expr::Bin(op, a, b) => {
            let (symbol, p) = match (op, style) {
                (Op::Add, _) => (" + ", ADD),
                (Op::Sub, _) => (" - ", ADD),
                (Op::Mul, _) => ("*", MUL),
                (Op::Div, _) => ("/", MUL),
                (_, Style::Lab) => ("^", POW),
                _ => ("**", POW),
            };
            // `^` groups to the right, the others to the left: at equal precedence the other
            // side needs parentheses. A power's base needs them even around unary minus, its
            // exponent may be negated bare (`2^-x`).
            if p == POW {
                child(out, a, POW, true, style)?;
                out.write_str(symbol)?;
                child(out, b, NEG, false, style)
            } else {
                child(out, a, p, false, style)?;
                out.write_str(symbol)?;
                child(out, b, p, true, style)
            }
        }
        Expr::Call(func, a) => {
            let name = if style == Style::Lab {
                func.name()
            } else {
                func.torch()
            };
            write!(out, "{name}(")?;
            argument(out, a, style)?;
            out.write_char(')')
        }
        Expr::Reduce(r, a) => reduction(out, *r, a, style),
    }
}

fn min_max(out: &mut impl Write, op: Op, a: &Expr, b: &Expr, style: Style) -> fmt::Result {
    let name = match (op, style) {
        (Op::Min, Style::Lab) => "min",
        (Op::Min, Style::Torch) => "torch.minimum",
        (_, Style::Lab) => "max",
        (_, Style::Torch) => "torch.maximum",
    };
    write!(out, "{name}(")?;
    argument(out, a, style)?;
    out.write_str(", ")?;
    argument(out, b, style)?;
    out.write_char(')')
}

/// A child printed bare when its precedence is at least `min` (strictly above it when
/// `strict`), else in parentheses.
fn child(out: &mut impl Write, e: &Expr, min: u8, strict: bool, style: Style) -> fmt::Result {
    let p = precedence(e);
    if p < min || (strict && p == min) {
        out.write_char('(')?;
        write_expr(out, e, style)?;
        out.write_char(')')
    } else {
        write_expr(out, e, style)
    }
}

/// A function's argument. PyTorch's functions take tensors, so an argument made only of
/// numbers and `n` becomes one.
fn argument(out: &mut impl Write, e: &Expr, style: Style) -> fmt::Result {
    if style == Style::Torch && !depends_on_tensor(e) {
        out.write_str("torch.tensor(float(")?;
        write_expr(out, e, style)?;
        out.write_str("))")
    } else {
        write_expr(out, e, style)
    }
}

/// Whether PyTorch computes `e` as a tensor: it uses a name other than `n`, or a reduction.
fn depends_on_tensor(e: &Expr) -> bool {
    e.any(&|e| matches!(e, Expr::Var(v) if *v != Var::N) || matches!(e, Expr::Reduce(..)))
}

fn reduction(out: &mut impl Write, r: Reduction, term: &Expr, style: Style) -> fmt::Result {
    if style == Style::Lab {
        write!(out, "{}(", r.name())?;
        write_expr(out, term, style)?;
        return out.write_char(')');
    }
    write!(out, "torch.{}(", r.name())?;
    if term.per_point() {
        write_expr(out, term, style)?;
    } else {
        // A term that does not change between points still counts once per point.
        child(out, term, MUL, false, style)?;
        out.write_str("*torch.ones_like(x)")?;
    }
    out.write_char(')')
}

/// Rust's shortest round-trip digits (`2`, `0.5`; the same text in Python), in exponent form
/// when very large or small so that the text stays short and parses back to the same number.
fn write_number(out: &mut impl Write, v: f64) -> fmt::Result {
    if v == 0.0 || (1e-4..1e15).contains(&v.abs()) {
        out.write_str(&number::shortest(v))
    } else {
        out.write_str(&number::sci(v))
    }
}
