//! Finite axis ranges and clipping in data coordinates: what keeps every chart drawable
//! whatever numbers it is given.

use crate::model::number;

/// No axis reaches past ±this: spans stay finite and plotters' tick maths stays sane.
pub(crate) const AXIS_LIMIT: f64 = 1e150;

/// Smallest and largest finite value, each clamped to ±[`AXIS_LIMIT`].
pub(crate) fn finite_min_max(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .map(|v| number::clamp(v, -AXIS_LIMIT, AXIS_LIMIT))
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((f64::min(lo, v), f64::max(hi, v))),
        })
}

/// A range ready for an axis: `range` widened by 5% on each side (or `fallback` when there
/// is none), never empty, never past ±[`AXIS_LIMIT`].
pub(crate) fn padded(range: Option<(f64, f64)>, fallback: (f64, f64)) -> (f64, f64) {
    let (lo, hi) = range.unwrap_or(fallback);
    let span = hi - lo;
    let (lo, hi) = if span > 1e-9 * lo.abs().max(hi.abs()) && span > 1e-300 {
        (lo - 0.05 * span, hi + 0.05 * span)
    } else {
        let half = (0.1 * lo.abs()).max(1.0);
        (lo - half, hi + half)
    };
    (lo.max(-AXIS_LIMIT), hi.min(AXIS_LIMIT))
}

/// A range given by the caller, if it is usable: finite, ordered and not empty.
pub(crate) fn usable(range: Option<(f64, f64)>) -> Option<(f64, f64)> {
    range.filter(|&(lo, hi)| lo.is_finite() && hi.is_finite() && lo < hi && (hi - lo).is_finite())
}

/// A rectangle in data coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bounds {
    /// x range (start, end).
    pub x: (f64, f64),
    /// y range (start, end).
    pub y: (f64, f64),
}

impl Bounds {
    /// Whether `p` lies inside, edges included.
    pub(crate) fn contains(&self, (px, py): (f64, f64)) -> bool {
        px >= self.x.0 && px <= self.x.1 && py >= self.y.0 && py <= self.y.1
    }

    /// The part of segment p→q inside, as parameters (t0, t1) along it (Liang–Barsky), or
    /// `None` when none of it is inside or the segment is not finite.
    pub(crate) fn clip(&self, p: (f64, f64), q: (f64, f64)) -> Option<(f64, f64)> {
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        if !(dx.is_finite() && dy.is_finite() && p.0.is_finite() && p.1.is_finite()) {
            return None;
        }
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        let edges = [
            (-dx, p.0 - self.x.0),
            (dx, self.x.1 - p.0),
            (-dy, p.1 - self.y.0),
            (dy, self.y.1 - p.1),
        ];
        for (den, num) in edges {
            if den == 0.0 {
                if num < 0.0 {
                    return None;
                }
            } else {
                let t = num / den;
                if den < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        (t0 <= t1).then_some((t0, t1))
    }
}

/// Where a polyline leaves the rectangle: the point on the border and the direction it went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Exit {
    /// The point on the border.
    pub at: (f64, f64),
    /// The direction of travel, in data units (not normalised).
    pub dir: (f64, f64),
}

/// The visible parts of a polyline and where it leaves the rectangle.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Pieces {
    /// Runs of connected points inside the rectangle, two or more points each.
    pub lines: Vec<Vec<(f64, f64)>>,
    /// Every place the polyline crosses the border outwards.
    pub exits: Vec<Exit>,
}

/// Clips the polyline through `points` to `bounds`. A non-finite point breaks the line.
pub(crate) fn clip_polyline(points: &[(f64, f64)], bounds: &Bounds) -> Pieces {
    let mut out = Pieces::default();
    let mut current: Vec<(f64, f64)> = Vec::new();
    for pair in points.windows(2) {
        let (p, q) = (pair[0], pair[1]);
        let at = |t: f64| (p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1));
        match bounds.clip(p, q) {
            Some((t0, t1)) => {
                if t0 > 0.0 || current.is_empty() {
                    flush(&mut current, &mut out.lines);
                    current.push(at(t0));
                }
                current.push(at(t1));
                if t1 < 1.0 {
                    out.exits.push(Exit {
                        at: at(t1),
                        dir: (q.0 - p.0, q.1 - p.1),
                    });
                    flush(&mut current, &mut out.lines);
                }
            }
            None => flush(&mut current, &mut out.lines),
        }
    }
    flush(&mut current, &mut out.lines);
    out
}

fn flush(current: &mut Vec<(f64, f64)>, lines: &mut Vec<Vec<(f64, f64)>>) {
    if current.len() >= 2 {
        lines.push(std::mem::take(current));
    } else {
        current.clear();
    }
}

/// Indices 0, s, 2s, … and always `n − 1`: at most about `max_intervals` intervals out of
/// `n − 1`, so big grids are drawn from a subsample of their own nodes.
pub(crate) fn strided(n: usize, max_intervals: usize) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    let step = (n - 1).div_ceil(max_intervals.max(1)).max(1);
    let mut out: Vec<usize> = (0..n).step_by(step).collect();
    if out.last() != Some(&(n - 1)) {
        out.push(n - 1);
    }
    out
}
