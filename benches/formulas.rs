//! The general path of editable formulas: training and the cost grid, point by point.
//!
//! `cargo bench --bench formulas`. The cost is the mean absolute error, a formula a learner
//! writes first; runs and grids go through `Problem`, the path the page and the API take: a
//! run records the cost over all the points at every step, and the grid is the work a redraw
//! after a formula edit does before it draws.

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use gd_lab::model::formula::Formulas;
use gd_lab::model::*;
use std::hint::black_box;

/// The mean absolute error of a line over the lab's data with `n` points.
fn mae(n: usize) -> Problem {
    let data = generate(&DataSpec {
        n,
        ..DataSpec::default()
    })
    .expect("valid spec");
    let formulas = Formulas::parse("w*x + b", "mean(abs(yhat - y))").expect("valid formulas");
    Problem::new(data.samples, Some(formulas)).expect("valid problem")
}

fn training(c: &mut Criterion) {
    let mut group = c.benchmark_group("formula train");
    let config = TrainConfig {
        iterations: 10_000,
        ..TrainConfig::LAB
    };
    for n in [60, 10_000] {
        let problem = mae(n);
        group.bench_function(BenchmarkId::new(format!("mae n={n}"), 10_000), |bench| {
            bench.iter(|| black_box(&problem).train(&config).expect("valid run"))
        });
    }
    group.finish();
}

fn grids(c: &mut Criterion) {
    let mut group = c.benchmark_group("formula grid");
    let problem = mae(60);
    for side in [30, 200] {
        let spec = GridSpec {
            n_w: side,
            n_b: side,
            ..GridSpec::LAB
        };
        group.bench_function(BenchmarkId::new("mae n=60", side), |bench| {
            bench.iter(|| black_box(&problem).grid(&spec).expect("valid"))
        });
    }
    group.finish();
}

criterion_group! { name = benches; config = common::config(); targets = training, grids }
criterion_main!(benches);
