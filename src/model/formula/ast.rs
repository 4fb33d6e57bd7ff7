//! The tree a formula parses into: what evaluation walks and the printers print.

/// A name standing for a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Var {
    /// A data point's input.
    X,
    /// A data point's target.
    Y,
    /// The slope parameter.
    W,
    /// The bias parameter.
    B,
    /// The model's prediction at the point.
    Yhat,
    /// The number of points (of the batch, under mini-batches).
    N,
}

impl Var {
    /// Every name, in the order the messages list them.
    pub const ALL: [Var; 6] = [Var::X, Var::Y, Var::W, Var::B, Var::Yhat, Var::N];

    /// The name as written.
    pub fn name(self) -> &'static str {
        match self {
            Var::X => "x",
            Var::Y => "y",
            Var::W => "w",
            Var::B => "b",
            Var::Yhat => "yhat",
            Var::N => "n",
        }
    }

    /// Whether the value changes from one data point to the next.
    pub fn per_point(self) -> bool {
        matches!(self, Var::X | Var::Y | Var::Yhat)
    }
}

/// A function of one argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// Absolute value; derivative sign(·) with sign(0) = 0.
    Abs,
    /// Square root; derivative +∞ at 0.
    Sqrt,
    /// Exponential.
    Exp,
    /// Natural logarithm.
    Ln,
    /// Base-10 logarithm.
    Log10,
    /// Sine.
    Sin,
    /// Cosine.
    Cos,
    /// Hyperbolic tangent.
    Tanh,
}

impl Func {
    /// Every one-argument function.
    pub const ALL: [Func; 8] = [
        Func::Abs,
        Func::Sqrt,
        Func::Exp,
        Func::Ln,
        Func::Log10,
        Func::Sin,
        Func::Cos,
        Func::Tanh,
    ];

    /// The name as written.
    pub fn name(self) -> &'static str {
        match self {
            Func::Abs => "abs",
            Func::Sqrt => "sqrt",
            Func::Exp => "exp",
            Func::Ln => "ln",
            Func::Log10 => "log10",
            Func::Sin => "sin",
            Func::Cos => "cos",
            Func::Tanh => "tanh",
        }
    }

    /// PyTorch's name for it.
    pub fn torch(self) -> &'static str {
        match self {
            Func::Ln => "torch.log",
            Func::Abs => "torch.abs",
            Func::Sqrt => "torch.sqrt",
            Func::Exp => "torch.exp",
            Func::Log10 => "torch.log10",
            Func::Sin => "torch.sin",
            Func::Cos => "torch.cos",
            Func::Tanh => "torch.tanh",
        }
    }
}

/// A binary operation: the four operators, the power, `min` and `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// `/`.
    Div,
    /// `^`, right-associative, binding tighter than unary minus.
    Pow,
    /// `min(a, b)`: the gradient goes to the smaller, half to each on a tie.
    Min,
    /// `max(a, b)`: the gradient goes to the larger, half to each on a tie.
    Max,
}

/// The reduction over the points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reduction {
    /// The mean over the points (of the batch).
    Mean,
    /// The sum over the points (of the batch).
    Sum,
}

impl Reduction {
    /// The name as written.
    pub fn name(self) -> &'static str {
        match self {
            Reduction::Mean => "mean",
            Reduction::Sum => "sum",
        }
    }
}

/// A parsed formula. Number literals are finite and never negative: `-2` is `Neg(Num(2))`.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A number literal.
    Num(f64),
    /// A name.
    Var(Var),
    /// Unary minus.
    Neg(Box<Expr>),
    /// A binary operation.
    Bin(Op, Box<Expr>, Box<Expr>),
    /// A one-argument function.
    Call(Func, Box<Expr>),
    /// `mean(…)` or `sum(…)` of a per-point term.
    Reduce(Reduction, Box<Expr>),
}

impl Expr {
    /// A binary node.
    pub fn bin(op: Op, a: Expr, b: Expr) -> Expr {
        Expr::Bin(op, Box::new(a), Box::new(b))
    }

    /// Whether any node satisfies `pred`.
    pub fn any(&self, pred: &impl Fn(&Expr) -> bool) -> bool {
        pred(self)
            || match self {
                Expr::Num(_) | Expr::Var(_) => false,
                Expr::Neg(a) | Expr::Call(_, a) | Expr::Reduce(_, a) => a.any(pred),
                Expr::Bin(_, a, b) => a.any(pred) || b.any(pred),
            }
    }

    /// Whether the formula uses the name `v`.
    pub fn uses(&self, v: Var) -> bool {
        self.any(&|e| *e == Expr::Var(v))
    }

    /// Whether the value changes from one data point to the next (uses x, y or yhat).
    pub fn per_point(&self) -> bool {
        self.any(&|e| matches!(e, Expr::Var(v) if v.per_point()))
    }
}
