//! The optimizers and mini-batches against real `torch.optim` runs
//! (tests/data/torch_optim.json, written by tests/data/torch_optim.py), and their invariants.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_run_matches, TorchRun};
use gd_lab::model::*;
use proptest::prelude::*;
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
    optimizer: Spec,
    batch_size: Option<usize>,
    #[serde(flatten)]
    torch: TorchRun,
}

/// An optimizer as the JSON (and the JavaScript API) spells it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Spec {
    name: String,
    momentum: Option<f64>,
    dampening: Option<f64>,
    nesterov: Option<bool>,
    beta1: Option<f64>,
    beta2: Option<f64>,
    eps: Option<f64>,
    alpha: Option<f64>,
    centered: Option<bool>,
    lr_decay: Option<f64>,
    initial_accumulator_value: Option<f64>,
}

impl Spec {
    fn optimizer(&self) -> Optimizer {
        match Optimizer::with_defaults(&self.name).expect("a known name") {
            Optimizer::Sgd(d) => Optimizer::Sgd(Sgd {
                momentum: self.momentum.unwrap_or(d.momentum),
                dampening: self.dampening.unwrap_or(d.dampening),
                nesterov: self.nesterov.unwrap_or(d.nesterov),
            }),
            Optimizer::Adam(d) => Optimizer::Adam(Adam {
                beta1: self.beta1.unwrap_or(d.beta1),
                beta2: self.beta2.unwrap_or(d.beta2),
                eps: self.eps.unwrap_or(d.eps),
            }),
            Optimizer::RmsProp(d) => Optimizer::RmsProp(RmsProp {
                alpha: self.alpha.unwrap_or(d.alpha),
                eps: self.eps.unwrap_or(d.eps),
                momentum: self.momentum.unwrap_or(d.momentum),
                centered: self.centered.unwrap_or(d.centered),
            }),
            Optimizer::Adagrad(d) => Optimizer::Adagrad(Adagrad {
                eps: self.eps.unwrap_or(d.eps),
                lr_decay: self.lr_decay.unwrap_or(d.lr_decay),
                initial_accumulator_value: self
                    .initial_accumulator_value
                    .unwrap_or(d.initial_accumulator_value),
            }),
        }
    }
}

fn run_case(case: &Case) -> Trajectory {
    let samples = Samples::new(case.x.clone(), case.y.clone()).expect("valid data");
    let q = CostQuadratic::new(&samples).expect("finite");
    let config = TrainConfig {
        w0: case.w0,
        b0: case.b0,
        lr: case.lr,
        iterations: case.iterations,
    };
    let batching = Batching {
        batch_size: case.batch_size,
        shuffle_seed: None,
    };
    fit(
        &q,
        &samples,
        &config,
        &case.optimizer.optimizer(),
        &batching,
    )
    .expect("valid run")
}

#[test]
fn every_record_matches_torch_optim() {
    let text = include_str!("data/torch_optim.json");
    let reference: Reference = serde_json::from_str(text).expect("reference parses");
    // Every optimizer, with and without mini-batches whose last batch is shorter.
    for name in OPTIMIZER_NAMES {
        assert!(reference.cases.iter().any(|c| c.optimizer.name == name));
    }
    assert!(reference
        .cases
        .iter()
        .any(|c| c.batch_size.is_some_and(|b| c.x.len() % b != 0)));
    for case in &reference.cases {
        let run = run_case(case);
        assert_eq!(run.len(), case.iterations + 1, "{}", case.name);
        assert_run_matches(&case.name, &run, &case.torch, 1e-4);
    }
}

#[test]
fn settings_pytorch_refuses_are_refused_with_their_field() {
    let bad = [
        (
            Optimizer::Sgd(Sgd {
                momentum: 1.0,
                ..Sgd::default()
            }),
            "optimizer.momentum",
        ),
        (
            Optimizer::Sgd(Sgd {
                dampening: -0.1,
                ..Sgd::default()
            }),
            "optimizer.dampening",
        ),
        (
            Optimizer::Sgd(Sgd {
                nesterov: true,
                ..Sgd::default()
            }),
            "optimizer.nesterov",
        ),
        (
            Optimizer::Sgd(Sgd {
                nesterov: true,
                momentum: 0.9,
                dampening: 0.1,
            }),
            "optimizer.nesterov",
        ),
        (
            Optimizer::Adam(Adam {
                beta2: 1.0,
                ..Adam::default()
            }),
            "optimizer.beta2",
        ),
        (
            Optimizer::Adam(Adam {
                beta1: f64::NAN,
                ..Adam::default()
            }),
            "optimizer.beta1",
        ),
        (
            Optimizer::Adam(Adam {
                eps: 0.0,
                ..Adam::default()
            }),
            "optimizer.eps",
        ),
        (
            Optimizer::RmsProp(RmsProp {
                alpha: 1.5,
                ..RmsProp::default()
            }),
            "optimizer.alpha",
        ),
        (
            Optimizer::RmsProp(RmsProp {
                momentum: -1.0,
                ..RmsProp::default()
            }),
            "optimizer.momentum",
        ),
        (
            Optimizer::Adagrad(Adagrad {
                lr_decay: -1.0,
                ..Adagrad::default()
            }),
            "optimizer.lrDecay",
        ),
        (
            Optimizer::Adagrad(Adagrad {
                initial_accumulator_value: f64::INFINITY,
                ..Adagrad::default()
            }),
            "optimizer.initialAccumulatorValue",
        ),
    ];
    for (optimizer, field) in bad {
        assert_eq!(optimizer.validate().expect_err(field).field, field);
    }
    for name in OPTIMIZER_NAMES {
        let optimizer = Optimizer::with_defaults(name).expect("known");
        assert_eq!(optimizer.name(), name);
        assert_eq!(optimizer.validate(), Ok(()));
    }
}

#[test]
fn shuffled_runs_repeat_with_their_seed_and_differ_across_seeds() {
    let data = generate(&DataSpec::default()).expect("valid");
    let q = CostQuadratic::new(&data.samples).expect("finite");
    let optimizer = Optimizer::default();
    let shuffled = |seed| Batching {
        batch_size: Some(7),
        shuffle_seed: Some(seed),
    };
    let config = TrainConfig {
        iterations: 30,
        ..TrainConfig::LAB
    };
    let run = |b: &Batching| fit(&q, &data.samples, &config, &optimizer, b).expect("valid");
    assert_eq!(run(&shuffled(1)), run(&shuffled(1)));
    assert_ne!(run(&shuffled(1)), run(&shuffled(2)));
    assert_ne!(
        run(&shuffled(1)),
        run(&Batching {
            batch_size: Some(7),
            shuffle_seed: None
        })
    );
}

#[test]
fn a_shuffled_full_batch_is_the_full_batch_up_to_rounding() {
    let data = generate(&DataSpec::default()).expect("valid");
    let q = CostQuadratic::new(&data.samples).expect("finite");
    let config = TrainConfig {
        iterations: 40,
        ..TrainConfig::LAB
    };
    let adam = Optimizer::Adam(Adam::default());
    let whole = |shuffle_seed| Batching {
        batch_size: Some(60),
        shuffle_seed,
    };
    let a = fit(&q, &data.samples, &config, &adam, &whole(Some(9))).expect("valid");
    let b = fit(&q, &data.samples, &config, &adam, &whole(None)).expect("valid");
    for (x, y) in a.w.iter().chain(&a.b).zip(b.w.iter().chain(&b.b)) {
        assert!((x - y).abs() <= 1e-9 * y.abs().max(1.0), "{x} vs {y}");
    }
}

fn data_strategy() -> impl Strategy<Value = (Samples, CostQuadratic)> {
    (
        2usize..80,
        any::<u64>(),
        -5.0..5.0f64,
        0.0..3.0f64,
        -20.0..20.0f64,
        0.5..10.0f64,
    )
        .prop_map(|(n, seed, slope, noise, x_min, span)| {
            let spec = DataSpec {
                seed,
                n,
                slope,
                noise,
                x_min,
                x_max: x_min + span,
                ..DataSpec::default()
            };
            let data = generate(&spec).expect("valid spec");
            let q = CostQuadratic::new(&data.samples).expect("finite");
            (data.samples, q)
        })
}

/// Full-batch descent as the lab ran it before optimizers existed: `w −= lr·∂L/∂w`.
fn todays_descent(q: &CostQuadratic, c: &TrainConfig) -> Trajectory {
    let mut run = Trajectory::default();
    let (mut w, mut b) = (c.w0, c.b0);
    for k in 0..=c.iterations {
        let cost = q.cost(w, b);
        if !(w.is_finite() && b.is_finite() && cost.is_finite() && cost <= 1e100) {
            run.diverged_at = Some(k);
            break;
        }
        run.w.push(w);
        run.b.push(b);
        run.cost.push(cost);
        let (gw, gb) = q.gradient(w, b);
        w -= c.lr * gw;
        b -= c.lr * gb;
    }
    run
}

proptest! {
    #[test]
    fn plain_sgd_full_batch_is_todays_descent_bit_for_bit(
        (samples, q) in data_strategy(), w0 in -20.0..20.0f64, b0 in -20.0..20.0f64,
        lr in 1e-4..3.0f64, iterations in 0usize..300,
    ) {
        let config = TrainConfig { w0, b0, lr, iterations };
        let ours = fit(&q, &samples, &config, &Optimizer::default(), &Batching::default());
        prop_assert_eq!(&ours, &train(&q, &config));
        prop_assert_eq!(ours.expect("valid"), todays_descent(&q, &config));
    }

    #[test]
    fn momentum_zero_is_plain_sgd_with_any_batches(
        (samples, q) in data_strategy(), lr in 1e-4..0.5f64, batch in 1usize..80,
        dampening in 0.0..0.99f64, seed in proptest::option::of(0u64..1000),
    ) {
        let config = TrainConfig { iterations: 50, lr, ..TrainConfig::LAB };
        let batching = Batching { batch_size: Some(batch.min(samples.len())), shuffle_seed: seed };
        // Dampening only touches the momentum buffer, which momentum 0 never uses.
        let zero = Optimizer::Sgd(Sgd { momentum: 0.0, dampening, nesterov: false });
        let a = fit(&q, &samples, &config, &zero, &batching);
        let b = fit(&q, &samples, &config, &Optimizer::default(), &batching);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn heavy_ball_verdict_agrees_with_long_runs(
        seed in any::<u64>(), noise in 0.0..3.0f64, x_min in -4.0..2.0f64,
        momentum in 0.0..0.9f64, margin in 0.03..0.5f64, above in any::<bool>(),
    ) {
        let spec = DataSpec { seed, noise, x_min, x_max: x_min + 4.0, ..DataSpec::default() };
        let data = generate(&spec).expect("valid spec");
        let q = CostQuadratic::new(&data.samples).expect("finite");
        let a = analyze(&q).expect("x varies");
        let critical = a.critical_lr_momentum(momentum).expect("valid momentum");
        let lr = critical * if above { 1.0 + margin } else { 1.0 - margin };
        let verdict = a.verdict_momentum(lr, momentum).expect("valid");
        let config = TrainConfig { lr, iterations: 20_000, ..TrainConfig::LAB };
        let sgd = Optimizer::Sgd(Sgd { momentum, ..Sgd::default() });
        let run = fit(&q, &data.samples, &config, &sgd, &Batching::default()).expect("valid");
        let last = *run.cost.last().expect("a record");
        if above {
            prop_assert_eq!(verdict, Verdict::Diverges);
            prop_assert!(run.diverged_at.is_some() || last > 1e6 * run.cost[0]);
        } else {
            prop_assert_eq!(verdict, Verdict::Converges);
            prop_assert!(run.diverged_at.is_none());
            prop_assert!(last - a.cost_star <= 1e-9 * run.cost[0]);
        }
    }
}

#[test]
fn heavy_ball_reduces_to_two_over_lambda_without_momentum() {
    let data = generate(&DataSpec::default()).expect("valid");
    let a = analyze(&CostQuadratic::new(&data.samples).expect("finite")).expect("x varies");
    assert_eq!(a.critical_lr_momentum(0.0), Ok(a.critical_lr));
    assert_eq!(
        a.critical_lr_momentum(1.0).expect_err("refused").field,
        "momentum"
    );
    assert_eq!(
        a.verdict_momentum(a.critical_lr_momentum(0.5).expect("valid"), 0.5),
        Ok(Verdict::Diverges)
    );
}
