//! Engine benchmarks on optimised code: training (plain and Adam on mini-batches) and the cost
//! grid, from the sums and naive.
//!
//! `cargo bench --bench engine` (opt-level 3; the site's size-optimised profile is separate).

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use gd_lab::model::*;
use std::hint::black_box;

fn lab_data(n: usize) -> (Samples, CostQuadratic) {
    let data = generate(&DataSpec {
        n,
        ..DataSpec::default()
    })
    .expect("valid spec");
    let q = CostQuadratic::new(&data.samples).expect("finite");
    (data.samples, q)
}

fn grid(side: usize) -> GridSpec {
    GridSpec {
        n_w: side,
        n_b: side,
        ..GridSpec::LAB
    }
}

fn training(c: &mut Criterion) {
    let mut group = c.benchmark_group("train");
    for n in [60, 1_000_000] {
        let (samples, _) = lab_data(n);
        for iterations in [15, 10_000] {
            let config = TrainConfig {
                iterations,
                ..TrainConfig::LAB
            };
            // Includes the O(n) pass over the data: what a new data set costs end to end.
            group.bench_function(BenchmarkId::new(format!("n={n}"), iterations), |bench| {
                bench.iter(|| {
                    let q = CostQuadratic::new(black_box(&samples)).expect("finite");
                    train(&q, &config).expect("valid")
                })
            });
        }
    }
    group.finish();
}

/// 10 000 Adam updates on batches of one point: each batch is prepared when first used (one
/// pass over the points it needs), then every step is O(1) whatever n is.
fn adam(c: &mut Criterion) {
    let mut group = c.benchmark_group("adam");
    let config = TrainConfig {
        iterations: 10_000,
        lr: 0.05,
        ..TrainConfig::LAB
    };
    let optimizer = Optimizer::Adam(Adam::default());
    let batching = Batching {
        batch_size: Some(1),
        shuffle_seed: None,
    };
    for n in [60, 1_000_000] {
        let (samples, q) = lab_data(n);
        group.bench_function(BenchmarkId::new(format!("n={n}"), "batch=1"), |bench| {
            bench.iter(|| {
                fit(black_box(&q), &samples, &config, &optimizer, &batching).expect("valid")
            })
        });
    }
    group.finish();
}

fn grids(c: &mut Criterion) {
    let mut group = c.benchmark_group("grid");
    for n in [60, 1_000_000] {
        let (samples, q) = lab_data(n);
        for side in [30, 200, 1000] {
            group.bench_function(BenchmarkId::new(format!("sums n={n}"), side), |bench| {
                bench.iter(|| loss_grid(black_box(&q), &grid(side)).expect("valid"))
            });
            // The naive grid costs side²·n; run it only where it finishes in seconds.
            if n == 60 || side == 30 {
                group.bench_function(BenchmarkId::new(format!("naive n={n}"), side), |bench| {
                    bench.iter(|| loss_grid_naive(black_box(&samples), &grid(side)).expect("valid"))
                });
            }
        }
    }
    group.finish();
}

criterion_group! { name = benches; config = common::config(); targets = training, adam, grids }
criterion_main!(benches);
