//! Editable formulas against real PyTorch autograd (tests/data/torch_formulas.json, written by
//! tests/data/torch_formulas.py), and the default typed differently against the fast path.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::model::formula::{FormulaCost, Formulas};
use gd_lab::model::{CostQuadratic, Objective};
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
    records_w_b_loss_before_update: Vec<[f64; 3]>,
    final_w_b_loss: [f64; 3],
}

fn reference() -> Reference {
    let text = include_str!("data/torch_formulas.json");
    serde_json::from_str(text).expect("reference file parses")
}

/// Plain full-batch descent over any objective: the records before each update, then the last.
fn descend<O: Objective>(o: &O, case: &Case) -> Vec<[f64; 3]> {
    let batch = o.batch(&case.x, &case.y);
    let (mut w, mut b) = (case.w0, case.b0);
    let mut records = Vec::with_capacity(case.iterations + 1);
    for _ in 0..case.iterations {
        records.push([w, b, o.cost(w, b)]);
        let (gw, gb) = o.gradient(&batch, w, b);
        w -= case.lr * gw;
        b -= case.lr * gb;
    }
    records.push([w, b, o.cost(w, b)]);
    records
}

fn formula_cost(case: &Case) -> FormulaCost {
    let formulas = Formulas::parse(&case.model, &case.cost).expect("reference formulas parse");
    FormulaCost::from_slices(formulas, &case.x, &case.y)
}

/// |ours − theirs| / max(|theirs|, 0.01) for every number of every record.
fn worst_error(ours: &[[f64; 3]], theirs: &[[f64; 3]]) -> f64 {
    assert_eq!(ours.len(), theirs.len());
    ours.iter()
        .flatten()
        .zip(theirs.iter().flatten())
        .map(|(a, b)| (a - b).abs() / b.abs().max(0.01))
        .fold(0.0, f64::max)
}

#[test]
fn every_formula_run_matches_pytorch_autograd() {
    let reference = reference();
    assert_eq!(reference.cases.len(), 5);
    for case in &reference.cases {
        let ours = descend(&formula_cost(case), case);
        let mut theirs = case.records_w_b_loss_before_update.clone();
        theirs.push(case.final_w_b_loss);
        let err = worst_error(&ours, &theirs);
        assert!(err <= 1e-4, "{}: relative error {err:e}", case.name);
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
    let cost = formula_cost(case);
    assert!(
        !cost.formulas().is_default(),
        "typed differently, so the general path"
    );
    let general = descend(&cost, case);
    let fast = descend(&CostQuadratic::from_slices(&case.x, &case.y), case);
    let err = worst_error(&general, &fast);
    assert!(err <= 1e-9, "general vs fast path: relative error {err:e}");
}
