//! The engine against real PyTorch runs (tests/data/pytorch_trajectories.json), direct
//! per-point evaluation, and closed forms.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_close, assert_run_matches, TorchRun};
use gd_lab::model::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Reference {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    x: Vec<f64>,
    y: Vec<f64>,
    w0: f64,
    b0: f64,
    lr: f64,
    iterations: usize,
    #[serde(flatten)]
    torch: TorchRun,
    grid: Option<RefGrid>,
}

#[derive(Deserialize)]
struct RefGrid {
    w: Vec<f64>,
    b: Vec<f64>,
    loss_rows_b_cols_w: Vec<Vec<f64>>,
}

fn reference() -> Reference {
    let text = include_str!("data/pytorch_trajectories.json");
    serde_json::from_str(text).expect("reference file parses")
}

fn quadratic(case: &Case) -> (Samples, CostQuadratic) {
    let samples = Samples::new(case.x.clone(), case.y.clone()).expect("reference data is valid");
    let q = CostQuadratic::new(&samples).expect("sums are finite");
    (samples, q)
}

#[test]
fn every_record_matches_pytorch() {
    let reference = reference();
    assert!(reference.cases.len() >= 2);
    for case in &reference.cases {
        let (_, q) = quadratic(case);
        let config = TrainConfig {
            w0: case.w0,
            b0: case.b0,
            lr: case.lr,
            iterations: case.iterations,
        };
        let run = train(&q, &config).expect("valid run");
        assert_eq!(run.len(), case.iterations + 1, "{}", case.name);
        assert_run_matches(&case.name, &run, &case.torch, 1e-4);
    }
}

#[test]
fn grid_matches_pytorch() {
    let reference = reference();
    let case = reference
        .cases
        .iter()
        .find(|c| c.grid.is_some())
        .expect("a case with a grid");
    let refgrid = case.grid.as_ref().expect("grid");
    let (_, q) = quadratic(case);
    let spec = GridSpec {
        n_w: refgrid.w.len(),
        n_b: refgrid.b.len(),
        ..GridSpec::LAB
    };
    let grid = loss_grid(&q, &spec).expect("valid grid");
    for (i, (&ours, &theirs)) in grid.w.iter().zip(&refgrid.w).enumerate() {
        assert_close(&format!("w[{i}]"), ours, theirs, 1e-5);
    }
    for (i, (&ours, &theirs)) in grid.b.iter().zip(&refgrid.b).enumerate() {
        assert_close(&format!("b[{i}]"), ours, theirs, 1e-5);
    }
    for (row, costs) in refgrid.loss_rows_b_cols_w.iter().enumerate() {
        for (col, &theirs) in costs.iter().enumerate() {
            assert_close(
                &format!("cost[{row}][{col}]"),
                grid.at(row, col),
                theirs,
                1e-4,
            );
        }
    }
}

#[test]
fn grid_from_sums_equals_direct_evaluation() {
    let reference = reference();
    for case in &reference.cases {
        let (samples, q) = quadratic(case);
        let spec = GridSpec {
            w_min: -20.0,
            w_max: 13.0,
            b_min: -7.0,
            b_max: 25.0,
            n_w: 41,
            n_b: 37,
        };
        let fast = loss_grid(&q, &spec).expect("grid");
        let naive = loss_grid_naive(&samples, &spec).expect("grid");
        for (i, (&a, &b)) in fast.cost.iter().zip(&naive.cost).enumerate() {
            assert!(
                (a - b).abs() <= 1e-9 * b.abs(),
                "cell {i}: sums {a}, direct {b}"
            );
        }
    }
}

#[test]
fn data_far_from_origin_stays_accurate() {
    // Centred moments keep the sums-based cost exact where raw Σx² would cancel.
    let x: Vec<f64> = (0..100).map(|i| 1e6 + i as f64 * 0.01).collect();
    let y: Vec<f64> = x
        .iter()
        .enumerate()
        .map(|(i, &x)| 2.0 * x + 3.0 + if i % 2 == 0 { 0.1 } else { -0.1 })
        .collect();
    let samples = Samples::new(x, y).expect("valid");
    let q = CostQuadratic::new(&samples).expect("finite");
    for (w, b) in [(2.0, 3.0), (2.0 + 1e-7, 3.0), (1.9, 100.0)] {
        let (fast, direct) = (q.cost(w, b), linreg::cost(&samples, w, b));
        assert!(
            (fast - direct).abs() <= 1e-6 * direct.abs(),
            "({w}, {b}): {fast} vs {direct}"
        );
    }
}

#[test]
fn gradient_from_sums_equals_direct_gradient() {
    let data = generate(&DataSpec::default()).expect("default data");
    let q = CostQuadratic::new(&data.samples).expect("finite");
    for (w, b) in [(-15.0, -10.0), (0.3, 2.0), (7.0, -1.0)] {
        let (gw, gb) = q.gradient(w, b);
        let (dw, db) = linreg::gradient(&data.samples, w, b);
        assert!(
            (gw - dw).abs() <= 1e-10 * dw.abs().max(1.0),
            "∂w at ({w},{b}): {gw} vs {dw}"
        );
        assert!(
            (gb - db).abs() <= 1e-10 * db.abs().max(1.0),
            "∂b at ({w},{b}): {gb} vs {db}"
        );
    }
}
