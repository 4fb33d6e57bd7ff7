//! The harness's errors: `anyhow`'s, with a message written for whoever reads a failed test.
//! [`Error::msg`] makes one from words, `.context(…)` says what was being done.

pub use anyhow::{bail, ensure, Context, Error, Result};
