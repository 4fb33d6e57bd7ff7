//! Invariants of the engine over random data, starts and learning rates, and its limits.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::model::*;
use proptest::prelude::*;

fn data_strategy() -> impl Strategy<Value = (Samples, CostQuadratic)> {
    (
        2usize..80,
        any::<u64>(),
        -5.0..5.0f64,
        -5.0..5.0f64,
        0.0..3.0f64,
        -50.0..50.0f64,
        0.1..20.0f64,
    )
        .prop_map(|(n, seed, slope, bias, noise, x_min, span)| {
            let spec = DataSpec {
                seed,
                n,
                slope,
                bias,
                noise,
                x_min,
                x_max: x_min + span,
            };
            let data = generate(&spec).expect("valid spec");
            let q = CostQuadratic::new(&data.samples).expect("finite");
            (data.samples, q)
        })
}

proptest! {
    #[test]
    fn cost_is_never_negative((samples, q) in data_strategy(), w in -1e3..1e3f64, b in -1e3..1e3f64) {
        let _ = samples;
        prop_assert!(q.cost(w, b) >= 0.0);
    }

    #[test]
    fn every_record_lies_on_the_grid_formula(
        (samples, q) in data_strategy(), w0 in -20.0..20.0f64, b0 in -20.0..20.0f64,
        lr in 1e-4..2.0f64, iterations in 0usize..60,
    ) {
        let run = train(&q, &TrainConfig { w0, b0, lr, iterations }).expect("valid");
        prop_assert!(run.len() == iterations + 1 || run.diverged_at == Some(run.len()));
        for i in 0..run.len() {
            let direct = linreg::cost(&samples, run.w[i], run.b[i]);
            let mut row = [0.0];
            q.cost_row(&[run.w[i]], run.b[i], &mut row);
            prop_assert!((run.cost[i] - direct).abs() <= 1e-7 * direct.max(1.0));
            prop_assert!((row[0] - run.cost[i]).abs() <= 1e-9 * run.cost[i].max(1.0));
        }
    }

    #[test]
    fn below_one_over_lambda_every_step_lowers_the_cost(
        (_s, q) in data_strategy(), w0 in -20.0..20.0f64, b0 in -20.0..20.0f64, frac in 0.01..1.0f64,
    ) {
        let Ok(a) = analyze(&q) else { return Ok(()) };
        let lr = frac * a.overshoot_lr();
        let run = train(&q, &TrainConfig { w0, b0, lr, iterations: 40 }).expect("valid");
        for pair in run.cost.windows(2) {
            prop_assert!(pair[1] <= pair[0] * (1.0 + 1e-12) + 1e-12, "{} then {}", pair[0], pair[1]);
        }
    }

    #[test]
    fn the_optimum_has_zero_gradient((samples, q) in data_strategy()) {
        let Ok(a) = analyze(&q) else { return Ok(()) };
        let (gw, gb) = linreg::gradient(&samples, a.w_star, a.b_star);
        let scale = 1.0 + samples.x().iter().chain(samples.y()).map(|v| v * v).sum::<f64>();
        prop_assert!(gw.abs() <= 1e-9 * scale && gb.abs() <= 1e-9 * scale, "({gw}, {gb})");
        prop_assert!(a.cost_star <= q.cost(a.w_star + 0.01, a.b_star));
    }

    #[test]
    fn hostile_numbers_give_errors_not_panics(
        v in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-f64::INFINITY), Just(1e308), Just(-1e308), Just(0.0), Just(-1.0), Just(1e-320)],
        which in 0usize..5,
    ) {
        let data = generate(&DataSpec::default()).expect("data");
        let q = CostQuadratic::new(&data.samples).expect("finite");
        let mut config = TrainConfig::LAB;
        let mut spec = GridSpec::LAB;
        // The field set to `v`, and the fields an error about it may name.
        let (set, may_name): (&str, &[&str]) = match which {
            0 => { config.w0 = v; ("w0", &["w0"]) }
            1 => { config.b0 = v; ("b0", &["b0", "w0"]) }
            2 => { config.lr = v; ("lr", &["lr"]) }
            3 => { spec.w_min = v; ("wMin", &["wMin", "wMax"]) }
            _ => { spec.b_max = v; ("bMax", &["bMax", "bMin"]) }
        };
        let run = if which < 3 { train(&q, &config).map(|_| ()) } else { loss_grid(&q, &spec).map(|_| ()) };
        names_one_of(&run, may_name)?;
        if !v.is_finite() || (set == "lr" && v <= 0.0) {
            prop_assert_eq!(run.map_err(|e| e.field), Err(set.to_string()));
        }

        let stepped = step(&q, v, v, v);
        names_one_of(&stepped, &["w", "b", "lr"])?;
        if !v.is_finite() {
            prop_assert_eq!(stepped.map_err(|e| e.field), Err("w".to_string()));
        } else if v <= 0.0 {
            prop_assert_eq!(stepped.map_err(|e| e.field), Err("lr".to_string()));
        }

        let made = generate(&DataSpec { slope: v, bias: v, noise: v, x_min: v, ..DataSpec::default() });
        names_one_of(&made, &["slope", "bias", "noise", "xMin", "xMax"])?;
        let expected = if !v.is_finite() { Some("slope") } else if v < 0.0 { Some("noise") } else { None };
        if let Some(field) = expected {
            prop_assert_eq!(made.map_err(|e| e.field), Err(field.to_string()));
        }

        let analysed = Samples::new(vec![v, 1.0], vec![1.0, v]).and_then(|s| CostQuadratic::new(&s)).and_then(|q| analyze(&q));
        names_one_of(&analysed, &["x", "y"])?;
        if !v.is_finite() || v.abs() > 1e200 {
            prop_assert!(analysed.is_err(), "x = [{v}, 1] must be refused");
        }
    }
}

/// Passes when `result` is `Ok` or an error naming one of `fields` with a message.
fn names_one_of<T>(result: &Result<T, InputError>, fields: &[&str]) -> Result<(), TestCaseError> {
    if let Err(e) = result {
        prop_assert!(
            fields.contains(&e.field.as_str()),
            "{e} names none of {fields:?}"
        );
        prop_assert!(!e.message.is_empty());
    }
    Ok(())
}

#[test]
fn training_limits_name_the_field() {
    let data = generate(&DataSpec::default()).expect("data");
    let q = CostQuadratic::new(&data.samples).expect("finite");
    let lab = TrainConfig::LAB;
    let runs = [
        (TrainConfig { lr: 0.0, ..lab }, "lr"),
        (TrainConfig { lr: -0.1, ..lab }, "lr"),
        (
            TrainConfig {
                w0: f64::NAN,
                ..lab
            },
            "w0",
        ),
        (
            TrainConfig {
                b0: f64::INFINITY,
                ..lab
            },
            "b0",
        ),
        (TrainConfig { w0: 1e80, ..lab }, "w0"),
        (
            TrainConfig {
                iterations: 100_001,
                ..lab
            },
            "iterations",
        ),
    ];
    for (config, field) in runs {
        assert_eq!(train(&q, &config).unwrap_err().field, field, "{config:?}");
    }
    assert!(train(
        &q,
        &TrainConfig {
            iterations: 100_000,
            ..lab
        }
    )
    .is_ok());
}

#[test]
fn grid_and_data_limits_name_the_field() {
    let data = generate(&DataSpec::default()).expect("data");
    let q = CostQuadratic::new(&data.samples).expect("finite");
    let grid = GridSpec::LAB;
    let grids = [
        (GridSpec { n_w: 1, ..grid }, "nW"),
        (GridSpec { n_b: 1001, ..grid }, "nB"),
        (
            GridSpec {
                w_min: 15.0,
                ..grid
            },
            "wMax",
        ),
        (
            GridSpec {
                b_min: f64::NEG_INFINITY,
                ..grid
            },
            "bMin",
        ),
    ];
    for (spec, field) in grids {
        assert_eq!(loss_grid(&q, &spec).unwrap_err().field, field, "{spec:?}");
    }
}

#[test]
fn data_limits_name_the_field() {
    let data = DataSpec::default();
    let specs = [
        (DataSpec { n: 1, ..data }, "n"),
        (
            DataSpec {
                n: 1_000_001,
                ..data
            },
            "n",
        ),
        (
            DataSpec {
                slope: f64::NAN,
                ..data
            },
            "slope",
        ),
        (
            DataSpec {
                bias: f64::INFINITY,
                ..data
            },
            "bias",
        ),
        (
            DataSpec {
                noise: -0.1,
                ..data
            },
            "noise",
        ),
        (
            DataSpec {
                x_max: -3.0,
                ..data
            },
            "xMax",
        ),
    ];
    for (spec, field) in specs {
        assert_eq!(generate(&spec).unwrap_err().field, field, "{spec:?}");
    }
    let big = Samples::new(vec![1e200, -1e200], vec![0.0, 1.0]).expect("finite values");
    assert_eq!(CostQuadratic::new(&big).unwrap_err().field, "x");
}

#[test]
fn a_diverging_run_records_every_iteration_until_the_bound() {
    let data = generate(&DataSpec::default()).expect("data");
    let q = CostQuadratic::new(&data.samples).expect("finite");
    let climbing = train(
        &q,
        &TrainConfig {
            lr: 0.4,
            iterations: 30,
            ..TrainConfig::LAB
        },
    )
    .expect("run");
    assert_eq!(
        climbing.len(),
        31,
        "every iteration is kept while the cost is below the bound"
    );
    assert!(
        climbing.cost[30] > climbing.cost[0] * 100.0,
        "the learner sees the cost climb"
    );
    let wild = train(
        &q,
        &TrainConfig {
            lr: 10.0,
            iterations: 100_000,
            ..TrainConfig::LAB
        },
    )
    .expect("run");
    let kept = wild.diverged_at.expect("stops early");
    assert_eq!(kept, wild.len());
    assert!(kept > 5 && kept < 200);
    assert!(wild.cost.iter().all(|c| c.is_finite() && *c <= 1e100));
    let far = train(
        &q,
        &TrainConfig {
            w0: 1e80,
            ..TrainConfig::LAB
        },
    );
    assert_eq!(far.unwrap_err().field, "w0");
}
