//! `cargo xtask pack [DIR]`: trunk's post-build hook (`Trunk.toml`), which packs the staged
//! site (`DIR` or trunk's `TRUNK_STAGING_DIR`) for gzip. For each module:
//!
//! - every custom section goes (`name`, `producers`, `target_features`: metadata that no
//!   browser reads). wasm-bindgen writes a name section (the names of the glue's imports and
//!   of its own functions: about 9 KB, 1.2 KB gzipped) and trunk cannot pass it
//!   `--remove-name-section`;
//! - the imports get short names, in the module and in its glue (`imports.rs`: 7.3 KB
//!   gzipped for the two);
//! - the functions are reordered so look-alikes sit together (`order.rs`: 7.5 KB gzipped);
//! - the glue imports `Math` functions as themselves, not through wrappers (`math.rs`);
//! - the result is validated, so a packing fault fails the build, not the page.
//!
//! Then every JavaScript file is minified (`minify.rs`). One hook does it all because trunk
//! runs a stage's hooks at the same time, and the glue is both renamed and minified.
//!
//! `cargo xtask items` builds its own named module and orders it the same way, so it keeps
//! the names it lists.

use std::path::{Path, PathBuf};

use wasmparser::{Parser, Payload};

use crate::util::{self, Result};
use crate::{imports, math, minify, order};

/// Packs each module of the staged site with its glue, then minifies every script. A debug
/// build of trunk's (`trunk serve` without `--release`) is left as built, like trunk's own
/// minifying (`on_release`): its names serve stack traces, and ordering its much larger
/// module would take most of a minute.
pub fn command(args: &[String]) -> Result<()> {
    if args.is_empty() && std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "debug") {
        println!("pack: a debug build, left as built");
        return Ok(());
    }
    for path in util::staged_files("pack", args, "wasm")? {
        pack_module(&path)?;
    }
    for path in util::staged_files("pack", args, "js")? {
        let text = util::read_text(&path)?;
        let small = minify::minified(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        util::write(&path, small)?;
    }
    Ok(())
}

/// Packs one module and, when it is there, its glue: `x.js` beside `x_bg.wasm`.
fn pack_module(path: &Path) -> Result<()> {
    let mut module = without_custom_sections(&util::read_bytes(path)?)?;
    let mut glue = None;
    if let Some(glue_path) = glue_of(path).filter(|g| g.exists()) {
        let (text, direct) = math::direct(&util::read_text(&glue_path)?)?;
        println!("pack: {direct} imports of Math made direct");
        let (renamed, text) = imports::shortened(&module, &text)?;
        module = renamed;
        glue = Some((glue_path, text));
    }
    let packed = order::ordered_for_gzip(&module)?;
    validate(&packed).map_err(|e| format!("{}: packed, it is not valid: {e}", path.display()))?;
    util::write(path, packed)?;
    match glue {
        Some((glue_path, text)) => util::write(&glue_path, text),
        None => Ok(()),
    }
}

/// The glue wasm-bindgen writes beside `x_bg.wasm`: `x.js`.
fn glue_of(module: &Path) -> Option<PathBuf> {
    let stem = module.file_stem()?.to_str()?.strip_suffix("_bg")?;
    Some(module.with_file_name(format!("{stem}.js")))
}

/// Checks `module` as a browser would before running it (every feature wasmparser knows on:
/// the check is of the packing, not of which features the module uses).
pub fn validate(module: &[u8]) -> Result<()> {
    let mut validator = wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all());
    validator
        .validate_all(module)
        .map(drop)
        .map_err(|e| e.to_string())
}

/// `module` with its custom sections left out; every other section byte for byte.
pub fn without_custom_sections(module: &[u8]) -> Result<Vec<u8>> {
    let mut out = module.get(..8).ok_or("not a WebAssembly module")?.to_vec();
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload.map_err(|e| format!("reading the module: {e}"))?;
        if matches!(payload, Payload::CustomSection(_)) {
            continue;
        }
        if let Some((id, range)) = payload.as_section() {
            out.push(id);
            push_leb128(&mut out, range.len());
            out.extend_from_slice(&module[range]);
        }
    }
    Ok(out)
}

/// Appends `value` as an unsigned LEB128 number (a section's size).
fn push_leb128(out: &mut Vec<u8>, mut value: usize) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::items::{items, tests::MODULE};

    #[test]
    fn only_the_custom_sections_go() {
        let stripped = without_custom_sections(MODULE).unwrap();
        let name_section = 15;
        assert_eq!(stripped.len(), MODULE.len() - name_section);
        assert_eq!(stripped[..], MODULE[..MODULE.len() - name_section]);
        let listed: Vec<(String, usize)> = items(&stripped)
            .unwrap()
            .into_iter()
            .map(|i| (i.name, i.bytes))
            .collect();
        // The same bodies, now without the name the section gave one of them.
        assert_eq!(
            listed,
            [
                ("data[0]".into(), 8),
                ("code[2]".into(), 6),
                ("code[1]".into(), 2)
            ]
        );
        assert!(without_custom_sections(b"\0asm").is_err());
    }

    #[test]
    fn sizes_are_leb128() {
        for (value, bytes) in [
            (0, vec![0]),
            (127, vec![0x7f]),
            (128, vec![0x80, 0x01]),
            (624_485, vec![0xe5, 0x8e, 0x26]),
        ] {
            let mut out = Vec::new();
            push_leb128(&mut out, value);
            assert_eq!(out, bytes, "{value}");
        }
    }
}
