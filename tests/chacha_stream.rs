//! The lab draws its data and its shuffles from `chacha20`'s ChaCha8; they were first drawn
//! from `rand_chacha`'s. Every shared link and course page relies on a seed meaning the same
//! numbers, so the two must give the same stream: word for word, for any seed, however the
//! words are asked for (the normal and uniform samplers ask for 32- and 64-bit words).
#![cfg(not(target_arch = "wasm32"))]

use chacha20::rand_core::{Rng, SeedableRng};

mod common;

/// Seeds at the edges and a spread of others (a xorshift sequence).
fn seeds() -> Vec<u64> {
    let mut seeds = vec![0, 1, 7, 42, 9_007_199_254_740_991, u64::MAX];
    seeds.extend(std::iter::repeat_with(common::xorshift(0x9e37_79b9_7f4a_7c15)).take(200));
    seeds
}

#[test]
fn chacha20_gives_rand_chachas_stream() {
    for seed in seeds() {
        let mut ours = chacha20::ChaCha8Rng::seed_from_u64(seed);
        let mut first = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        // Mixed widths across several 256-byte blocks, so a word split over two calls or two
        // blocks is read the same way.
        for step in 0..700u32 {
            match step % 5 {
                0 | 3 => assert_eq!(
                    ours.next_u32(),
                    first.next_u32(),
                    "seed {seed}, step {step}"
                ),
                4 => {
                    let (mut a, mut b) = ([0u8; 13], [0u8; 13]);
                    ours.fill_bytes(&mut a);
                    first.fill_bytes(&mut b);
                    assert_eq!(a, b, "seed {seed}, step {step}");
                }
                _ => assert_eq!(
                    ours.next_u64(),
                    first.next_u64(),
                    "seed {seed}, step {step}"
                ),
            }
        }
    }
}

#[test]
fn the_lab_data_is_rand_chachas() {
    use gd_lab::model::{generate, DataSpec};
    use rand_distr::{Distribution, StandardNormal};
    for seed in seeds().into_iter().take(40) {
        let spec = DataSpec {
            seed,
            n: 300,
            noise: 0.7,
            ..DataSpec::default()
        };
        let data = generate(&spec).expect("data");
        // The same points, their noise drawn from rand_chacha, to the last bit.
        let mut first = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        for (i, (y, t)) in data.samples.y().iter().zip(&data.truth).enumerate() {
            let e: f64 = StandardNormal.sample(&mut first);
            assert_eq!(
                y.to_bits(),
                (t + 0.7 * e).to_bits(),
                "seed {seed}, point {i}"
            );
        }
    }
}
