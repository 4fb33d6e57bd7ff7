//! What the lab says about a run when the cost is not the mean squared error of a line.
//!
//! The closed-form facts (the optimum, a constant Hessian, 1/λmax and 2/λmax) hold only for
//! that cost. For any other formula the lab says what it computed instead: the lowest cost a
//! run found, and the Hessian at one point from second-order dual numbers, whose 2/λmax is a
//! local hint only.

use super::notes::{fmt, short};
use crate::model::problem::Cost;
use crate::model::{Problem, Trajectory};

/// The record with the lowest finite cost: `(iteration, w, b, cost)`.
pub fn best_record(run: &Trajectory) -> Option<(usize, f64, f64, f64)> {
    (0..run.len())
        .filter(|&i| run.cost[i].is_finite())
        .min_by(|&i, &j| run.cost[i].total_cmp(&run.cost[j]))
        .map(|i| (i, run.w[i], run.b[i], run.cost[i]))
}

/// The Hessian at (w, b) in words, and what its largest eigenvalue suggests for `lr` there;
/// empty when the cost is the quadratic (its facts are the analysis's).
pub fn curvature_text(problem: &Problem, point: (f64, f64), lr: f64) -> String {
    let mut text = curvature_body(problem, point, lr);
    // The body starts with an ASCII word ("the Hessian"): no Unicode case tables needed.
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// [`curvature_text`] starting with a lower-case letter, to follow other words.
fn curvature_body(problem: &Problem, (w, b): (f64, f64), lr: f64) -> String {
    let Cost::Formula(cost) = &problem.cost else {
        return String::new();
    };
    let c = cost.curvature(w, b);
    let [h_ww, h_wb, h_bb] = c.hessian;
    let [low, high] = c.eigenvalues;
    let at = format!("the Hessian at (w, b) = ({}, {})", short(w), short(b));
    if !(low.is_finite() && high.is_finite()) {
        return format!("{at} is not a finite number, so it gives no hint.");
    }
    let head = format!(
        "{at}, exact from second-order dual numbers, is [[{}, {}], [{}, {}]], \
         eigenvalues {} and {}.",
        short(h_ww),
        short(h_wb),
        short(h_wb),
        short(h_bb),
        short(low),
        short(high)
    );
    if high <= 0.0 {
        return format!(
            "{head} It curves upward in no direction there, so it gives no limit on the \
             learning rate: the size of each step comes from the slopes alone."
        );
    }
    let limit = 2.0 / high;
    let side = if lr < limit { "below" } else { "at or above" };
    format!(
        "{head} There 2/λmax = {}, and lr = {} is {side} it: a local hint, not a guarantee, \
         since this cost's curvature changes from point to point.",
        short(limit),
        short(lr)
    )
}

/// The note beside a run on a cost other than the mean squared error of a line: a CSS class
/// and the text (the lowest cost found, and the curvature at the run's record `at`).
pub fn general_note(
    problem: &Problem,
    run: &Trajectory,
    lr: f64,
    at: usize,
) -> (&'static str, String) {
    let mut text = String::from(
        "This cost has no closed-form optimum and no constant Hessian, so the lab shows what it \
         computed instead.",
    );
    if let Some((i, w, b, cost)) = best_record(run) {
        text.push_str(&format!(
            " The lowest cost this run found: {} at (w, b) = ({}, {}), iteration {i}.",
            fmt(cost),
            short(w),
            short(b)
        ));
    }
    let at = at.min(run.len().saturating_sub(1));
    if let (Some(&w), Some(&b)) = (run.w.get(at), run.b.get(at)) {
        let curvature = curvature_body(problem, (w, b), lr);
        if !curvature.is_empty() {
            text.push_str(&format!(" At iteration {at}, {curvature}"));
        }
    }
    let class = if run.diverged_at.is_some() {
        "diverges"
    } else {
        "general"
    };
    (class, text)
}

/// What comparing two runs' costs shows, without the bowl's explanation (which holds only for
/// the mean squared error of a line).
pub fn compare_note_general(loss: &[f64], lr: f64, loss2: &[f64], lr2: f64) -> String {
    let (Some(&a), Some(&b)) = (loss.last(), loss2.last()) else {
        return "Run both trainings to compare them.".into();
    };
    let (r1, r2) = (short(lr), short(lr2));
    if !b.is_finite() || b > loss2.first().copied().unwrap_or(b) {
        return format!(
            "With lr {r2} the cost climbs (it ends at {}), while lr {r1} ends at {}.",
            short(b),
            short(a)
        );
    }
    format!(
        "After the same number of iterations, lr {r1} reaches a cost of {} and lr {r2} a cost \
         of {}.",
        short(a),
        short(b)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::formula::Formulas;
    use crate::model::{generate, DataSpec, TrainConfig};

    fn problem(cost: &str) -> Problem {
        let data = generate(&DataSpec::default()).expect("data");
        let f = Formulas::parse("w*x + b", cost).expect("formulas");
        Problem::new(data.samples, Some(f)).expect("problem")
    }

    #[test]
    fn the_best_record_is_the_lowest_finite_cost() {
        let p = problem("mean(abs(yhat - y))");
        let run = p
            .train(&TrainConfig {
                w0: -15.0,
                b0: -10.0,
                lr: 0.1,
                iterations: 15,
            })
            .expect("run");
        let (i, w, b, cost) = best_record(&run).expect("a record");
        assert!(run.cost.iter().all(|&c| c >= cost));
        assert_eq!((run.w[i], run.b[i]), (w, b));
        let (class, text) = general_note(&p, &run, 0.1, run.len() - 1);
        assert_eq!(class, "general");
        assert!(!text.contains("1/λmax"), "{text}");
        // The mean absolute error of a line has no curvature away from its kinks.
        assert!(text.contains("gives no limit"), "{text}");
    }

    #[test]
    fn a_scaled_mse_has_a_local_hint_at_its_own_curvature() {
        let p = problem("0.5*mean((yhat - y)^2)");
        let text = curvature_text(&p, (0.0, 0.0), 0.1);
        assert!(text.starts_with("The Hessian at (w, b) = (0, 0)"), "{text}");
        assert!(text.contains("2/λmax"), "{text}");
        assert!(text.contains("local hint, not a guarantee"), "{text}");
        let quadratic = Problem::new(p.samples.clone(), None).expect("problem");
        assert_eq!(curvature_text(&quadratic, (0.0, 0.0), 0.1), "");
    }
}
