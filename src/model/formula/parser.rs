//! A hand-written Pratt parser, with the rules of each line checked as it goes.
//!
//! Binding powers, loosest first: `+ -` (left), `* /` (left), unary minus, `^` (right). So
//! `-x^2` is `-(x^2)` and `2^3^2` is `2^(3^2)`, as in Python. Depth is counted on every
//! recursive call, so deep input is an error, never a stack overflow.

use std::fmt;

use super::ast::{Expr, Func, Op, Reduction, Var};
use super::error::FormulaError;
use super::lexer::{tokenize, Kind, Token};

/// Deepest nesting accepted (parentheses, operators and function calls all count).
pub const MAX_DEPTH: usize = 64;

/// Which of the two lines a formula is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// `yhat = …`: uses x, w, b, n, numbers and functions.
    Model,
    /// `cost = …`: one reduction over the points around the per-point term.
    Cost,
}

impl Line {
    /// The line's name, which is also its API field.
    pub fn name(self) -> &'static str {
        match self {
            Line::Model => "model",
            Line::Cost => "cost",
        }
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Parses one line's right-hand side.
pub fn parse(src: &str, line: Line) -> Result<Expr, FormulaError> {
    let tokens = tokenize(src)?;
    let mut p = Parser {
        tokens,
        pos: 0,
        line,
        depth: 0,
        in_reduction: false,
        reductions: 0,
    };
    let expr = p.expr(0)?;
    let end = p.peek();
    if end.kind != Kind::End {
        return Err(p.error_at(&end, expected_operator(&end)));
    }
    if line == Line::Cost && p.reductions == 0 {
        let message = "the cost needs one mean(…) or sum(…) over the points, \
                       as in mean((yhat - y)^2)";
        return Err(FormulaError::new(1, end.column - 1, message));
    }
    Ok(expr)
}

fn expected_operator(t: &Token) -> String {
    match &t.kind {
        Kind::Close => "this ) has no matching (".into(),
        Kind::Comma => "a comma belongs between the two arguments of min or max".into(),
        _ => "expected an operator such as + or * here".into(),
    }
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    line: Line,
    depth: usize,
    in_reduction: bool,
    reductions: usize,
}

/// Left and right binding powers of an infix operator.
fn infix(op: char) -> Option<(u8, u8, Op)> {
    Some(match op {
        '+' => (1, 2, Op::Add),
        '-' => (1, 2, Op::Sub),
        '*' => (3, 4, Op::Mul),
        '/' => (3, 4, Op::Div),
        '^' => (7, 6, Op::Pow),
        _ => return None,
    })
}

/// Right binding power of unary minus: above `* /`, below `^`.
const NEG_BP: u8 = 5;

impl Parser {
    fn peek(&self) -> Token {
        // The last token is always End, and the parser never moves past it.
        self.tokens[self.pos.min(self.tokens.len() - 1)].clone()
    }

    fn next(&mut self) -> Token {
        let t = self.peek();
        if t.kind != Kind::End {
            self.pos += 1;
        }
        t
    }

    fn error_at(&self, t: &Token, message: impl Into<String>) -> FormulaError {
        FormulaError::new(t.column, t.len, message)
    }

    fn expr(&mut self, min_bp: u8) -> Result<Expr, FormulaError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let t = self.peek();
            let message = format!("is nested too deeply (more than {MAX_DEPTH} levels)");
            return Err(self.error_at(&t, message));
        }
        let mut lhs = self.prefix()?;
        loop {
            let t = self.peek();
            let Kind::Op(c) = t.kind else { break };
            let Some((l_bp, r_bp, op)) = infix(c) else {
                break;
            };
            if l_bp < min_bp {
                break;
            }
            self.next();
            let rhs = self.expr(r_bp)?;
            lhs = Expr::bin(op, lhs, rhs);
        }
        self.depth -= 1;
        Ok(lhs)
    }

    fn prefix(&mut self) -> Result<Expr, FormulaError> {
        let t = self.next();
        match t.kind {
            Kind::Number(v) => Ok(Expr::Num(v)),
            Kind::Op('-') => Ok(Expr::Neg(Box::new(self.expr(NEG_BP)?))),
            Kind::Open => {
                let inner = self.expr(0)?;
                self.expect_close(&t)?;
                Ok(inner)
            }
            Kind::Name(ref name) => {
                if self.peek().kind == Kind::Open {
                    self.call(&t, name)
                } else {
                    self.variable(&t, name)
                }
            }
            Kind::End => Err(self.error_at(&t, "the formula ends too early: expected a value")),
            _ => Err(self.error_at(&t, "expected a number, a name or ( here")),
        }
    }

    fn expect_close(&mut self, open: &Token) -> Result<(), FormulaError> {
        let t = self.next();
        match t.kind {
            Kind::Close => Ok(()),
            Kind::End => Err(self.error_at(open, "this ( is never closed")),
            _ => Err(self.error_at(&t, "expected ) or an operator here")),
        }
    }
}

const FUNCTIONS: &str = "abs, sqrt, exp, ln, log10, sin, cos, tanh, min, max, mean, sum";

impl Parser {
    fn names(&self) -> &'static str {
        match self.line {
            Line::Model => "x, w, b, n",
            Line::Cost => "x, y, w, b, yhat, n",
        }
    }

    fn variable(&self, t: &Token, name: &str) -> Result<Expr, FormulaError> {
        let Some(v) = Var::ALL.into_iter().find(|v| v.name() == name) else {
            let message = if is_function(name) {
                format!("{name} is a function: write {name}(…)")
            } else {
                format!("unknown name \"{name}\"; the names are {}", self.names())
            };
            return Err(self.error_at(t, message));
        };
        if self.line == Line::Model && matches!(v, Var::Y | Var::Yhat) {
            let message = format!(
                "the model cannot use {name}: it predicts y from {}",
                self.names()
            );
            return Err(self.error_at(t, message));
        }
        if self.line == Line::Cost && v.per_point() && !self.in_reduction {
            let message = format!(
                "{name} changes from point to point, so it must stand inside mean(…) or sum(…)"
            );
            return Err(self.error_at(t, message));
        }
        Ok(Expr::Var(v))
    }

    fn call(&mut self, t: &Token, name: &str) -> Result<Expr, FormulaError> {
        if let Some(f) = Func::ALL.into_iter().find(|f| f.name() == name) {
            let [a] = self.arguments::<1>(t, name)?;
            return Ok(Expr::Call(f, Box::new(a)));
        }
        let op = match name {
            "min" => Op::Min,
            "max" => Op::Max,
            "mean" => return self.reduction(t, Reduction::Mean),
            "sum" => return self.reduction(t, Reduction::Sum),
            _ if Var::ALL.iter().any(|v| v.name() == name) => {
                let message = format!("{name} is not a function; write {name}*(…) to multiply");
                return Err(self.error_at(t, message));
            }
            _ => {
                let message = format!("unknown function \"{name}\"; the functions are {FUNCTIONS}");
                return Err(self.error_at(t, message));
            }
        };
        let [a, b] = self.arguments::<2>(t, name)?;
        Ok(Expr::bin(op, a, b))
    }

    fn reduction(&mut self, t: &Token, r: Reduction) -> Result<Expr, FormulaError> {
        let name = r.name();
        if self.line == Line::Model {
            let message = format!("the model cannot use {name}(…): it predicts one point");
            return Err(self.error_at(t, message));
        }
        if self.in_reduction {
            let message = format!("{name}(…) inside a reduction: use mean(…) or sum(…) once");
            return Err(self.error_at(t, message));
        }
        if self.reductions > 0 {
            let message = "the cost uses one reduction, mean(…) or sum(…), only once";
            return Err(self.error_at(t, message));
        }
        self.reductions += 1;
        self.in_reduction = true;
        let [term] = self.arguments::<1>(t, name)?;
        self.in_reduction = false;
        Ok(Expr::Reduce(r, Box::new(term)))
    }

    /// `(a)` or `(a, b)` after a function's name.
    fn arguments<const N: usize>(
        &mut self,
        name_token: &Token,
        name: &str,
    ) -> Result<[Expr; N], FormulaError> {
        let open = self.next();
        let first = self.expr(0)?;
        let mut args = vec![first];
        while args.len() < N {
            let t = self.next();
            if t.kind != Kind::Comma {
                let message = format!("{name} takes {N} arguments: {name}(a, b)");
                return Err(self.error_at(&t, message));
            }
            args.push(self.expr(0)?);
        }
        let t = self.peek();
        match t.kind {
            Kind::Comma => {
                let message = format!("{name} takes {}", arity(N));
                Err(self.error_at(&t, message))
            }
            Kind::End => Err(self.error_at(&open, "this ( is never closed")),
            _ => {
                self.expect_close(&open)?;
                args.try_into()
                    .map_err(|_| self.error_at(name_token, "wrong number of arguments"))
            }
        }
    }
}

fn arity(n: usize) -> &'static str {
    if n == 1 {
        "one argument"
    } else {
        "two arguments"
    }
}

fn is_function(name: &str) -> bool {
    FUNCTIONS.split(',').any(|f| f.trim_start() == name)
}
