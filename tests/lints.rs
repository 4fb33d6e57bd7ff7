//! The lab's code is safe Rust. The workspace denies `unsafe_code` rather than forbidding it
//! only so that `web::libm` can define the C math names (`#[no_mangle]`); no other file may
//! allow it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn only_web_libm_allows_unsafe_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches", "examples", "xtask", "e2e"] {
        if root.join(dir).is_dir() {
            rust_files(&root.join(dir), &mut files);
        }
    }
    assert!(
        files.len() > 100,
        "the tree was read: {} files",
        files.len()
    );
    let allowing: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).expect("read");
            text.lines().any(|l| {
                let l = l.trim_start();
                l.starts_with("#![allow(unsafe_code)]") || l.starts_with("#[allow(unsafe_code)]")
            })
        })
        .map(|f| f.strip_prefix(root).unwrap_or(f).display().to_string())
        .collect();
    assert_eq!(allowing, ["src/web/libm.rs"]);
}
