//! The optimizer race's rules: entries and their fields, the URL syntax, the table's numbers
//! against their definitions and against long runs, and the optimizer URL parameters.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::config::LabConfig;
use gd_lab::app::race::*;
use gd_lab::app::race_url::*;
use gd_lab::app::scene::Scene;
use gd_lab::model::{Batching, DataSpec, GridSpec, Optimizer, Sgd, TrainConfig};
use proptest::prelude::*;

fn scene() -> Scene {
    Scene::new(&DataSpec::default(), &GridSpec::LAB).expect("scene")
}

fn query(pairs: &[(&str, &str)]) -> (LabConfig, Vec<String>) {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    LabConfig::from_query(&pairs)
}

#[test]
fn the_default_race_is_sgd_momentum_adam_rmsprop_with_pytorch_defaults() {
    let race = default_race();
    let names: Vec<&str> = race.iter().map(|e| e.optimizer.name()).collect();
    assert_eq!(names, ["sgd", "sgd", "adam", "rmsprop"]);
    let momentum = Sgd {
        momentum: 0.9,
        ..Sgd::default()
    };
    assert_eq!(race[1].optimizer, Optimizer::Sgd(momentum));
    assert_eq!(race[2].optimizer, Optimizer::with_defaults("adam").unwrap());
    assert_eq!(race[0].lr_or(0.1), 0.1);
    assert!(race[2].lr_or(0.1) > 0.1, "Adam needs a larger rate");
    assert_eq!(race[1].label(0.1), "SGD μ 0.9, lr 0.1");
}

#[test]
fn typed_fields_round_trip_through_their_text() {
    for name in ["sgd", "adam", "rmsprop", "adagrad"] {
        let defaults = Optimizer::with_defaults(name).unwrap();
        let texts: Vec<(&str, String)> = fields(name)
            .iter()
            .map(|f| (f.key, field_text(&defaults, f.key)))
            .collect();
        let typed: Vec<(&str, &str)> = texts.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let entry = parse_entry(name, Some("0.5"), &typed).expect(name);
        assert_eq!((entry.optimizer, entry.lr), (defaults, Some(0.5)));
    }
    let e = parse_entry("sgd", None, &[("momentum", "0.5"), ("nesterov", "true")]).unwrap();
    assert_eq!(
        e.optimizer,
        Optimizer::Sgd(Sgd {
            momentum: 0.5,
            dampening: 0.0,
            nesterov: true
        })
    );
}

#[test]
fn bad_fields_name_themselves_in_plain_words() {
    type Case<'a> = (&'a str, Option<&'a str>, &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case; 9] = [
        ("sgd", None, &[("momentum", "1")], "momentum"),
        ("sgd", None, &[("momentum", "-0.1")], "momentum"),
        ("sgd", None, &[("nesterov", "true")], "nesterov"),
        ("sgd", None, &[("momentum", "abc")], "momentum"),
        ("adam", None, &[("eps", "0")], "eps"),
        ("adam", None, &[("momentum", "0.5")], "momentum"),
        ("adagrad", None, &[("lrDecay", "NaN")], "lrDecay"),
        ("rmsprop", Some("0"), &[], "lr"),
        ("nope", None, &[], "optimizer"),
    ];
    for (name, lr, typed, field) in cases {
        let err = parse_entry(name, lr, typed).expect_err(field);
        assert_eq!(err.field, field, "{name} {typed:?}: {}", err.message);
        assert!(err.message.ends_with('.'), "{}", err.message);
    }
    let err = parse_entry("sgd", None, &[("momentum", "1")]).unwrap_err();
    assert_eq!(err.message, "momentum must be less than 1, got 1.");
}

#[test]
fn iterations_to_within_is_the_first_record_within_one_percent() {
    let costs = [10.0, 2.0, 1.02, 1.009, 1.0, 5.0];
    assert_eq!(iterations_to_within(&costs, 1.0), Some(3));
    assert_eq!(iterations_to_within(&costs[..3], 1.0), None);
    assert_eq!(iterations_to_within(&[f64::NAN, 0.5], 1.0), Some(1));
}

proptest! {
    #[test]
    fn within_agrees_with_its_definition(
        costs in prop::collection::vec(0.0f64..100.0, 0..40),
        star in 0.0f64..50.0,
    ) {
        let found = iterations_to_within(&costs, star);
        let ok = |c: f64| c - star <= 0.01 * star;
        match found {
            Some(k) => {
                prop_assert!(ok(costs[k]));
                prop_assert!(costs[..k].iter().all(|&c| !ok(c)));
            }
            None => prop_assert!(costs.iter().all(|&c| !ok(c))),
        }
    }

    #[test]
    fn race_urls_round_trip(
        picks in prop::collection::vec((0usize..4, 0.0f64..0.99, any::<bool>(), 0.01f64..5.0), 1..=6),
    ) {
        let entries: Vec<Entry> = picks
            .iter()
            .map(|&(k, m, flag, lr)| {
                let name = ["sgd", "adam", "rmsprop", "adagrad"][k];
                let m = m.to_string();
                let f = if flag { "1" } else { "0" };
                let typed: Vec<(&str, &str)> = match name {
                    "sgd" => vec![("momentum", m.as_str()), ("dampening", "0"), ("nesterov", f)],
                    "adam" => vec![("beta1", m.as_str())],
                    "rmsprop" => vec![("alpha", m.as_str()), ("centered", f)],
                    _ => vec![("lrDecay", m.as_str())],
                };
                let lr = lr.to_string();
                parse_entry(name, Some(&lr), &typed)
                    .or_else(|_| parse_entry(name, Some(&lr), &[]))
                    .expect("entry")
            })
            .collect();
        let text = format_race(&entries, 0.1);
        let back = parse_race(&text).expect("parses");
        let lrs = |v: &[Entry]| v.iter().map(|e| e.lr_or(0.1)).collect::<Vec<_>>();
        prop_assert_eq!(lrs(&back), lrs(&entries));
        let opts = |v: &[Entry]| v.iter().map(|e| e.optimizer).collect::<Vec<_>>();
        prop_assert_eq!(opts(&back), opts(&entries));
    }
}

#[test]
fn verdicts_only_where_theory_gives_one_and_they_hold_on_long_runs() {
    let scene = scene();
    let a = scene.analysis.expect("analysis");
    let heavy = |m: f64, lr: f64| Entry {
        optimizer: Optimizer::Sgd(Sgd {
            momentum: m,
            ..Sgd::default()
        }),
        lr: Some(lr),
    };
    for m in [0.0, 0.5, 0.9] {
        let critical = 2.0 * (1.0 + m) / a.eigenvalues[1];
        for (factor, converges) in [(0.97, true), (1.03, false)] {
            let entry = heavy(m, critical * factor);
            let text = verdict_text(Some(&a), &entry, 0.1, true);
            assert_eq!(
                text.starts_with("diverges"),
                !converges,
                "{m} {factor}: {text}"
            );
            let problem = scene
                .problem
                .with_optimizer(entry.optimizer, Batching::default());
            let config = TrainConfig {
                w0: -15.0,
                b0: -10.0,
                lr: critical * factor,
                iterations: 5000,
            };
            let run = problem.train(&config).expect("run");
            let last = *run.cost.last().unwrap();
            assert_eq!(
                run.diverged_at.is_none() && last < a.cost_star * 1.01,
                converges,
                "μ {m}, lr {factor}·critical ended at {last}"
            );
        }
    }
    let adam = parse_entry("adam", None, &[]).unwrap();
    assert_eq!(verdict_text(Some(&a), &adam, 0.1, true), "no closed form");
    let plain = heavy(0.0, 0.1);
    assert_eq!(
        verdict_text(Some(&a), &plain, 0.1, false),
        "no closed form with mini-batches"
    );
    let nesterov = parse_entry("sgd", None, &[("momentum", "0.5"), ("nesterov", "1")]).unwrap();
    assert_eq!(
        verdict_text(Some(&a), &nesterov, 0.1, true),
        "no closed form"
    );
    assert_eq!(
        verdict_text(None, &plain, 0.1, true),
        "no closed form for this cost"
    );
}

#[test]
fn batch_sizes_are_checked_and_too_large_means_the_full_batch() {
    assert_eq!(parse_batch_size(" ", 60), Ok(None));
    assert_eq!(parse_batch_size("7", 60), Ok(Some(7)));
    for bad in ["0", "61", "2.5", "-1", "x"] {
        assert_eq!(parse_batch_size(bad, 60).unwrap_err().field, "batchSize");
    }
    assert_eq!(effective_batch(Some(10), 60), (Some(10), None));
    assert_eq!(effective_batch(None, 60), (None, None));
    let (size, note) = effective_batch(Some(100), 60);
    assert_eq!(size, None);
    assert!(note.unwrap().contains("100"));
}

#[test]
fn optimizer_url_parameters_round_trip_through_share() {
    let (c, notices) = query(&[
        ("optimizer", "rmsprop"),
        ("momentum", "0.5"),
        ("batchSize", "7"),
        (
            "race",
            "sgd,sgd:momentum=0.9,adam:lr=2:beta2=0.99,rmsprop:centered=1",
        ),
    ]);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(
        (c.optimizer, c.momentum, c.batch_size),
        ("rmsprop", Some(0.5), Some(7))
    );
    assert_eq!(c.race.as_ref().map(Vec::len), Some(4));
    let pairs: Vec<(String, String)> = c
        .to_query()
        .split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(LabConfig::from_query(&pairs).0, c);
    let expected = Optimizer::RmsProp(gd_lab::model::RmsProp {
        momentum: 0.5,
        ..Default::default()
    });
    assert_eq!(lab_optimizer(c.optimizer, c.momentum), expected);
}

#[test]
fn hostile_optimizer_parameters_give_notices_and_keep_defaults() {
    let hostile = [
        ("optimizer", "SGD"),
        ("optimizer", "<img src=x>"),
        ("momentum", "1"),
        ("momentum", "-0.5"),
        ("momentum", "NaN"),
        ("batchSize", "0"),
        ("batchSize", "2.5"),
        ("batchSize", "99999999999"),
        ("race", ""),
        ("race", "sgd,adam,rmsprop,adagrad,sgd,adam,sgd"),
        ("race", "sgd:momentum"),
        ("race", "adam:momentum=0.9"),
        ("race", "sgd:nesterov=1"),
        ("race", "sgd:lr=0"),
    ];
    let (c, notices) = query(&hostile);
    assert_eq!(c, LabConfig::default());
    assert_eq!(notices.len(), hostile.len(), "{notices:#?}");
    let (c, notices) = query(&[("optimizer", "adam"), ("momentum", "0.9")]);
    assert_eq!((c.optimizer, c.momentum), ("adam", None));
    assert_eq!(notices.len(), 1);
    assert!(notices[0].contains("momentum"), "{}", notices[0]);
}

#[test]
fn a_race_trains_each_entry_from_the_same_start_with_its_own_rate() {
    use gd_lab::app::race_run::run_race;
    let scene = scene();
    let start = TrainConfig {
        w0: -15.0,
        b0: -10.0,
        lr: 0.1,
        iterations: 15,
    };
    let race = default_race();
    let result = run_race(&scene, &race, Some(7), &start).expect("race");
    assert_eq!(
        (result.runs.len(), result.batch_size, &result.note),
        (4, Some(7), &None)
    );
    for (entry, run) in race.iter().zip(&result.runs) {
        let batching = Batching {
            batch_size: Some(7),
            shuffle_seed: None,
        };
        let problem = scene.problem.with_optimizer(entry.optimizer, batching);
        let alone = problem
            .train(&TrainConfig {
                lr: entry.lr_or(0.1),
                ..start
            })
            .expect("run");
        assert_eq!(
            (&run.w, &run.b, &run.cost),
            (&alone.w, &alone.b, &alone.cost)
        );
    }
    assert!(result
        .rows
        .iter()
        .all(|r| r.verdict.starts_with("no closed form")));
    let full = run_race(&scene, &race, Some(1000), &start).expect("race");
    assert_eq!(full.batch_size, None);
    assert!(full.note.expect("note").contains("1000"));
    assert!(full.rows[0].verdict.starts_with("converges"));
}

#[test]
fn the_explorer_menu_and_its_marked_rates() {
    let a = scene().analysis.expect("analysis");
    let heavy = explorer_optimizer("sgd", "0.5").expect("sgd");
    assert_eq!(heavy, lab_optimizer("sgd", Some(0.5)));
    assert_eq!(
        explorer_optimizer("adam", "0.7"),
        Ok(Optimizer::with_defaults("adam").unwrap())
    );
    assert_eq!(explorer_optimizer("sgd", " "), Ok(Optimizer::default()));
    for bad in ["1", "-0.1", "x", "NaN"] {
        assert_eq!(
            explorer_optimizer("rmsprop", bad).unwrap_err().field,
            "momentum"
        );
    }
    assert_eq!(
        explorer_optimizer("lbfgs", "0").unwrap_err().field,
        "optimizer"
    );
    let plain = marked_rates(&a, &Optimizer::default()).expect("plain");
    assert_eq!(plain, (Some(a.overshoot_lr()), a.critical_lr, "2/λmax"));
    let (one, c, _) = marked_rates(&a, &heavy).expect("heavy ball");
    assert_eq!((one, c), (None, 3.0 / a.eigenvalues[1]));
    assert_eq!(
        marked_rates(&a, &Optimizer::with_defaults("adam").unwrap()),
        None
    );
}
