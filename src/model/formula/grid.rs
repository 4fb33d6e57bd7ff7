//! The cost of a formula over a (w, b) grid: every node sums over every point, O(cells·n).

use super::cost::FormulaCost;
use crate::model::grid::{linspace, GridSpec, LossGrid};
use crate::model::limits::InputError;

/// Most point evaluations one grid may take (nW·nB·n): a few seconds at worst, so that a
/// large grid over many points is refused rather than freezing the page.
pub const MAX_GRID_WORK: usize = 500_000_000;

/// The cost over all the points at every node of `spec`, as [`crate::model::loss_grid`]
/// lays it out (rows = b). Values that are not finite (a logarithm of a negative number, a
/// power that overflows) are kept as they are: the figures leave them out.
pub fn formula_grid(cost: &FormulaCost, spec: &GridSpec) -> Result<LossGrid, InputError> {
    spec.validate()?;
    let work = spec.n_w.saturating_mul(spec.n_b).saturating_mul(cost.len());
    if work > MAX_GRID_WORK {
        let message = format!(
            "a grid of a formula evaluates nW·nB·n = {work} point terms, at most {MAX_GRID_WORK}: \
             use fewer cells or fewer points"
        );
        return Err(InputError::new("nW", message));
    }
    let w = linspace(spec.w_min, spec.w_max, spec.n_w);
    let b = linspace(spec.b_min, spec.b_max, spec.n_b);
    let mut values = vec![0.0; spec.n_w * spec.n_b];
    for (row, &bi) in values.chunks_exact_mut(spec.n_w).zip(&b) {
        cost.cost_row(&w, bi, row);
    }
    Ok(LossGrid { w, b, cost: values })
}
