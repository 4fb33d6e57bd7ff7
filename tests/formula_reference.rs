//! Editable formulas against real PyTorch autograd (tests/data/torch_formulas.json, written by
//! tests/data/torch_formulas.py), and the default typed differently against the fast path.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_run_matches, TorchRun};
use gd_lab::model::formula::Formulas;
use gd_lab::model::{Problem, Samples, TrainConfig, Trajectory};
use serde::Deserialize;

#[derive(Deserialize)]
struct Reference {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    model: String,
    cost: String,
    x: Vec<f64>,
    y: Vec<f64>,
    w0: f64,
    b0: f64,
    lr: f64,
    iterations: usize,
    #[serde(flatten)]
    torch: TorchRun,
}

fn reference() -> Reference {
    let text = include_str!("data/torch_formulas.json");
    serde_json::from_str(text).expect("reference file parses")
}

/// The case's run through the lab's own path: `Problem` with the case's formulas, plain
/// full-batch descent; `formulas: false` keeps the default (the quadratic's fast path).
fn run(case: &Case, formulas: bool) -> Trajectory {
    let samples = Samples::new(case.x.clone(), case.y.clone()).expect("reference points");
    let f = Formulas::parse(&case.model, &case.cost).expect("reference formulas parse");
    let problem = Problem::new(samples, formulas.then_some(f)).expect("a valid problem");
    let config = TrainConfig {
        w0: case.w0,
        b0: case.b0,
        lr: case.lr,
        iterations: case.iterations,
    };
    problem.train(&config).expect("a valid run")
}

#[test]
fn every_formula_run_matches_pytorch_autograd() {
    let reference = reference();
    assert_eq!(reference.cases.len(), 5);
    for case in &reference.cases {
        assert_run_matches(&case.name, &run(case, true), &case.torch, 1e-4);
    }
}

#[test]
fn the_default_typed_differently_equals_the_fast_path() {
    let reference = reference();
    let case = reference
        .cases
        .iter()
        .find(|c| c.name == "default-typed-differently")
        .expect("the case is in the file");
    let f = Formulas::parse(&case.model, &case.cost).expect("reference formulas parse");
    assert!(!f.is_default(), "typed differently, so the general path");
    let (general, fast) = (run(case, true), run(case, false));
    assert_eq!(general.len(), fast.len());
    let pairs = [
        (&general.w, &fast.w),
        (&general.b, &fast.b),
        (&general.cost, &fast.cost),
    ];
    for (ours, theirs) in pairs {
        for (a, b) in ours.iter().zip(theirs) {
            let err = (a - b).abs() / b.abs().max(1.0);
            assert!(
                err <= 1e-9,
                "general {a} vs fast path {b}: relative error {err:e}"
            );
        }
    }
}
