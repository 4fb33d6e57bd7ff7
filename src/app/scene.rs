//! A data set and everything it fixes, shared by the notebook's cells and the explorer.

use crate::model::{self, Analysis, DataSpec, Dataset, GridSpec, LossGrid, Problem};
use crate::model::{InputError, TrainConfig, Trajectory};

/// Everything a data set and a cost fix: the points, the problem trained on them, its
/// closed-form facts (for the mean squared error of a line), the grid.
#[derive(Debug, Clone)]
pub struct Scene {
    /// The points and the true line.
    pub data: Dataset,
    /// The points, the cost, the optimizer and the batches every run of this scene uses.
    pub problem: Problem,
    /// Optimum and critical rates: only for the mean squared error of a line whose x are not
    /// all equal.
    pub analysis: Option<Analysis>,
    /// The cost grid the views draw.
    pub grid: LossGrid,
}

impl Scene {
    /// Builds the scene for a data spec and a grid, with the default model and cost.
    pub fn new(spec: &DataSpec, grid: &GridSpec) -> Result<Self, InputError> {
        let data = model::generate(spec)?;
        let problem = Problem::new(data.samples.clone(), None)?;
        Self::with_problem(data, problem, grid)
    }

    /// Builds the scene of `problem` (whose points are `data`'s) on a grid.
    pub fn with_problem(
        data: Dataset,
        problem: Problem,
        grid: &GridSpec,
    ) -> Result<Self, InputError> {
        let analysis = problem.analysis();
        let grid = problem.grid(grid)?;
        Ok(Self {
            data,
            problem,
            analysis,
            grid,
        })
    }

    /// A run on this scene's problem; a refused start or rate gives no records.
    pub fn train(&self, config: &TrainConfig) -> Result<Trajectory, InputError> {
        self.problem.train(config)
    }

    /// The cost over all the points at (w, b).
    pub fn cost(&self, w: f64, b: f64) -> f64 {
        self.problem.cost(w, b)
    }

    /// The formulas this scene's cost came from; `None` for the defaults (the fast path).
    pub fn formulas(&self) -> Option<model::formula::Formulas> {
        match &self.problem.cost {
            model::Cost::Formula(f) => Some(f.formulas().clone()),
            model::Cost::Line(_) => None,
        }
    }
}
