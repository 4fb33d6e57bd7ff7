//! Paths in words: the shape a sighted learner sees, from real runs on the lab's data and on
//! a narrow valley.
#![cfg(not(target_arch = "wasm32"))]

use gd_lab::app::describe::{classify, path_sentence, Shape};
use gd_lab::model::{self, DataSpec, GridSpec, Problem, Samples, TrainConfig};

/// A run of `iterations` from the lab's start (−15, −10) at `lr` on `problem`.
fn run(problem: &Problem, lr: f64, iterations: usize) -> model::Trajectory {
    let config = TrainConfig {
        w0: -15.0,
        b0: -10.0,
        lr,
        iterations,
    };
    problem.train(&config).expect("run")
}

fn lab_problem() -> Problem {
    let data = model::generate(&DataSpec::default()).expect("data");
    Problem::new(data.samples, None).expect("problem")
}

/// x from 0 to 10: mean x² is large next to 1, so the bowl is a long narrow valley.
fn narrow_valley() -> Problem {
    let x: Vec<f64> = (0..21).map(|i| f64::from(i) * 0.5).collect();
    let y: Vec<f64> = x.iter().map(|x| 2.0 * x + 1.0).collect();
    Problem::new(Samples::new(x, y).expect("samples"), None).expect("problem")
}

fn shape(problem: &Problem, lr: f64, iterations: usize) -> Shape {
    let analysis = problem.analysis().expect("analysis");
    classify(
        &run(problem, lr, iterations),
        Some(&analysis),
        &GridSpec::LAB,
    )
}

#[test]
fn the_lab_at_0_1_falls_straight_at_0_3_zigzags_at_0_4_diverges() {
    let p = lab_problem();
    let a = p.analysis().expect("analysis");
    // The rates bracket 1/λmax and 2/λmax as the lab's text says they do.
    assert!(
        0.1 < a.overshoot_lr()
            && a.overshoot_lr() < 0.3
            && 0.3 < a.critical_lr
            && a.critical_lr < 0.4
    );
    assert_eq!(shape(&p, 0.1, 15), Shape::Straight);
    assert_eq!(shape(&p, 0.3, 15), Shape::Zigzag);
    assert_eq!(shape(&p, 0.4, 15), Shape::Diverges);
}

#[test]
fn a_tiny_rate_crawls() {
    assert_eq!(shape(&lab_problem(), 0.001, 15), Shape::Crawls);
}

#[test]
fn a_narrow_valley_zigzags_near_the_critical_rate_and_crawls_below_it() {
    let p = narrow_valley();
    let a = p.analysis().expect("analysis");
    assert!(
        a.eigenvalues[1] / a.eigenvalues[0] > 50.0,
        "a narrow valley: {:?}",
        a.eigenvalues
    );
    // Between 1/λmax and 2/λmax the steep direction flips sign at every step while the flat one
    // creeps (nearer 2/λmax the first swings would leave the chart).
    assert_eq!(shape(&p, 0.8 * a.critical_lr, 40), Shape::Zigzag);
    // Under 1/λmax the steep direction settles at once, the flat one barely moves.
    assert_eq!(shape(&p, 0.5 * a.overshoot_lr(), 40), Shape::Crawls);
    assert_eq!(shape(&p, 1.05 * a.critical_lr, 40), Shape::Diverges);
}

#[test]
fn without_an_optimum_only_the_cost_is_judged() {
    let p = lab_problem();
    assert_eq!(
        classify(&run(&p, 0.1, 15), None, &GridSpec::LAB),
        Shape::Descends
    );
    assert_eq!(
        classify(&run(&p, 0.4, 15), None, &GridSpec::LAB),
        Shape::Diverges
    );
}

#[test]
fn the_sentence_names_the_shape_the_start_and_the_optimum() {
    let p = lab_problem();
    let a = p.analysis().expect("analysis");
    let text = path_sentence(&run(&p, 0.3, 15), Some(&a), &GridSpec::LAB);
    assert!(
        text.starts_with("From (w -15, b -10) the path zigzags"),
        "{text}"
    );
    assert!(text.contains("the optimum is at"), "{text}");
    let empty = path_sentence(&model::Trajectory::default(), Some(&a), &GridSpec::LAB);
    assert!(empty.starts_with("No path"), "{empty}");
}
