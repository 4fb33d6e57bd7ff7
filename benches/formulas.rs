//! The general path of editable formulas: training and the cost grid, point by point.
//!
//! `cargo bench --bench formulas`. The cost is the mean absolute error, a formula a learner
//! writes first; training is plain full-batch descent recording the cost at every step, as a
//! run of the lab does.

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use gd_lab::model::formula::{formula_grid, FormulaCost, Formulas};
use gd_lab::model::*;
use std::hint::black_box;

fn mae(n: usize) -> FormulaCost {
    let data = generate(&DataSpec {
        n,
        ..DataSpec::default()
    })
    .expect("valid spec");
    let formulas = Formulas::parse("w*x + b", "mean(abs(yhat - y))").expect("valid formulas");
    FormulaCost::new(formulas, &data.samples)
}

/// Full-batch descent over any objective; returns the last cost so nothing is optimised away.
fn descend(o: &FormulaCost, x: &[f64], y: &[f64], iterations: usize) -> f64 {
    let batch = o.batch(x, y);
    let (mut w, mut b, mut cost) = (-15.0, -10.0, 0.0);
    for _ in 0..iterations {
        cost = o.cost(w, b);
        let (gw, gb) = o.gradient(&batch, w, b);
        w -= 0.1 * gw;
        b -= 0.1 * gb;
    }
    cost
}

fn training(c: &mut Criterion) {
    let mut group = c.benchmark_group("formula train");
    for n in [60, 10_000] {
        let data = generate(&DataSpec {
            n,
            ..DataSpec::default()
        })
        .expect("valid spec");
        let cost = mae(n);
        let (x, y) = (data.samples.x(), data.samples.y());
        group.bench_function(BenchmarkId::new(format!("mae n={n}"), 10_000), |bench| {
            bench.iter(|| descend(black_box(&cost), x, y, 10_000))
        });
    }
    group.finish();
}

fn grids(c: &mut Criterion) {
    let mut group = c.benchmark_group("formula grid");
    let cost = mae(60);
    for side in [30, 200] {
        let spec = GridSpec {
            n_w: side,
            n_b: side,
            ..GridSpec::LAB
        };
        group.bench_function(BenchmarkId::new("mae n=60", side), |bench| {
            bench.iter(|| formula_grid(black_box(&cost), &spec).expect("valid"))
        });
    }
    group.finish();
}

criterion_group! { name = benches; config = common::config(); targets = training, grids }
criterion_main!(benches);
