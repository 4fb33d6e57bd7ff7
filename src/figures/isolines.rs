//! Marching squares: the iso-cost lines of a grid, stitched into polylines in data units.
//!
//! Hand-rolled rather than the `contour` crate: that crate (a d3-contour port, built for
//! filled polygons) pads the grid, so the lines of a bowl whose rim lies above the level come
//! back as rings running along the grid's border, which would need filtering; it works in
//! pixel-centre coordinates; and it adds geo-types, slab, rustc-hash, lazy_static and a
//! proc-macro chain (~28 KB of wasm, 11 KB gzipped, in a standalone size test). This file is
//! the ~100 lines the figures need: linear interpolation on cell edges, the saddle resolved
//! by the cell's mean, and segments joined into polylines through their shared edges.

use crate::model::number;

/// Values on a rectangular grid: `values[j * xs.len() + i]` is at `(xs[i], ys[j])`.
pub(crate) struct Field {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub values: Vec<f64>,
}

const NONE: u32 = u32::MAX;

impl Field {
    fn at(&self, i: usize, j: usize) -> f64 {
        self.values[j * self.xs.len() + i]
    }

    /// The lines where the field equals `level`, each a polyline of two or more points.
    pub(crate) fn isolines(&self, level: f64) -> Vec<Vec<(f64, f64)>> {
        let segments = self.segments(level);
        stitch(&segments, 2 * self.xs.len() * self.ys.len())
            .into_iter()
            .map(|keys| {
                keys.into_iter()
                    .map(|k| self.edge_point(k, level))
                    .collect()
            })
            .collect()
    }

    /// One segment per crossing pair, each end named by the grid edge it lies on: edge key
    /// `2·(j·nx + i)` runs from node (i, j) to (i + 1, j), key `2·(j·nx + i) + 1` to (i, j + 1).
    fn segments(&self, level: f64) -> Vec<(usize, usize)> {
        let (nx, ny) = (self.xs.len(), self.ys.len());
        let mut out = Vec::new();
        for j in 0..ny.saturating_sub(1) {
            for i in 0..nx.saturating_sub(1) {
                let v = [
                    self.at(i, j),
                    self.at(i + 1, j),
                    self.at(i + 1, j + 1),
                    self.at(i, j + 1),
                ];
                if v.iter().any(|x| !x.is_finite()) {
                    continue;
                }
                let above = v.map(|x| x > level);
                let h = |i: usize, j: usize| 2 * (j * nx + i);
                // Edges: bottom, right, top, left; each joins corners k and (k + 1) % 4.
                let edges = [h(i, j), h(i + 1, j) + 1, h(i, j + 1), h(i, j) + 1];
                let cut: Vec<usize> = (0..4).filter(|&k| above[k] != above[(k + 1) % 4]).collect();
                match cut.len() {
                    2 => out.push((edges[cut[0]], edges[cut[1]])),
                    4 => {
                        let centre = v.iter().sum::<f64>() / 4.0 > level;
                        let pairs = if centre == above[0] {
                            [(0, 1), (2, 3)]
                        } else {
                            [(3, 0), (1, 2)]
                        };
                        out.extend(pairs.map(|(a, b)| (edges[a], edges[b])));
                    }
                    _ => {}
                }
            }
        }
        out
    }

    /// The point on edge `key` where the field crosses `level`, by linear interpolation.
    fn edge_point(&self, key: usize, level: f64) -> (f64, f64) {
        let nx = self.xs.len();
        let (node, vertical) = (key / 2, key % 2 == 1);
        let (i, j) = (node % nx, node / nx);
        let (i2, j2) = if vertical { (i, j + 1) } else { (i + 1, j) };
        let (a, b) = (self.at(i, j), self.at(i2, j2));
        let t = number::clamp((level - a) / (b - a), 0.0, 1.0);
        let t = if t.is_nan() { 0.5 } else { t };
        let lerp = |p: f64, q: f64| p + t * (q - p);
        (lerp(self.xs[i], self.xs[i2]), lerp(self.ys[j], self.ys[j2]))
    }
}

/// Joins segments that share an edge key into chains of keys. Each key touches at most two
/// segments (the two cells beside an edge), so a walk never branches.
fn stitch(segments: &[(usize, usize)], n_keys: usize) -> Vec<Vec<usize>> {
    let mut slots = vec![[NONE; 2]; n_keys];
    for (id, &(a, b)) in segments.iter().enumerate() {
        for key in [a, b] {
            if let Some(slot) = slots[key].iter_mut().find(|s| **s == NONE) {
                *slot = id as u32;
            }
        }
    }
    let mut used = vec![false; segments.len()];
    let mut chains = Vec::new();
    for id in 0..segments.len() {
        if used[id] {
            continue;
        }
        used[id] = true;
        let (a, b) = segments[id];
        let forward = walk(b, segments, &slots, &mut used);
        let backward = walk(a, segments, &slots, &mut used);
        let mut chain: Vec<usize> = backward.into_iter().rev().collect();
        chain.extend([a, b]);
        chain.extend(forward);
        chains.push(chain);
    }
    chains
}

/// The keys reached from `key` through unused segments, marking them used.
fn walk(
    mut key: usize,
    segments: &[(usize, usize)],
    slots: &[[u32; 2]],
    used: &mut [bool],
) -> Vec<usize> {
    let mut out = Vec::new();
    while let Some(&id) = slots[key].iter().find(|&&s| s != NONE && !used[s as usize]) {
        let id = id as usize;
        used[id] = true;
        let (a, b) = segments[id];
        key = if a == key { b } else { a };
        out.push(key);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `f` sampled on an `n` × `n` grid over [-1, 1]².
    fn field(n: usize, f: impl Fn(f64, f64) -> f64) -> Field {
        let xs: Vec<f64> = (0..n)
            .map(|i| -1.0 + 2.0 * i as f64 / (n - 1) as f64)
            .collect();
        let values = xs
            .iter()
            .flat_map(|&y| xs.iter().map(move |&x| (x, y)))
            .map(|(x, y)| f(x, y))
            .collect();
        Field {
            ys: xs.clone(),
            xs,
            values,
        }
    }

    fn on_border((x, y): (f64, f64)) -> bool {
        x.abs() == 1.0 || y.abs() == 1.0
    }

    #[test]
    fn a_saddle_cell_keeps_the_two_branches_apart() {
        // x·y is bilinear, so the lines are exact on every edge. With four intervals a side the
        // saddle point sits inside the middle cell, whose four edges all cross the level.
        let f = field(4, |x, y| x * y);
        for level in [0.05, -0.05] {
            let lines = f.isolines(level);
            assert_eq!(lines.len(), 2, "two hyperbola branches at {level}");
            for line in &lines {
                assert!(line.len() >= 3, "each branch crosses several cells");
                for &(x, y) in line {
                    assert!((x * y - level).abs() < 1e-12, "({x}, {y}) is off the level");
                }
                // A branch stays in one quadrant: joining across the saddle would cross it.
                let quadrant = |(x, y): (f64, f64)| (x > 0.0, y > 0.0);
                assert!(line.iter().all(|&p| quadrant(p) == quadrant(line[0])));
                assert!(on_border(line[0]) && on_border(line[line.len() - 1]));
            }
            assert_ne!(lines[0][0].0.signum(), lines[1][0].0.signum());
        }
    }

    #[test]
    fn a_bowl_gives_one_closed_ring_around_its_bottom() {
        let f = field(9, |x, y| x * x + y * y);
        let lines = f.isolines(0.5);
        assert_eq!(lines.len(), 1);
        let ring = &lines[0];
        assert_eq!(ring.first(), ring.last(), "the ring closes on itself");
        // Linear interpolation of x² along an edge of length h errs by at most h²/4.
        let h = 0.25;
        for &(x, y) in ring {
            assert!((x * x + y * y - 0.5).abs() <= h * h / 4.0 + 1e-12);
        }
        let turn: f64 = ring
            .windows(2)
            .map(|p| {
                let d = p[1].1.atan2(p[1].0) - p[0].1.atan2(p[0].0);
                (d + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU) - std::f64::consts::PI
            })
            .sum();
        assert!(
            (turn.abs() - std::f64::consts::TAU).abs() < 1e-9,
            "winds once around the bottom: {turn}"
        );
    }
}
