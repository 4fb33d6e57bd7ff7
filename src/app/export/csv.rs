//! The numbers as CSV, each written in its shortest round-trip form so that a reader gets
//! back exactly the lab's float64 values.

use super::state::Record;
use super::text::float;
use crate::model::{LossGrid, Trajectory};

/// The data: header `x,y`, one row per point (pairs past the shorter column are dropped).
pub fn data_csv(x: &[f64], y: &[f64]) -> String {
    let mut out = String::from("x,y\n");
    for (&xi, &yi) in x.iter().zip(y) {
        out.push_str(&format!("{},{}\n", float(xi), float(yi)));
    }
    out
}

/// A run: header `iteration,w,b,cost`, one row per record, counted from 0 (the last row of
/// a trajectory is the state after its final update).
pub fn trajectory_csv(run: &Trajectory) -> String {
    let rows = run.w.iter().zip(&run.b).zip(&run.cost);
    let mut out = String::from("iteration,w,b,cost\n");
    for (i, ((&w, &b), &cost)) in rows.enumerate() {
        out.push_str(&format!("{i},{},{},{}\n", float(w), float(b), float(cost)));
    }
    out
}

/// Several named runs in one table, `racer,iteration,w,b,cost`: each run's records in turn,
/// the name quoted (a name may hold commas).
pub fn runs_csv(runs: &[(&str, &Trajectory)]) -> String {
    let mut out = String::from("racer,iteration,w,b,cost\n");
    for (name, run) in runs {
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        for line in trajectory_csv(run).lines().skip(1) {
            out.push_str(&format!("{quoted},{line}\n"));
        }
    }
    out
}

/// Records (a page's table): the same columns as [`trajectory_csv`].
pub fn records_csv(records: &[Record]) -> String {
    let mut out = String::from("iteration,w,b,cost\n");
    for (i, r) in records.iter().enumerate() {
        out.push_str(&format!(
            "{i},{},{},{}\n",
            float(r.w),
            float(r.b),
            float(r.cost)
        ));
    }
    out
}

/// The cost grid: header `w,b,cost`, in the grid's own order (row-major, rows are b), so
/// row `r * w.len() + c + 1` of the file holds `(w[c], b[r])`.
pub fn grid_csv(grid: &LossGrid) -> String {
    let mut out = String::from("w,b,cost\n");
    let cols = grid.w.len();
    if cols == 0 {
        return out;
    }
    for (row, &b) in grid.b.iter().enumerate() {
        for (col, &w) in grid.w.iter().enumerate() {
            let Some(&cost) = grid.cost.get(row * cols + col) else {
                return out;
            };
            out.push_str(&format!("{},{},{}\n", float(w), float(b), float(cost)));
        }
    }
    out
}
