//! The formulas compiled to flat postfix programs: the per-point loop runs over a short array
//! of instructions with a stack allocated once per pass, never per point. The same operations
//! in the same order as the tree walk of [`super::eval`], so the same numbers.

use super::ast::{Expr, Func, Op, Reduction, Var};
use super::eval::{binary, call, Vars};
use super::scalar::Scalar;

/// A value read without computing: a number, a name, or the reduction's value (in the part
/// of the cost outside it).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Leaf {
    Num(f64),
    Var(Var),
    Reduced,
}

/// One instruction. Unary and binary operations work on the top of the stack in place, and a
/// binary operation whose right operand is a leaf reads it directly: fewer pushes and pops.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Instr {
    Push(Leaf),
    Neg,
    Call(Func),
    Bin(Op),
    BinLeaf(Op, Leaf),
}

fn leaf(e: &Expr) -> Option<Leaf> {
    match e {
        Expr::Num(c) => Some(Leaf::Num(*c)),
        Expr::Var(v) => Some(Leaf::Var(*v)),
        Expr::Reduce(..) => Some(Leaf::Reduced),
        _ => None,
    }
}

/// One expression in postfix order, and the stack it needs.
#[derive(Debug, Clone, PartialEq)]
struct Program {
    code: Vec<Instr>,
    depth: usize,
}

impl Program {
    fn new(e: &Expr) -> Self {
        let mut p = Self {
            code: Vec::new(),
            depth: 0,
        };
        p.depth = p.emit(e, 0);
        p
    }

    /// Appends `e` with `height` values already on the stack; returns the highest it gets.
    fn emit(&mut self, e: &Expr, height: usize) -> usize {
        let (instr, top) = match e {
            Expr::Neg(a) => (Instr::Neg, self.emit(a, height)),
            Expr::Call(f, a) => (Instr::Call(*f), self.emit(a, height)),
            Expr::Bin(op, a, b) => match leaf(b) {
                Some(l) => (Instr::BinLeaf(*op, l), self.emit(a, height)),
                None => {
                    let top = self.emit(a, height).max(self.emit(b, height + 1));
                    (Instr::Bin(*op), top)
                }
            },
            // Only leaves remain.
            _ => (
                Instr::Push(leaf(e).unwrap_or(Leaf::Num(f64::NAN))),
                height + 1,
            ),
        };
        self.code.push(instr);
        top
    }

    fn run<S: Scalar>(&self, v: &Vars<S>, reduced: S, stack: &mut Vec<S>) -> S {
        let read = |l: Leaf| match l {
            Leaf::Num(c) => S::constant(c),
            Leaf::Var(var) => v.get(var),
            Leaf::Reduced => reduced,
        };
        stack.clear();
        for instr in &self.code {
            match *instr {
                Instr::Push(l) => stack.push(read(l)),
                Instr::BinLeaf(op, l) => on_top(stack, |a| binary(op, a, read(l))),
                Instr::Bin(op) => {
                    if let Some(b) = stack.pop() {
                        on_top(stack, |a| binary(op, a, b));
                    }
                }
                Instr::Neg => on_top(stack, |a| a.neg()),
                Instr::Call(f) => on_top(stack, |a| call(f, a)),
            }
        }
        stack.pop().unwrap_or(S::constant(f64::NAN))
    }
}

/// Replaces the top of the stack by `f` of it. The stack is never empty where an operation
/// runs, on a program from [`Program::new`]; an empty one is left alone. Always inlined: it is
/// two instructions, and the size-optimised module kept a call (and a copy) per operation.
#[inline(always)]
fn on_top<S: Copy>(stack: &mut [S], f: impl FnOnce(S) -> S) {
    if let Some(top) = stack.last_mut() {
        *top = f(*top);
    }
}

/// A model and a cost, compiled: the model, the reduction's per-point term, and the part of
/// the cost around the reduction.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    model: Program,
    term: Program,
    outer: Program,
    reduction: Reduction,
    needs_yhat: bool,
}

fn find_reduction(e: &Expr) -> Option<(Reduction, &Expr)> {
    match e {
        Expr::Reduce(r, term) => Some((*r, term)),
        Expr::Num(_) | Expr::Var(_) => None,
        Expr::Neg(a) | Expr::Call(_, a) => find_reduction(a),
        Expr::Bin(_, a, b) => find_reduction(a).or_else(|| find_reduction(b)),
    }
}

impl Compiled {
    /// Compiles a model and a cost as the parser returns them (one reduction in the cost; a
    /// cost without one would count as a sum over nothing).
    pub fn new(model: &Expr, cost: &Expr) -> Self {
        let (reduction, term) = find_reduction(cost).unwrap_or((Reduction::Sum, &Expr::Num(0.0)));
        Self {
            model: Program::new(model),
            term: Program::new(term),
            outer: Program::new(cost),
            reduction,
            needs_yhat: term.uses(Var::Yhat),
        }
    }

    /// The cost over the points `x`, `y` at (w, b), on any [`Scalar`].
    pub fn cost<S: Scalar>(&self, x: &[f64], y: &[f64], w: S, b: S) -> S {
        let depth = self.model.depth.max(self.term.depth).max(self.outer.depth);
        let mut stack = Vec::with_capacity(depth);
        let nan = S::constant(f64::NAN);
        let n = S::constant(x.len() as f64);
        let mut vars = Vars {
            x: nan,
            y: nan,
            w,
            b,
            yhat: nan,
            n,
        };
        let mut acc = S::constant(0.0);
        for (&xi, &yi) in x.iter().zip(y) {
            vars.x = S::constant(xi);
            vars.y = S::constant(yi);
            if self.needs_yhat {
                vars.yhat = self.model.run(&vars, nan, &mut stack);
            }
            acc = acc + self.term.run(&vars, nan, &mut stack);
        }
        let reduced = match self.reduction {
            Reduction::Sum => acc,
            Reduction::Mean => acc / n,
        };
        // Outside the reduction no name of a point is used; NaN, as in the tree walk.
        (vars.x, vars.y, vars.yhat) = (nan, nan, nan);
        self.outer.run(&vars, reduced, &mut stack)
    }
}
