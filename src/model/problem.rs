//! One training problem: the points, what is minimised over them, and how.
//!
//! The page, the explorer, the optimizer race and the JavaScript API all train through a
//! [`Problem`], so each combination of data, cost, optimizer and batches is computed in one
//! place. The mean squared error of a line keeps its fast path (the quadratic from the data's
//! sums); any other formula runs the general path, point by point.

use super::batches::Batching;
use super::data::Samples;
use super::descent::{step, StepResult, TrainConfig, Trajectory};
use super::formula::{formula_grid, FormulaCost, Formulas};
use super::grid::{loss_grid, GridSpec, LossGrid};
use super::limits::{self, InputError};
use super::optim::Optimizer;
use super::quadratic::CostQuadratic;
use super::training::fit;
use super::{analyze, Analysis};

/// Most point evaluations one general-path run may take (iterations·n, twice: the batch's
/// gradient and the cost over all the points): a few seconds at worst.
pub const MAX_TRAIN_WORK: usize = 500_000_000;

/// What is minimised: the fast quadratic, or a formula evaluated point by point.
#[derive(Debug, Clone)]
pub enum Cost {
    /// The mean squared error of `w·x + b`, from the data's sums.
    Line(CostQuadratic),
    /// Any other model and cost.
    Formula(FormulaCost),
}

/// The points, the cost over them, the optimizer and the batches.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The points training sees.
    pub samples: Samples,
    /// The cost over them.
    pub cost: Cost,
    /// The update rule.
    pub optimizer: Optimizer,
    /// Mini-batches (the full batch by default).
    pub batching: Batching,
}

impl Problem {
    /// Plain full-batch descent on `formulas` over `samples`; formulas equal to the defaults
    /// keep the quadratic's fast path.
    pub fn new(samples: Samples, formulas: Option<Formulas>) -> Result<Self, InputError> {
        let cost = match formulas.filter(|f| !f.is_default()) {
            Some(f) => Cost::Formula(FormulaCost::new(f, &samples)),
            None => Cost::Line(CostQuadratic::new(&samples)?),
        };
        Ok(Self {
            samples,
            cost,
            optimizer: Optimizer::default(),
            batching: Batching::default(),
        })
    }

    /// The same points and cost, trained with another optimizer and batches.
    pub fn with_optimizer(&self, optimizer: Optimizer, batching: Batching) -> Self {
        Self {
            optimizer,
            batching,
            ..self.clone()
        }
    }

    /// The quadratic when the cost is the mean squared error of a line.
    pub fn quadratic(&self) -> Option<&CostQuadratic> {
        match &self.cost {
            Cost::Line(q) => Some(q),
            Cost::Formula(_) => None,
        }
    }

    /// The closed-form facts (optimum, Hessian, critical rates): only for the mean squared
    /// error of a line, and only when x is not constant.
    pub fn analysis(&self) -> Option<Analysis> {
        analyze(self.quadratic()?).ok()
    }

    /// The cost over all the points at (w, b).
    pub fn cost(&self, w: f64, b: f64) -> f64 {
        use super::Objective;
        match &self.cost {
            Cost::Line(q) => Objective::cost(q, w, b),
            Cost::Formula(f) => Objective::cost(f, w, b),
        }
    }

    /// The cost and its full-batch gradient at (w, b), and plain descent's next point.
    pub fn step(&self, w: f64, b: f64, lr: f64) -> Result<StepResult, InputError> {
        let f = match &self.cost {
            Cost::Line(q) => return step(q, w, b, lr),
            Cost::Formula(f) => f,
        };
        limits::finite("w", w)?;
        limits::finite("b", b)?;
        limits::positive("lr", lr)?;
        let (cost, [grad_w, grad_b]) = f.value_gradient(self.samples.x(), self.samples.y(), w, b);
        Ok(StepResult {
            cost,
            grad_w,
            grad_b,
            w: w - lr * grad_w,
            b: b - lr * grad_b,
        })
    }

    /// A run from `config`'s start: records before each update, then the final one.
    pub fn train(&self, config: &TrainConfig) -> Result<Trajectory, InputError> {
        let (s, o, bt) = (&self.samples, &self.optimizer, &self.batching);
        match &self.cost {
            Cost::Line(q) => fit(q, s, config, o, bt),
            Cost::Formula(f) => {
                check_work(config.iterations, s.len())?;
                fit(f, s, config, o, bt)
            }
        }
    }

    /// The cost on a grid of (w, b), laid out as [`LossGrid`] says.
    pub fn grid(&self, spec: &GridSpec) -> Result<LossGrid, InputError> {
        match &self.cost {
            Cost::Line(q) => loss_grid(q, spec),
            Cost::Formula(f) => formula_grid(f, spec),
        }
    }
}

fn check_work(iterations: usize, n: usize) -> Result<(), InputError> {
    let work = iterations.saturating_mul(n).saturating_mul(2);
    if work > MAX_TRAIN_WORK {
        return Err(InputError::new(
            "iterations",
            format!(
                "a formula's run evaluates 2·iterations·n = {work} point terms, at most \
                 {MAX_TRAIN_WORK}: use fewer iterations or fewer points"
            ),
        ));
    }
    Ok(())
}
