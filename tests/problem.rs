//! `Problem`: the one path every caller trains through.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::model::formula::Formulas;
use gd_lab::model::{self, Batching, Optimizer, Problem, Samples, TrainConfig};

fn lab_samples() -> Samples {
    model::generate(&model::DataSpec::default())
        .expect("the lab's data")
        .samples
}

#[test]
fn default_formulas_keep_the_fast_path_and_its_numbers() {
    let samples = lab_samples();
    let fast = Problem::new(samples.clone(), None).unwrap();
    let typed = Problem::new(
        samples.clone(),
        Some(Formulas::parse("w*x+b", "mean((yhat-y)^2)").unwrap()),
    )
    .unwrap();
    assert!(fast.quadratic().is_some() && typed.quadratic().is_some());
    let q = model::CostQuadratic::new(&samples).unwrap();
    let expected = model::train(&q, &TrainConfig::LAB).unwrap();
    assert_eq!(fast.train(&TrainConfig::LAB).unwrap(), expected);
    assert_eq!(typed.train(&TrainConfig::LAB).unwrap(), expected);
}

#[test]
fn another_formula_runs_the_general_path_and_agrees_with_the_quadratic() {
    let samples = lab_samples();
    let general = Problem::new(
        samples.clone(),
        Some(Formulas::parse("w*x+b", "sum((w*x+b-y)^2)/n").unwrap()),
    )
    .unwrap();
    assert!(general.quadratic().is_none() && general.analysis().is_none());
    let fast = Problem::new(samples, None).unwrap();
    assert!(fast.analysis().is_some());
    let (a, b) = (
        general.train(&TrainConfig::LAB).unwrap(),
        fast.train(&TrainConfig::LAB).unwrap(),
    );
    for i in 0..a.len() {
        assert!(
            (a.cost[i] - b.cost[i]).abs() <= 1e-9 * b.cost[i].abs().max(1.0),
            "record {i}"
        );
    }
    let spec = model::GridSpec::LAB;
    let (ga, gb) = (general.grid(&spec).unwrap(), fast.grid(&spec).unwrap());
    for (x, y) in ga.cost.iter().zip(&gb.cost) {
        assert!((x - y).abs() <= 1e-9 * y.abs().max(1.0));
    }
}

#[test]
fn an_optimizer_and_batches_change_the_run_and_keep_the_full_cost() {
    let fast = Problem::new(lab_samples(), None).unwrap();
    let adam = fast.with_optimizer(
        Optimizer::with_defaults("adam").unwrap(),
        Batching {
            batch_size: Some(7),
            shuffle_seed: None,
        },
    );
    let run = adam.train(&TrainConfig::LAB).unwrap();
    assert_ne!(run, fast.train(&TrainConfig::LAB).unwrap());
    for i in 0..run.len() {
        assert_eq!(
            run.cost[i],
            fast.cost(run.w[i], run.b[i]),
            "record {i} is the cost over all points"
        );
    }
}

#[test]
fn a_general_run_too_large_is_refused_naming_iterations() {
    let n = 1_000_000;
    let x: Vec<f64> = (0..n).map(|i| i as f64 / n as f64).collect();
    let samples = Samples::new(x.clone(), x).unwrap();
    let p = Problem::new(
        samples,
        Some(Formulas::parse("w*x+b", "mean(abs(yhat-y))").unwrap()),
    )
    .unwrap();
    let config = TrainConfig {
        iterations: 100_000,
        ..TrainConfig::LAB
    };
    let err = p.train(&config).unwrap_err();
    assert_eq!(err.field, "iterations");
}
