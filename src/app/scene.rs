//! A data set and everything it fixes, shared by the notebook's cells and the explorer.

use crate::model::{self, Analysis, CostQuadratic, DataSpec, Dataset, GridSpec, LossGrid};

/// Everything a data set fixes: the points, their cost and its facts, the grid.
#[derive(Debug, Clone)]
pub struct Scene {
    /// The points and the true line.
    pub data: Dataset,
    /// The cost as a quadratic.
    pub q: CostQuadratic,
    /// Optimum and critical rates (none when every x is equal).
    pub analysis: Option<Analysis>,
    /// The cost grid the views draw.
    pub grid: LossGrid,
}

impl Scene {
    /// Builds the scene for a data spec and a grid.
    pub fn new(spec: &DataSpec, grid: &GridSpec) -> Result<Self, model::InputError> {
        let data = model::generate(spec)?;
        let q = CostQuadratic::new(&data.samples)?;
        let analysis = model::analyze(&q).ok();
        let grid = model::loss_grid(&q, grid)?;
        Ok(Self {
            data,
            q,
            analysis,
            grid,
        })
    }
}
