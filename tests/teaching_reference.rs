//! The teaching sets against real PyTorch (tests/data/pytorch_teaching_sets.json, written by
//! tests/data/pytorch_teaching_sets.py from tests/data/teaching_sets_points.json): training
//! on each set, on the far set standardized, and the far set's Hessian and critical rate.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_close, assert_run_matches, TorchRun};
use gd_lab::app::datasets::{self, TEACHING_SETS};
use gd_lab::model::{analyze, standardize, train, CostQuadratic, Samples, TrainConfig};
use serde::Deserialize;

#[derive(Deserialize)]
struct Reference {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    set: String,
    standardized: bool,
    /// The points PyTorch trained on (float32; for a standardized case, z).
    x: Vec<f64>,
    y: Vec<f64>,
    w0: f64,
    b0: f64,
    lr: f64,
    iterations: usize,
    #[serde(flatten)]
    torch: TorchRun,
    /// Eigenvalues of the cost's Hessian by autograd (float64), smallest first.
    hessian_eigenvalues: [f64; 2],
}

fn reference() -> Reference {
    let text = include_str!("data/pytorch_teaching_sets.json");
    serde_json::from_str(text).expect("reference file parses")
}

/// The set's points as the lab makes them, standardized by our code when the case says so.
fn ours(case: &Case) -> Samples {
    let samples = datasets::make(&case.set).expect("a teaching set").samples;
    if case.standardized {
        standardize(&samples).expect("x varies").0
    } else {
        samples
    }
}

#[test]
fn pytorch_trained_on_the_lab_s_own_points() {
    for case in reference().cases {
        let mine = ours(&case);
        assert_eq!(mine.len(), case.x.len(), "{}", case.name);
        // float32 keeps about 7 digits. PyTorch standardizes in float32 itself: x − mean
        // near 13 loses its last bits (an ulp of 16 is 2e-6), so z agrees to 1e-5, absolute.
        for (i, (a, b)) in mine.x().iter().zip(&case.x).enumerate() {
            let what = format!("{} x[{i}]", case.name);
            if case.standardized {
                assert!((a - b).abs() <= 1e-5, "{what}: ours {a}, PyTorch {b}");
            } else {
                assert_close(&what, *a, *b, 1e-6);
            }
        }
        for (i, (a, b)) in mine.y().iter().zip(&case.y).enumerate() {
            assert_close(&format!("{} y[{i}]", case.name), *a, *b, 1e-6);
        }
    }
}

#[test]
fn every_record_matches_pytorch() {
    for case in reference().cases {
        let samples = Samples::new(case.x.clone(), case.y.clone()).expect("reference points");
        let q = CostQuadratic::new(&samples).expect("finite");
        let config = TrainConfig {
            w0: case.w0,
            b0: case.b0,
            lr: case.lr,
            iterations: case.iterations,
        };
        let run = train(&q, &config).expect("a valid run");
        assert_eq!(run.len(), case.iterations + 1, "{}", case.name);
        assert_run_matches(&case.name, &run, &case.torch, 1e-4);
    }
}

#[test]
fn critical_rates_are_two_over_autograd_s_largest_eigenvalue() {
    let cases = reference().cases;
    for case in &cases {
        // On the very points autograd saw: the far set's λmin is sensitive to float32 x.
        let samples = Samples::new(case.x.clone(), case.y.clone()).expect("reference points");
        let a = analyze(&CostQuadratic::new(&samples).expect("finite")).expect("x varies");
        let [small, big] = case.hessian_eigenvalues;
        assert_close(
            &format!("{} λmin", case.name),
            a.eigenvalues[0],
            small,
            1e-6,
        );
        assert_close(&format!("{} λmax", case.name), a.eigenvalues[1], big, 1e-6);
        assert_close(
            &format!("{} 2/λmax", case.name),
            a.critical_lr,
            2.0 / big,
            1e-6,
        );
        if case.standardized {
            assert!(
                (big / small - 1.0).abs() < 1e-6,
                "{}: a round bowl",
                case.name
            );
        }
    }
    assert!(cases.iter().any(|c| c.set == "far" && c.standardized));
    // Just above the far set's critical rate PyTorch's cost grows; just below, it falls.
    let cost_ratio = |name: &str| {
        let c = cases.iter().find(|c| c.name == name).expect("a far case");
        c.torch.final_w_b_loss[2] / c.torch.records_w_b_loss_before_update[0][2]
    };
    assert!(cost_ratio("far-lr0.0059") > 2.0 && cost_ratio("far-lr0.005") < 0.01);
    assert!(TEACHING_SETS
        .iter()
        .all(|s| cases.iter().any(|c| c.set == s.name)));
}

/// The sets' points that the generator script reads are the ones the lab makes today. With
/// `GD_LAB_WRITE_POINTS=1` the file is written instead (when a set changes; then run the
/// script again).
#[test]
fn points_file_matches_the_sets() {
    let sets: Vec<serde_json::Value> = TEACHING_SETS
        .iter()
        .map(|s| {
            let d = datasets::make(s.name).expect("a teaching set");
            serde_json::json!({ "name": s.name, "x": d.samples.x(), "y": d.samples.y() })
        })
        .collect();
    let made = serde_json::json!({ "sets": sets });
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/teaching_sets_points.json"
    );
    if std::env::var_os("GD_LAB_WRITE_POINTS").is_some() {
        let text = serde_json::to_string_pretty(&made).expect("json");
        std::fs::write(path, text + "\n").expect("written");
    }
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the points file"))
            .expect("json");
    assert_eq!(
        committed, made,
        "run with GD_LAB_WRITE_POINTS=1, then the generator script"
    );
}
