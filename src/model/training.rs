//! Training with any optimizer and mini-batches, on any [`Objective`].

use super::batches::{Batches, Batching};
use super::data::Samples;
use super::descent::{run, TrainConfig, Trajectory};
use super::limits::InputError;
use super::objective::Objective;
use super::optim::Optimizer;

/// Runs `config.iterations` updates of `optimizer` from `(config.w0, config.b0)` with
/// learning rate `config.lr`, update k learning from batch k mod ⌈n/B⌉ of `samples` (see
/// [`Batching`]). Records as [`super::train`] does: (w, b, cost over **all** the points)
/// before each update, then the final one; a run past the bound keeps its valid records.
///
/// `objective` must be the cost of `samples`; errors name the field (`lr`,
/// `optimizer.beta2`, `batchSize`, …).
pub fn fit<O: Objective>(
    objective: &O,
    samples: &Samples,
    config: &TrainConfig,
    optimizer: &Optimizer,
    batching: &Batching,
) -> Result<Trajectory, InputError> {
    let mut batches = Batches::new(objective, samples, batching)?;
    run(
        config,
        *optimizer,
        |w, b| objective.cost(w, b),
        |k, w, b| objective.gradient(batches.get(k), w, b),
    )
}
