//! The two formulas together, and the cost they define over a data set.

use super::ast::Expr;
use super::dual::{Dual, HyperDual};
use super::error::FormulaError;
use super::parser::{parse, Line};
use super::program::Compiled;
use crate::model::data::Samples;
use crate::model::objective::Objective;

/// The model's default right-hand side.
pub const DEFAULT_MODEL: &str = "w*x + b";
/// The cost's default right-hand side: the mean squared error.
pub const DEFAULT_COST: &str = "mean((yhat - y)^2)";

/// A parsed model (`yhat = …`) and cost (`cost = …`).
#[derive(Debug, Clone, PartialEq)]
pub struct Formulas {
    model: Expr,
    cost: Expr,
}

impl Default for Formulas {
    /// [`DEFAULT_MODEL`] and [`DEFAULT_COST`], built directly (a test checks they parse
    /// to these trees).
    fn default() -> Self {
        use super::ast::{Op, Reduction, Var};
        let var = Expr::Var;
        let model = Expr::bin(
            Op::Add,
            Expr::bin(Op::Mul, var(Var::W), var(Var::X)),
            var(Var::B),
        );
        let residual = Expr::bin(Op::Sub, var(Var::Yhat), var(Var::Y));
        let square = Expr::bin(Op::Pow, residual, Expr::Num(2.0));
        let cost = Expr::Reduce(Reduction::Mean, Box::new(square));
        Self { model, cost }
    }
}

impl Formulas {
    /// Parses both right-hand sides; an error names the line it belongs to.
    pub fn parse(model: &str, cost: &str) -> Result<Self, (Line, FormulaError)> {
        let model = parse(model, Line::Model).map_err(|e| (Line::Model, e))?;
        let cost = parse(cost, Line::Cost).map_err(|e| (Line::Cost, e))?;
        Ok(Self { model, cost })
    }

    /// The model's tree.
    pub fn model(&self) -> &Expr {
        &self.model
    }

    /// The cost's tree.
    pub fn cost(&self) -> &Expr {
        &self.cost
    }

    /// Whether these are the defaults, `w*x + b` and `mean((yhat - y)^2)`, as trees (spacing
    /// and redundant parentheses aside): the cost is then the quadratic from the data's sums.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// Both lines as PyTorch expressions, `(model, cost)`: see [`Expr::to_python`].
    pub fn to_python(&self) -> (String, String) {
        (self.model.to_python(), self.cost.to_python())
    }
}

/// The cost of [`Formulas`] over a data set, evaluated point by point: O(n) per cost and
/// per exact gradient.
#[derive(Debug, Clone)]
pub struct FormulaCost {
    formulas: Formulas,
    compiled: Compiled,
    x: Vec<f64>,
    y: Vec<f64>,
}

/// A mini-batch's points, for [`FormulaCost`]'s gradient.
#[derive(Debug, Clone)]
pub struct FormulaBatch {
    x: Vec<f64>,
    y: Vec<f64>,
}

/// The cost's value, gradient and Hessian at one point of (w, b), from second-order dual
/// numbers: what the lab shows instead of the closed-form facts of the mean squared error.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Curvature {
    /// The cost.
    pub cost: f64,
    /// `[∂L/∂w, ∂L/∂b]`.
    pub gradient: [f64; 2],
    /// `[∂²L/∂w², ∂²L/∂w∂b, ∂²L/∂b²]`.
    pub hessian: [f64; 3],
    /// The Hessian's eigenvalues, smallest first (NaN when it is not finite).
    pub eigenvalues: [f64; 2],
}

impl FormulaCost {
    /// The cost of `formulas` over the data set.
    pub fn new(formulas: Formulas, samples: &Samples) -> Self {
        Self::from_slices(formulas, samples.x(), samples.y())
    }

    /// The cost over any points (`x` and `y` of the same length).
    pub fn from_slices(formulas: Formulas, x: &[f64], y: &[f64]) -> Self {
        Self {
            compiled: Compiled::new(&formulas.model, &formulas.cost),
            formulas,
            x: x.to_vec(),
            y: y.to_vec(),
        }
    }

    /// The number of points.
    pub fn len(&self) -> usize {
        self.x.len()
    }

    /// Whether there are no points.
    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }

    /// The formulas.
    pub fn formulas(&self) -> &Formulas {
        &self.formulas
    }

    /// The cost over the points `x`, `y` (a batch, or all of them) and its exact gradient.
    pub fn value_gradient(&self, x: &[f64], y: &[f64], w: f64, b: f64) -> (f64, [f64; 2]) {
        let (w, b) = Dual::params(w, b);
        let d = self.compiled.cost(x, y, w, b);
        (d.v, d.g)
    }

    /// The cost, gradient and Hessian over all the points at (w, b).
    pub fn curvature(&self, w: f64, b: f64) -> Curvature {
        let (w, b) = HyperDual::params(w, b);
        let d = self.compiled.cost(&self.x, &self.y, w, b);
        Curvature {
            cost: d.v,
            gradient: d.g,
            hessian: d.h,
            eigenvalues: eigenvalues(d.h),
        }
    }

    /// The cost over all the points at every `w` of `ws` for one `b`, written into `out`.
    pub fn cost_row(&self, ws: &[f64], b: f64, out: &mut [f64]) {
        for (o, &w) in out.iter_mut().zip(ws) {
            *o = self.compiled.cost(&self.x, &self.y, w, b);
        }
    }
}

impl Objective for FormulaCost {
    type Batch = FormulaBatch;

    fn batch(&self, x: &[f64], y: &[f64]) -> FormulaBatch {
        FormulaBatch {
            x: x.to_vec(),
            y: y.to_vec(),
        }
    }

    fn gradient(&self, batch: &FormulaBatch, w: f64, b: f64) -> (f64, f64) {
        let (_, [gw, gb]) = self.value_gradient(&batch.x, &batch.y, w, b);
        (gw, gb)
    }

    fn cost(&self, w: f64, b: f64) -> f64 {
        self.compiled.cost(&self.x, &self.y, w, b)
    }
}

/// Eigenvalues of the symmetric `[[a, c], [c, d]]`, smallest first. The one of larger
/// magnitude is computed directly and the other from the determinant, avoiding cancellation.
pub fn eigenvalues([a, c, d]: [f64; 3]) -> [f64; 2] {
    if !(a.is_finite() && c.is_finite() && d.is_finite()) {
        return [f64::NAN; 2];
    }
    let mid = 0.5 * (a + d);
    let radius = (0.5 * (a - d)).hypot(c);
    let big = if mid >= 0.0 {
        mid + radius
    } else {
        mid - radius
    };
    let other = if big == 0.0 {
        0.0
    } else {
        (a * d - c * c) / big
    };
    if big >= other {
        [other, big]
    } else {
        [big, other]
    }
}

#[cfg(test)]
mod tests {
    use super::eigenvalues;

    #[test]
    fn eigenvalues_of_indefinite_and_negative_hessians() {
        assert_eq!(eigenvalues([1.0, 2.0, 1.0]), [-1.0, 3.0]);
        assert_eq!(eigenvalues([-2.0, 0.0, -1.0]), [-2.0, -1.0]);
        assert_eq!(eigenvalues([0.0, 0.0, 0.0]), [0.0, 0.0]);
        assert!(eigenvalues([f64::NAN, 0.0, 1.0])[0].is_nan());
    }
}
