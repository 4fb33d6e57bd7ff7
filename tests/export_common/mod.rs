//! States shared by the export tests: the lab's default run on the PyTorch reference data,
//! an Adam run with batches, and SGD with Nesterov momentum over shuffled passes.
#![allow(dead_code)]

use gd_lab::app::export::*;
use gd_lab::model::{train, CostQuadratic, Samples, TrainConfig};
use serde_json::Value;

pub fn reference_data() -> (Vec<f64>, Vec<f64>) {
    let text = include_str!("../data/pytorch_trajectories.json");
    let v: Value = serde_json::from_str(text).expect("reference parses");
    let case = &v["cases"][0];
    let list = |key: &str| -> Vec<f64> {
        case[key]
            .as_array()
            .expect("a list")
            .iter()
            .map(|x| x.as_f64().expect("a number"))
            .collect()
    };
    (list("x"), list("y"))
}

pub const URL: &str = "https://example.edu/gd/index.html?lr=0.1&w0=-15";

/// The lab's default run, with the engine's own table as the page's records.
pub fn default_state() -> ExportState {
    let (x, y) = reference_data();
    let mut state = ExportState::lab_default(x, y, URL);
    state.records = lab_table(&state);
    state
}

/// The lab's engine's table for a plain SGD state.
pub fn lab_table(state: &ExportState) -> Vec<Record> {
    let samples = Samples::new(state.x.clone(), state.y.clone()).expect("valid data");
    let q = CostQuadratic::new(&samples).expect("finite sums");
    let config = TrainConfig {
        w0: state.w0,
        b0: state.b0,
        lr: state.lr,
        iterations: state.iterations,
    };
    Record::all_of(&train(&q, &config).expect("trains"))
}

/// Far past the critical rate: the lab stops once the cost passes 1e100.
pub fn diverging_state() -> ExportState {
    let mut state = default_state();
    state.lr = 1.0;
    state.iterations = 1000;
    state.records = lab_table(&state);
    state
}

pub fn adam_state() -> ExportState {
    let mut state = default_state();
    state.optimizer = OptimizerKind::Adam;
    state.optimizer_options = vec![
        ("betas".into(), "(0.9, 0.999)".into()),
        ("eps".into(), "1e-08".into()),
    ];
    state.lr = 0.5;
    state.iterations = 40;
    state.batch_size = Some(7);
    state.records.clear();
    state
}

/// SGD with Nesterov momentum, batches of 7 in shuffled orders (a small fixed permutation
/// generator: any orders do).
pub fn shuffled_state() -> ExportState {
    let mut state = default_state();
    state.optimizer_options = vec![
        ("momentum".into(), "0.9".into()),
        ("nesterov".into(), "True".into()),
    ];
    state.lr = 0.05;
    state.iterations = 25;
    state.batch_size = Some(7);
    state.records.clear();
    let n = state.x.len();
    let mut seed = 12345_u64;
    state.orders = (0..state.passes())
        .map(|_| {
            let mut order: Vec<usize> = (0..n).collect();
            for i in (1..n).rev() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            order
        })
        .collect();
    state
}

/// Centered RMSprop with momentum, batches of 10, on data with a tiny and an exact-int x.
pub fn rmsprop_state() -> ExportState {
    let mut state = default_state();
    state.x[7] = 1e-7;
    state.x[8] = 2.0;
    state.optimizer = OptimizerKind::RmsProp;
    state.optimizer_options = vec![
        ("alpha".into(), "0.9".into()),
        ("momentum".into(), "0.5".into()),
        ("centered".into(), "True".into()),
    ];
    state.lr = 0.05;
    state.iterations = 30;
    state.batch_size = Some(10);
    state.records.clear();
    state
}

/// Adagrad with its decay and accumulator, full batch, the cost written with `n`.
pub fn adagrad_state() -> ExportState {
    let mut state = default_state();
    state.optimizer = OptimizerKind::Adagrad;
    state.optimizer_options = vec![
        ("lr_decay".into(), "0.01".into()),
        ("initial_accumulator_value".into(), "0.1".into()),
    ];
    state.cost = "torch.sum((yhat - y) ** 2) / n".into();
    state.lr = 2.0;
    state.iterations = 20;
    state.records.clear();
    state
}
