//! Pure numbers: data, model, cost, descent, cost grid and analysis. No browser types, no drawing.
//!
//! Everything a user can give passes through [`limits`] first and comes back as an
//! [`InputError`] naming the field, never as a panic.

pub mod analysis;
pub mod data;
pub mod descent;
pub mod formula;
pub mod grid;
pub mod limits;
pub mod linreg;
pub mod objective;
pub mod quadratic;

pub use analysis::{analyze, Analysis, Verdict};
pub use data::{generate, DataSpec, Dataset, Samples};
pub use descent::{step, train, StepResult, TrainConfig, Trajectory};
pub use grid::{linspace, loss_grid, loss_grid_naive, GridSpec, LossGrid};
pub use limits::InputError;
pub use objective::Objective;
pub use quadratic::CostQuadratic;
