//! Pure numbers: data, model, cost, descent, cost grid and analysis. No browser types, no drawing.
//!
//! Everything a user can give passes through [`limits`] first and comes back as an
//! [`InputError`] naming the field, never as a panic.

pub mod analysis;
pub mod batches;
pub mod data;
pub mod descent;
pub mod grid;
pub mod limits;
pub mod linreg;
pub mod objective;
pub mod optim;
pub mod quadratic;
pub mod training;
pub mod standardize;

pub use analysis::{analyze, Analysis, Verdict};
pub use batches::Batching;
pub use data::{generate, DataSpec, Dataset, Samples};
pub use descent::{step, train, StepResult, TrainConfig, Trajectory};
pub use grid::{linspace, loss_grid, loss_grid_naive, GridSpec, LossGrid};
pub use limits::InputError;
pub use objective::Objective;
pub use optim::{Adagrad, Adam, Optimizer, OptimizerState, RmsProp, Sgd, OPTIMIZER_NAMES};
pub use quadratic::CostQuadratic;
pub use training::fit;
pub use standardize::{standardize, Standardizer};
