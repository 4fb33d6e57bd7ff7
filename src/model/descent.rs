//! Full-batch gradient descent: one step, and runs that record every (w, b, cost).

use super::limits::{self, InputError, COST_BOUND, MAX_ITERATIONS};
use super::optim::{Optimizer, OptimizerState};
use super::quadratic::CostQuadratic;

/// Where a run starts, how fast it moves, and how long it goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainConfig {
    /// Starting slope.
    pub w0: f64,
    /// Starting bias.
    pub b0: f64,
    /// Learning rate, greater than 0.
    pub lr: f64,
    /// Number of updates, 0 to [`MAX_ITERATIONS`].
    pub iterations: usize,
}

impl TrainConfig {
    /// The lab's run: from (−15, −10), learning rate 0.1, 15 iterations.
    pub const LAB: Self = Self {
        w0: -15.0,
        b0: -10.0,
        lr: 0.1,
        iterations: 15,
    };

    fn validate(&self) -> Result<(), InputError> {
        limits::finite("w0", self.w0)?;
        limits::finite("b0", self.b0)?;
        limits::positive("lr", self.lr)?;
        limits::count("iterations", self.iterations, 0, MAX_ITERATIONS)?;
        Ok(())
    }
}

/// A run's records. Index i holds the parameters and cost **before** update i, as the original
/// loop records them; the last index holds them after the final update.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Trajectory {
    /// Slope at each record.
    pub w: Vec<f64>,
    /// Bias at each record.
    pub b: Vec<f64>,
    /// Cost at each record.
    pub cost: Vec<f64>,
    /// `Some(k)` when the run stopped early, keeping `k` records: the next value was not
    /// finite or its cost passed [`COST_BOUND`]. Every kept record is finite and within it.
    pub diverged_at: Option<usize>,
}

impl Trajectory {
    /// Number of records kept.
    pub fn len(&self) -> usize {
        self.cost.len()
    }

    /// True when no record was kept.
    pub fn is_empty(&self) -> bool {
        self.cost.is_empty()
    }

    fn push(&mut self, w: f64, b: f64, cost: f64) -> bool {
        let ok = w.is_finite() && b.is_finite() && cost.is_finite() && cost <= COST_BOUND;
        if ok {
            self.w.push(w);
            self.b.push(b);
            self.cost.push(cost);
        } else {
            self.diverged_at = Some(self.len());
        }
        ok
    }
}

/// The cost and gradient at (w, b), and the point one update later.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepResult {
    /// Cost at (w, b).
    pub cost: f64,
    /// ∂L/∂w at (w, b).
    pub grad_w: f64,
    /// ∂L/∂b at (w, b).
    pub grad_b: f64,
    /// Slope after the update.
    pub w: f64,
    /// Bias after the update.
    pub b: f64,
}

/// One gradient step from (w, b) with learning rate `lr`.
pub fn step(q: &CostQuadratic, w: f64, b: f64, lr: f64) -> Result<StepResult, InputError> {
    limits::finite("w", w)?;
    limits::finite("b", b)?;
    limits::positive("lr", lr)?;
    let (grad_w, grad_b) = q.gradient(w, b);
    Ok(StepResult {
        cost: q.cost(w, b),
        grad_w,
        grad_b,
        w: w - lr * grad_w,
        b: b - lr * grad_b,
    })
}

/// Runs `config.iterations` updates and records every (w, b, cost): `iterations + 1` records
/// unless the run diverges past the bound, in which case it keeps the valid ones.
///
/// Plain full-batch descent: [`super::training::fit`] with SGD's defaults and the full batch
/// gives the same numbers bit for bit: both are the same loop.
pub fn train(q: &CostQuadratic, config: &TrainConfig) -> Result<Trajectory, InputError> {
    run(
        config,
        Optimizer::default(),
        |w, b| q.cost(w, b),
        |_, w, b| q.gradient(w, b),
    )
}

/// The loop every run shares: checks the start, then before update k records (w, b, cost)
/// and steps `optimizer` with `gradient(k, w, b)`, stopping at the first record past the
/// bound. `cost` is the cost over all the points.
pub(crate) fn run(
    config: &TrainConfig,
    optimizer: Optimizer,
    cost: impl Fn(f64, f64) -> f64,
    mut gradient: impl FnMut(usize, f64, f64) -> (f64, f64),
) -> Result<Trajectory, InputError> {
    config.validate()?;
    optimizer.validate()?;
    let start_cost = cost(config.w0, config.b0);
    // Written so that a NaN cost is refused too.
    if start_cost.is_nan() || start_cost > COST_BOUND {
        return Err(InputError::new(
            "w0",
            format!(
                "the cost at (w0, b0) is past {}; start closer to the data",
                super::number::sci(COST_BOUND)
            ),
        ));
    }
    let mut state = OptimizerState::new(optimizer);
    let mut run = Trajectory::default();
    let (mut w, mut b) = (config.w0, config.b0);
    for k in 0..config.iterations {
        if !run.push(w, b, cost(w, b)) {
            return Ok(run);
        }
        let (gw, gb) = gradient(k, w, b);
        [w, b] = state.update(config.lr, [w, b], [gw, gb]);
    }
    run.push(w, b, cost(w, b));
    Ok(run)
}
