//! Editable formulas: the model `yhat = …` and the cost `cost = …`, parsed once into a tree,
//! evaluated on dual numbers for exact gradients and Hessians, and printed back (as the
//! language, or as PyTorch for the exported notebook).
//!
//! The language: numbers (`2`, `0.5`, `1e-3`), the names `x y w b yhat n`, `+ - * / ^` (`^`
//! binds tighter than unary minus and groups to the right), parentheses, the functions
//! `abs sqrt exp ln log10 sin cos tanh` and `min(a, b)`, `max(a, b)`, and in the cost one
//! reduction `mean(…)` or `sum(…)` around the per-point term. At most
//! [`lexer::MAX_CHARS`] characters and [`parser::MAX_DEPTH`] levels of nesting.

pub mod ast;
pub mod cost;
pub mod dual;
pub mod error;
pub mod eval;
pub mod grid;
pub mod lexer;
pub mod parser;
pub mod print;
pub mod program;
pub mod scalar;

pub use ast::Expr;
pub use cost::{
    eigenvalues, Curvature, FormulaBatch, FormulaCost, Formulas, DEFAULT_COST, DEFAULT_MODEL,
};
pub use error::{caret_line, FormulaError};
pub use grid::formula_grid;
pub use parser::{parse, Line};
