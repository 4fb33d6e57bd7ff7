//! Waiting for a condition: the one loop behind every wait of the harness.

use std::time::{Duration, Instant};

use crate::Result;

/// Calls `check` every `every` until it gives `Some`, or until `timeout` passed (then
/// `Ok(None)`, for the caller to say what it waited for). An error from `check` ends the wait.
pub fn poll<T>(
    timeout: Duration,
    every: Duration,
    mut check: impl FnMut() -> Result<Option<T>>,
) -> Result<Option<T>> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = check()? {
            return Ok(Some(value));
        }
        if Instant::now() > deadline {
            return Ok(None);
        }
        std::thread::sleep(every);
    }
}
