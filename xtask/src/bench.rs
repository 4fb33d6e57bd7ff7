//! `cargo xtask bench [-- ARGS]`: the engine's criterion benchmarks.
//!
//! For now this runs one bench target natively (no wasm, no browser, so no setup).

use crate::util::{self, cmd, Result};

/// Runs `cargo bench --bench engine`, passing any ARGS after `--` on to criterion.
pub fn command(args: &[String]) -> Result<()> {
    let extra = match args {
        [] => &[][..],
        [sep, rest @ ..] if sep == "--" => rest,
        [other, ..] => return Err(format!("unexpected argument `{other}` (use `-- ARGS`)")),
    };
    println!("Running the engine benchmarks (release profile, native); this takes a few minutes.");
    let mut command = cmd("cargo", &["bench", "--bench", "engine"]);
    if !extra.is_empty() {
        command.arg("--").args(extra);
    }
    util::run(&mut command)?;
    println!("\nBenchmarks done; criterion keeps its results under target/criterion/.");
    Ok(())
}
