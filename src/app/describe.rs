//! What a sighted learner sees in a path figure, in words: the path falls straight to the
//! optimum, zigzags across the valley, leaves the chart, or crawls. Screen readers hear it in
//! every path figure's text alternative and after a change in the explorer.

use crate::model::{Analysis, GridSpec, Trajectory};

/// The shape of a run's path on the contour plot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Heads for the optimum without crossing the valley floor, and gets close.
    Straight,
    /// Crosses the valley floor back and forth (the steep direction's sign flips).
    Zigzag,
    /// Leaves the chart or stops because the cost blew up.
    Diverges,
    /// Still far from the optimum after every iteration (too small a rate).
    Crawls,
    /// No known optimum (a typed cost): only whether the cost fell.
    Descends,
}

/// Share of the starting distance that still counts as "far" at the end of a run.
const FAR: f64 = 0.1;
/// Sign changes along the steep direction that make a zigzag (one is a single overshoot).
const ZIGZAG_FLIPS: usize = 2;

/// Classifies `run` drawn on the window `window`, using the optimum and the Hessian when the
/// cost is a line's mean squared error.
pub fn classify(run: &Trajectory, analysis: Option<&Analysis>, window: &GridSpec) -> Shape {
    let inside = |w: f64, b: f64| {
        (window.w_min..=window.w_max).contains(&w) && (window.b_min..=window.b_max).contains(&b)
    };
    let left = run.w.iter().zip(&run.b).any(|(&w, &b)| !inside(w, b));
    let climbed = match (run.cost.first(), run.cost.last()) {
        (Some(first), Some(last)) => last > first,
        _ => false,
    };
    if run.diverged_at.is_some() || left || climbed {
        return Shape::Diverges;
    }
    let Some(a) = analysis else {
        return Shape::Descends;
    };
    let steep = steep_direction(a.hessian, a.eigenvalues[1]);
    let along: Vec<f64> = run
        .w
        .iter()
        .zip(&run.b)
        .map(|(&w, &b)| (w - a.w_star) * steep.0 + (b - a.b_star) * steep.1)
        .collect();
    let flips = along
        .windows(2)
        .filter(|p| p[0] * p[1] < 0.0 && p[0].abs() > 1e-9)
        .count();
    if flips >= ZIGZAG_FLIPS {
        return Shape::Zigzag;
    }
    let distance = |i: usize| (run.w[i] - a.w_star).hypot(run.b[i] - a.b_star);
    match run.len() {
        0 => Shape::Descends,
        n if distance(n - 1) > FAR * distance(0) => Shape::Crawls,
        _ => Shape::Straight,
    }
}

/// The unit eigenvector of the symmetric Hessian `(h_ww, h_wb, h_bb)` for eigenvalue `lambda`.
fn steep_direction([hww, hwb, hbb]: [f64; 3], lambda: f64) -> (f64, f64) {
    // (H − λI)v = 0: v is (h_wb, λ − h_ww) or, when that is zero, (λ − h_bb, h_wb).
    let (a, b) = (hwb, lambda - hww);
    let (c, d) = (lambda - hbb, hwb);
    let (x, y) = if a.hypot(b) >= c.hypot(d) {
        (a, b)
    } else {
        (c, d)
    };
    let norm = x.hypot(y);
    if norm > 0.0 {
        (x / norm, y / norm)
    } else {
        // H is a multiple of I: every direction is as steep; w is as good as any.
        (1.0, 0.0)
    }
}

/// The shape in words, as a sighted learner would put it.
pub fn shape_text(shape: Shape) -> &'static str {
    match shape {
        Shape::Straight => "the path falls straight down to the optimum",
        Shape::Zigzag => {
            "the path zigzags across the valley, the zigzags shrinking as it closes in"
        }
        Shape::Diverges => "the path leaves the chart: each step overshoots more, the run diverges",
        Shape::Crawls => "the path crawls: after every iteration it is still far from the optimum",
        Shape::Descends => "the cost falls along the path",
    }
}

/// One sentence for a path figure: its shape, where it started and where it ended.
pub fn path_sentence(run: &Trajectory, analysis: Option<&Analysis>, window: &GridSpec) -> String {
    let shape = shape_text(classify(run, analysis, window));
    let (Some(&w0), Some(&b0), Some(&w), Some(&b)) =
        (run.w.first(), run.b.first(), run.w.last(), run.b.last())
    else {
        return "No path: the run has no records.".into();
    };
    let short = super::notes::short;
    let mut text = format!(
        "From (w {}, b {}) {shape}; it ends at (w {}, b {})",
        short(w0),
        short(b0),
        short(w),
        short(b)
    );
    if let Some(a) = analysis {
        text.push_str(&format!(
            ", the optimum is at (w {}, b {})",
            short(a.w_star),
            short(a.b_star)
        ));
    }
    text.push('.');
    text
}
