//! The sizes of the site's files, raw and gzipped, by kind.

use super::*;

/// The file kinds the size rows group by.
pub(super) const KINDS: [(&str, &[&str]); 4] = [
    ("wasm", &["wasm"]),
    ("JS", &["js", "mjs"]),
    ("HTML", &["html"]),
    ("CSS", &["css"]),
];

/// One kind of file's count and bytes, raw and gzipped.
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Size {
    pub(super) kind: String,
    pub(super) files: Vec<String>,
    pub(super) raw: u64,
    pub(super) gzip: u64,
}

/// The sizes of the files in `dist`, one entry per kind (wasm, JS, HTML, CSS, other).
pub(super) fn sizes(dist: &Path) -> Result<Vec<Size>> {
    let mut files = Vec::new();
    list_files(dist, &mut files)?;
    files.sort();
    let mut sizes: Vec<Size> = KINDS
        .iter()
        .map(|(kind, _)| kind.to_string())
        .chain(["other".to_string()])
        .map(|kind| Size {
            kind,
            ..Size::default()
        })
        .collect();
    for file in files {
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        let slot = KINDS
            .iter()
            .position(|(_, exts)| exts.contains(&ext))
            .unwrap_or(KINDS.len());
        let size = &mut sizes[slot];
        size.raw += std::fs::metadata(&file).map_err(|e| e.to_string())?.len();
        size.gzip += gzipped_len(&file)?;
        let name = file.strip_prefix(dist).unwrap_or(&file);
        size.files.push(name.display().to_string());
    }
    Ok(sizes)
}

/// Every file under `dir`, recursively.
pub(super) fn list_files(dir: &Path, into: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let ext = path.extension().and_then(|e| e.to_str());
        if path.is_dir() {
            list_files(&path, into)?;
        } else if !matches!(ext, Some("gz" | "br")) {
            // Pre-compressed copies for static hosts are not what a browser downloads twice.
            into.push(path);
        }
    }
    Ok(())
}

/// The length of `file` compressed by `gzip -9` (no name or time stamp in the header).
pub(super) fn gzipped_len(file: &Path) -> Result<u64> {
    let out = std::process::Command::new("gzip")
        .arg("-9nc")
        .arg(file)
        .output()
        .map_err(|e| format!("could not run gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip failed on {}", file.display()));
    }
    Ok(out.stdout.len() as u64)
}
