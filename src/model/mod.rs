//! Pure numbers: data, model, cost, descent, cost grid and analysis. No browser types, no drawing.
//!
//! Everything a user can give passes through [`limits`] first and comes back as an
//! [`InputError`] naming the field, never as a panic.

pub mod analysis;
pub mod batches;
pub mod data;
pub mod descent;
pub mod formula;
pub mod grid;
pub mod limits;
pub mod linreg;
pub mod number;
pub mod objective;
pub mod optim;
pub mod problem;
pub mod quadratic;
pub mod standardize;
pub mod training;

pub use analysis::{analyze, Analysis, Verdict};
pub use batches::Batching;
pub use data::{generate, DataSpec, Dataset, Samples};
pub use descent::{step, train, StepResult, TrainConfig, Trajectory};
pub use grid::{linspace, loss_grid, loss_grid_naive, GridSpec, LossGrid};
pub use limits::InputError;
pub use objective::Objective;
pub use optim::{Adagrad, Adam, Optimizer, OptimizerState, RmsProp, Sgd, OPTIMIZER_NAMES};
pub use problem::{Cost, Problem};
pub use quadratic::CostQuadratic;
pub use standardize::{standardize, Standardizer};
pub use training::fit;
