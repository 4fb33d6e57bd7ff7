//! Mini-batches: which points update k learns from, prepared once and reused.
//!
//! Without a seed the batches are points [0, B), [B, 2B), … in order, the last one shorter
//! when B does not divide n, then again from the start: what PyTorch's
//! `DataLoader(dataset, batch_size=B, shuffle=False)` yields when iterated again and again.
//! With a seed each pass over the data takes its own permutation, drawn from ChaCha8 (the
//! stream `makeData` uses); it is not PyTorch's generator, so shuffled runs are ours alone.

use chacha20::rand_core::SeedableRng;
use chacha20::ChaCha8Rng;
use rand_distr::{Distribution, Uniform};

use super::data::Samples;
use super::limits::{self, InputError};
use super::objective::Objective;

/// How a run splits the data into batches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Batching {
    /// Points per batch, 1 to n; `None` means all the points (full-batch descent).
    pub batch_size: Option<usize>,
    /// Seed of the permutation each pass takes; `None` keeps the data's order.
    pub shuffle_seed: Option<u64>,
}

impl Batching {
    /// The batch size for `n` points, checked to lie in 1..=n (field `batchSize`).
    pub fn size(&self, n: usize) -> Result<usize, InputError> {
        match self.batch_size {
            None => Ok(n),
            Some(b) => limits::count("batchSize", b, 1, n),
        }
    }

    /// Checks the batch size against `n` points and the seed's range.
    pub fn validate(&self, n: usize) -> Result<(), InputError> {
        self.size(n)?;
        if let Some(seed) = self.shuffle_seed {
            limits::seed("shuffleSeed", seed as f64)?;
        }
        Ok(())
    }
}

/// The batches of a run, each prepared when first needed and kept: without shuffling every
/// batch is prepared at most once, with shuffling once per pass.
pub struct Batches<'a, O: Objective> {
    objective: &'a O,
    samples: &'a Samples,
    size: usize,
    /// The permutation's generator and the current pass's order, when shuffling.
    shuffle: Option<(ChaCha8Rng, Vec<usize>)>,
    /// The pass whose batches `prepared` holds.
    pass: usize,
    prepared: Vec<O::Batch>,
    /// Gathering buffers for a shuffled batch.
    scratch: (Vec<f64>, Vec<f64>),
}

impl<'a, O: Objective> Batches<'a, O> {
    /// The batches of `samples` under `batching`, checked first.
    pub fn new(
        objective: &'a O,
        samples: &'a Samples,
        batching: &Batching,
    ) -> Result<Self, InputError> {
        batching.validate(samples.len())?;
        let size = batching.size(samples.len())?;
        let shuffle = batching.shuffle_seed.map(|seed| {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let order = permutation(&mut rng, samples.len());
            (rng, order)
        });
        Ok(Self {
            objective,
            samples,
            size,
            shuffle,
            pass: 0,
            prepared: Vec::new(),
            scratch: (Vec::new(), Vec::new()),
        })
    }

    /// Batches per pass, ⌈n/B⌉.
    pub fn per_pass(&self) -> usize {
        self.samples.len().div_ceil(self.size)
    }

    /// The batch that update `k` (from 0) uses. Updates must come in order for shuffled runs:
    /// a new pass draws the next permutation.
    pub fn get(&mut self, k: usize) -> &O::Batch {
        let per_pass = self.per_pass();
        let (pass, j) = (k / per_pass, k % per_pass);
        if pass != self.pass && self.shuffle.is_some() {
            if let Some((rng, order)) = &mut self.shuffle {
                *order = permutation(rng, order.len());
            }
            self.prepared.clear();
        }
        self.pass = pass;
        while self.prepared.len() <= j {
            let batch = self.prepare(self.prepared.len());
            self.prepared.push(batch);
        }
        &self.prepared[j]
    }

    fn prepare(&mut self, j: usize) -> O::Batch {
        let (x, y) = (self.samples.x(), self.samples.y());
        let range = j * self.size..((j + 1) * self.size).min(x.len());
        match &self.shuffle {
            None => self.objective.batch(&x[range.clone()], &y[range]),
            Some((_, order)) => {
                let (bx, by) = &mut self.scratch;
                bx.clear();
                by.clear();
                bx.extend(order[range.clone()].iter().map(|&i| x[i]));
                by.extend(order[range].iter().map(|&i| y[i]));
                self.objective.batch(bx, by)
            }
        }
    }
}

/// The order of the points in each of the first `passes` passes of a run shuffled with
/// `seed`: the very permutations [`Batches`] draws, for code that replays them elsewhere.
pub fn pass_orders(n: usize, seed: u64, passes: usize) -> Vec<Vec<usize>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..passes).map(|_| permutation(&mut rng, n)).collect()
}

/// A uniformly random permutation of 0..n (Fisher–Yates, from the back).
fn permutation(rng: &mut ChaCha8Rng, n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        // An unbiased draw from 0..=i; the bounds are valid, so the fallback never runs.
        let j = Uniform::new_inclusive(0, i as u64).map_or(0, |u| u.sample(rng));
        order.swap(i, j as usize);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CostQuadratic;

    fn samples(n: usize) -> Samples {
        let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
        Samples::new(x.clone(), x).expect("valid")
    }

    #[test]
    fn batches_follow_the_data_loader_and_the_last_is_shorter() {
        let s = samples(60);
        let q = CostQuadratic::new(&s).expect("finite");
        let batching = Batching {
            batch_size: Some(7),
            shuffle_seed: None,
        };
        let mut batches = Batches::new(&q, &s, &batching).expect("valid");
        assert_eq!(batches.per_pass(), 9);
        assert_eq!(batches.get(0).n, 7);
        assert_eq!(batches.get(8).n, 4);
        assert_eq!(batches.get(8).mean_x, 57.5);
        assert_eq!(batches.get(9).mean_x, 3.0);
    }

    #[test]
    fn shuffled_passes_cover_every_point_once() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let mut order = permutation(&mut rng, 100);
        assert_ne!(order, (0..100).collect::<Vec<_>>());
        order.sort_unstable();
        assert_eq!(order, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn refuses_batch_sizes_outside_one_to_n() {
        let s = samples(10);
        let q = CostQuadratic::new(&s).expect("finite");
        for size in [0, 11] {
            let batching = Batching {
                batch_size: Some(size),
                shuffle_seed: None,
            };
            let err = Batches::new(&q, &s, &batching).err().expect("refused");
            assert_eq!(err.field, "batchSize");
        }
    }
}
