//! The page's state mapped onto an export: data, start, rate, records, optimizer, batches and
//! formulas carried over exactly; and which numbers each figure offers.

use gd_lab::app::config::figure_names;
use gd_lab::app::export::{from_lab, numbers_of, to_ipynb, LabValues, Numbers, OptimizerKind};
use gd_lab::model::batches::{pass_orders, Batching};
use gd_lab::model::formula::Formulas;
use gd_lab::model::{generate, Adam, DataSpec, Optimizer, Problem, Sgd, TrainConfig};

fn problem() -> Problem {
    let data = generate(&DataSpec::default()).expect("lab data");
    Problem::new(data.samples, None).expect("problem")
}

fn config() -> TrainConfig {
    TrainConfig {
        w0: -3.5,
        b0: 2.25,
        lr: 0.2,
        iterations: 20,
    }
}

#[test]
fn carries_the_data_start_rate_and_every_record() {
    let p = problem();
    let run = p.train(&config()).expect("trains");
    let state = from_lab(&LabValues {
        problem: &p,
        train: config(),
        run: Some(&run),
        lab_url: "https://example.org/lab/?lr=0.2",
    });
    assert_eq!(state.x, p.samples.x());
    assert_eq!(state.y, p.samples.y());
    assert_eq!((state.w0, state.b0, state.lr), (-3.5, 2.25, 0.2));
    assert_eq!(state.iterations, 20);
    assert_eq!(state.records.len(), run.len());
    for (i, r) in state.records.iter().enumerate() {
        assert_eq!((r.w, r.b, r.cost), (run.w[i], run.b[i], run.cost[i]));
    }
    assert_eq!(state.optimizer, OptimizerKind::Sgd);
    assert!(
        state.optimizer_options.is_empty(),
        "plain SGD has no options"
    );
    assert_eq!(state.batch_size, None);
    assert!(state.orders.is_empty());
    assert_eq!(state.lab_url, "https://example.org/lab/?lr=0.2");
    state.validate().expect("valid export");
    assert!(to_ipynb(&state).expect("notebook").contains("lr=0.2"));
}

#[test]
fn without_a_run_the_table_is_empty() {
    let p = problem();
    let state = from_lab(&LabValues {
        problem: &p,
        train: config(),
        run: None,
        lab_url: "https://example.org/",
    });
    assert!(state.records.is_empty());
    state.validate().expect("valid export");
}

#[test]
fn reads_the_optimizer_batches_and_shuffled_orders() {
    let adam = Adam {
        beta1: 0.8,
        ..Adam::default()
    };
    let batching = Batching {
        batch_size: Some(7),
        shuffle_seed: Some(42),
    };
    let p = problem().with_optimizer(Optimizer::Adam(adam), batching);
    let state = from_lab(&LabValues {
        problem: &p,
        train: config(),
        run: None,
        lab_url: "https://example.org/",
    });
    assert_eq!(state.optimizer, OptimizerKind::Adam);
    assert_eq!(
        state.optimizer_options,
        vec![
            ("betas".to_string(), "(0.8, 0.999)".to_string()),
            ("eps".to_string(), "1e-8".to_string())
        ]
    );
    assert_eq!(state.batch_size, Some(7));
    assert_eq!(state.orders.len(), state.passes());
    assert_eq!(
        state.orders,
        pass_orders(p.samples.len(), 42, state.passes())
    );
    state.validate().expect("valid export");
}

#[test]
fn sgd_with_momentum_writes_every_setting() {
    let sgd = Sgd {
        momentum: 0.9,
        dampening: 0.0,
        nesterov: true,
    };
    let p = problem().with_optimizer(Optimizer::Sgd(sgd), Batching::default());
    let state = from_lab(&LabValues {
        problem: &p,
        train: config(),
        run: None,
        lab_url: "https://example.org/",
    });
    let keys: Vec<&str> = state
        .optimizer_options
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(keys, ["momentum", "dampening", "nesterov"]);
    assert_eq!(state.optimizer_options[2].1, "True");
    state.validate().expect("valid export");
}

#[test]
fn a_formula_cost_becomes_the_python_formulas() {
    let formulas = Formulas::parse("w*x^2 + b", "mean(abs(yhat - y))").expect("parses");
    let (model, cost) = formulas.to_python();
    let data = generate(&DataSpec::default()).expect("lab data");
    let p = Problem::new(data.samples, Some(formulas)).expect("problem");
    let state = from_lab(&LabValues {
        problem: &p,
        train: config(),
        run: None,
        lab_url: "https://example.org/",
    });
    assert_eq!((state.model, state.cost), (model, cost));
}

#[test]
fn every_figure_of_the_page_offers_its_numbers() {
    for name in figure_names() {
        let numbers = numbers_of(&name);
        assert!(!numbers.is_empty(), "{name} offers no CSV");
        for n in numbers {
            assert_eq!(Numbers::from_key(n.key()), Some(*n));
            assert!(n.label().ends_with("CSV"), "{}", n.label());
        }
    }
    assert_eq!(numbers_of("data"), &[Numbers::Data]);
    assert_eq!(numbers_of("contour"), &[Numbers::Grid]);
    assert_eq!(numbers_of("train-3-params"), &[Numbers::Run]);
    assert!(numbers_of("race-unknown").is_empty());
}
