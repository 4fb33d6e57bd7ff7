//! Marching squares: the iso-cost lines of a grid, stitched into polylines in data units.
//!
//! Hand-rolled rather than the `contour` crate: that crate (a d3-contour port, built for
//! filled polygons) pads the grid, so the lines of a bowl whose rim lies above the level come
//! back as rings running along the grid's border, which would need filtering; it works in
//! pixel-centre coordinates; and it adds geo-types, slab, rustc-hash, lazy_static and a
//! proc-macro chain (~28 KB of wasm, 11 KB gzipped, in a standalone size test). This file is
//! the ~100 lines the figures need: linear interpolation on cell edges, the saddle resolved
//! by the cell's mean, and segments joined into polylines through their shared edges.

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
        let t = ((level - a) / (b - a)).clamp(0.0, 1.0);
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
