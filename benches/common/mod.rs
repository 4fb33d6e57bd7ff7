//! What every benchmark file shares.

use criterion::Criterion;
use std::time::Duration;

/// Short runs: ten samples of two seconds, enough for the figures `cargo xtask bench` prints.
pub fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
}
