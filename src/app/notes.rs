//! The sentences that explain a run: what a learning rate does, what a comparison shows.

use crate::model::number;
use crate::model::{Analysis, Verdict};

/// A number for people: four decimals, or scientific notation when very large or small.
pub fn fmt(v: f64) -> String {
    if !v.is_finite() {
        return number::shortest(v);
    }
    let a = v.abs();
    if a != 0.0 && !(1e-3..1e5).contains(&a) {
        number::sci_fixed(v, 3)
    } else {
        number::fixed(v, 4)
    }
}

/// A short number for prose: three significant figures.
pub fn short(v: f64) -> String {
    if v.is_finite() && v != 0.0 && (v.abs() >= 1e5 || v.abs() < 1e-2) {
        number::sci_fixed(v, 2)
    } else {
        let s = number::fixed(v, 3);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The verdict for `lr` on this data, as a CSS class and an explanation naming both rates.
pub fn verdict_note(analysis: &Analysis, lr: f64) -> (&'static str, String) {
    let (one, two) = (short(analysis.overshoot_lr()), short(analysis.critical_lr));
    let rate = short(lr);
    match analysis.verdict(lr) {
        Ok(Verdict::Converges) => ("converges", format!(
            "lr = {rate} is at most 1/λmax = {one}: every step moves down the bowl without overshooting, \
             so the cost falls at every iteration. Gradient descent converges for any lr below the \
             critical learning rate 2/λmax = {two}."
        )),
        Ok(Verdict::Oscillates) => ("oscillates", format!(
            "lr = {rate} lies between 1/λmax = {one} and the critical learning rate 2/λmax = {two}: each step \
             overshoots the valley floor and the path zig-zags across it, but the zig-zags shrink and the \
             run still converges."
        )),
        Ok(Verdict::Diverges) => ("diverges", format!(
            "lr = {rate} is at or above the critical learning rate 2/λmax = {two}: every step overshoots by \
             more than the last, so the cost climbs instead of falling. This is divergence: lower the \
             learning rate below {two}."
        )),
        Err(e) => ("diverges", e.to_string()),
    }
}

/// What comparing the lab's costs (`loss`, rate `lr`) with the practice's (`loss2`, `lr2`) shows.
pub fn compare_note(loss: &[f64], lr: f64, loss2: &[f64], lr2: f64) -> String {
    let (Some(&a), Some(&b)) = (loss.last(), loss2.last()) else {
        return "Run both trainings to compare them.".into();
    };
    let (r1, r2) = (short(lr), short(lr2));
    if !b.is_finite() || b > loss2.first().copied().unwrap_or(b) {
        return format!(
            "With lr {r2} the cost climbs (it ends at {}), while lr {r1} brings it down to {}: \
             too large a learning rate diverges.",
            short(b),
            short(a)
        );
    }
    let (faster, slower, low, high, fast_lr, slow_lr) = if b < a {
        (&r2, &r1, b, a, lr2, lr)
    } else {
        (&r1, &r2, a, b, lr, lr2)
    };
    let why = if fast_lr > slow_lr {
        "within the range that converges, a larger step gets down the bowl in fewer iterations"
    } else {
        "the larger rate overshoots and zig-zags across the valley, so its bigger steps gain less"
    };
    format!(
        "After the same number of iterations, lr {faster} reaches a cost of {} while lr {slower} is still at {}: {why}.",
        short(low),
        short(high)
    )
}
