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
    Ok(cmd(
        "trunk",
        &["build", "--release", "--offline", "--dist", out],
    ))
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
