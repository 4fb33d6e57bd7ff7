//! `cargo xtask dist [--out DIR]`: the release site as a folder of static files.

use crate::setup::{self, Needs};
use crate::util::{self, cmd, option_value, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds the site into DIR (default `dist/` at the repository root) and lists what it holds.
pub fn command(args: &[String]) -> Result<()> {
    let out = match option_value(args, "out")? {
        Some(dir) => absolute(Path::new(&dir))?,
        None => util::repo_root().join("dist"),
    };
    setup::ensure(Needs { browser: false })?;
    util::run(&mut trunk_build(&out)?)?;
    report(&out)
}

/// `trunk build --release --offline --dist OUT`; trunk replaces what OUT held.
pub fn trunk_build(out: &Path) -> Result<Command> {
    refuse_dangerous(out)?;
    let out = out
        .to_str()
        .ok_or("the output folder's path is not UTF-8")?;
    let mut build = cmd("trunk", &["build", "--release", "--offline", "--dist", out]);
    small_std(&mut build);
    Ok(build)
}

/// The standard library the site's module links, compiled with it for size; each setting's
/// gzipped saving on the site's module, measured 2026-12-07 (rustc 1.95):
/// - `build-std` with `optimize_for_size`: std, core and alloc compiled by this build, with
///   their smaller code paths (−6.3 KB);
/// - `-Cpanic=immediate-abort`: a panic is a trap, without the message formatting and the
///   panic handler behind every bounds check and `expect` (−7.1 KB);
/// - `-Zlocation-detail=none`: no source file names for panics that cannot print (−1.2 KB).
///
/// These are unstable cargo and rustc options; `RUSTC_BOOTSTRAP=1` lets the stable
/// toolchain take them. They apply to the wasm target only (build scripts, native tests and
/// the wasm tests build as usual), and need the `rust-src` component (`cargo xtask setup`).
/// Without them the same code builds, about 14.5 KB larger.
pub fn small_std(build: &mut Command) -> &mut Command {
    build
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none",
        )
}

/// `dir` made absolute against the current directory (where `cargo xtask` was run).
fn absolute(dir: &Path) -> Result<PathBuf> {
    let cwd = std::env::current_dir().map_err(|e| format!("no current directory: {e}"))?;
    Ok(cwd.join(dir))
}

/// Trunk empties its output folder: never let that be the repository or a folder above it.
fn refuse_dangerous(out: &Path) -> Result<()> {
    let root = util::repo_root();
    let out_real = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
    let root_real = root.canonicalize().unwrap_or(root);
    if root_real.starts_with(&out_real) {
        return Err(format!(
            "refusing to build into {}: trunk would empty it, and it holds the repository",
            out.display()
        ));
    }
    Ok(())
}

/// Prints the folder, each file with its size, and what to do with it.
fn report(out: &Path) -> Result<()> {
    let mut files = Vec::new();
    list_files(out, &mut files)?;
    files.sort();
    println!("\nThe site is in {}:", out.display());
    let mut total = 0;
    for (path, size) in &files {
        let shown = path.strip_prefix(out).unwrap_or(path);
        println!("  {:>10}  {}", human_size(*size), shown.display());
        total += size;
    }
    println!("  {:>10}  total, {} files", human_size(total), files.len());
    println!("\nCopy this folder to any static host (its URLs are relative, so any path works).");
    Ok(())
}

/// Every file under `dir`, recursively, with its size in bytes.
fn list_files(dir: &Path, into: &mut Vec<(PathBuf, u64)>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let meta = entry.metadata().map_err(|e| format!("{e}"))?;
        if meta.is_dir() {
            list_files(&entry.path(), into)?;
        } else {
            into.push((entry.path(), meta.len()));
        }
    }
    Ok(())
}

/// `812 B`, `18.4 KB`, `1.2 MB` (powers of 1024).
fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}
