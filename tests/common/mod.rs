//! What several tests share: a run as PyTorch recorded it, the measure of agreement,
//! |ours − theirs| / max(|theirs|, 0.01) (relative, absolute near zero), and a reproducible
//! stream of test inputs.
#![allow(dead_code)] // Each test file uses the part it needs.

use gd_lab::model::Trajectory;
use serde::Deserialize;

/// A run as a reference script recorded it: (w, b, cost) before each update, then after the
/// last one.
#[derive(Debug, Deserialize)]
pub struct TorchRun {
    /// Records before each update.
    pub records_w_b_loss_before_update: Vec<[f64; 3]>,
    /// The state after the last update.
    pub final_w_b_loss: [f64; 3],
}

impl TorchRun {
    /// Every record, the final one included.
    pub fn all(&self) -> impl Iterator<Item = &[f64; 3]> {
        self.records_w_b_loss_before_update
            .iter()
            .chain([&self.final_w_b_loss])
    }

    /// Number of records, the final one included.
    pub fn len(&self) -> usize {
        self.records_w_b_loss_before_update.len() + 1
    }
}

/// |ours − theirs| / max(|theirs|, 0.01).
pub fn relative_error(ours: f64, theirs: f64) -> f64 {
    (ours - theirs).abs() / theirs.abs().max(0.01)
}

/// Fails with both numbers when they differ by more than `tol` by [`relative_error`].
pub fn assert_close(what: &str, ours: f64, theirs: f64, tol: f64) {
    let err = relative_error(ours, theirs);
    assert!(
        err <= tol,
        "{what}: ours {ours}, reference {theirs}, relative error {err:e}"
    );
}

/// Every record of `run` equals the reference's within `tol`.
pub fn assert_run_matches(name: &str, run: &Trajectory, theirs: &TorchRun, tol: f64) {
    assert_eq!(run.len(), theirs.len(), "{name}: number of records");
    assert_eq!(run.diverged_at, None, "{name}");
    for (i, [w, b, cost]) in theirs.all().enumerate() {
        let at = |what| format!("{name} record {i} {what}");
        assert_close(&at("w"), run.w[i], *w, tol);
        assert_close(&at("b"), run.b[i], *b, tol);
        assert_close(&at("cost"), run.cost[i], *cost, tol);
    }
}

/// A xorshift64 stream from `seed`: reproducible test inputs without a generator crate.
pub fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}
