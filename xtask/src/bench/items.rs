//! The module's largest items (function bodies and data segments), read from a module that
//! kept its names: `cargo xtask items [MODULE.wasm]`, and a section of `cargo xtask bench`.
//!
//! The shipped module is stripped, so the names come from a second build of the same code
//! with `CARGO_PROFILE_WEB_STRIP=false`, into its own target folder so trunk's cache stays
//! warm, then through wasm-bindgen as trunk does (it keeps the names): the items are the
//! shipped module's, byte for byte, only named.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

use crate::setup::{self, Needs};
use crate::util::{self, cmd, Result};

/// How many items the list shows.
pub const TOP: usize = 10;
/// The named build's target folder, under cargo's output folder.
const NAMED_TARGET: &str = "named";

/// One function body or data segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Its demangled name without the hash, or `data[i]` / `code[i]` when it has none.
    pub name: String,
    /// Its bytes in the module.
    pub bytes: usize,
}

/// `cargo xtask items [MODULE.wasm]`: the given module's largest items, or the lab's.
pub fn command(args: &[String]) -> Result<()> {
    let module = match args {
        [] => {
            setup::ensure(Needs { browser: false })?;
            build_named()?
        }
        [path] => PathBuf::from(path),
        _ => return Err("usage: cargo xtask items [MODULE.wasm]".into()),
    };
    println!("{}", table(&module)?);
    Ok(())
}

/// Builds the lab's module with its names kept (the wasm target and wasm-bindgen must be
/// there: see `setup::ensure`); returns its path.
pub fn build_named() -> Result<PathBuf> {
    let target = super::target_dir().join(NAMED_TARGET);
    let mut build = cmd(
        "cargo",
        &[
            "build",
            "--profile",
            "web",
            "--target",
            "wasm32-unknown-unknown",
            "--lib",
        ],
    );
    crate::dist::small_std(&mut build)
        .env("CARGO_PROFILE_WEB_STRIP", "false")
        .env("CARGO_TARGET_DIR", &target);
    util::run(&mut build)?;
    let linked = target.join("wasm32-unknown-unknown/web/gd_lab.wasm");
    let out = target.join("bindgen");
    let mut bindgen = cmd("wasm-bindgen", &["--target", "web", "--out-dir"]);
    bindgen.arg(&out).arg(&linked);
    util::run(&mut bindgen)?;
    // In the shipped order (`cargo xtask pack`), so each body is the shipped one.
    let module = out.join("gd_lab_bg.wasm");
    util::write(
        &module,
        crate::order::ordered_for_gzip(&util::read_bytes(&module)?)?,
    )?;
    Ok(module)
}

/// The [`TOP`] largest items of `module` as a text table, with the module's size.
pub fn table(module: &Path) -> Result<String> {
    let bytes = util::read_bytes(module)?;
    let items = items(&bytes)?;
    let code: usize = items.iter().map(|i| i.bytes).sum();
    let mut out = format!(
        "{} items, {} B of code and data in {} ({} B)\n   bytes  share  item\n",
        items.len(),
        code,
        module.display(),
        bytes.len()
    );
    for item in items.iter().take(TOP) {
        let share = 100.0 * item.bytes as f64 / code.max(1) as f64;
        out += &format!("{:>8} {share:>5.1}%  {}\n", item.bytes, shorten(&item.name));
    }
    Ok(out)
}

/// Every function body and data segment of a module, largest first.
pub fn items(module: &[u8]) -> Result<Vec<Item>> {
    let mut imported = 0u32;
    let mut bodies = Vec::new();
    let mut items = Vec::new();
    let mut names = HashMap::new();
    for payload in Parser::new(0).parse_all(module) {
        match payload.map_err(|e| format!("not a module: {e}"))? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(|e| e.to_string())?;
                    imported += u32::from(matches!(
                        import.ty,
                        TypeRef::Func(_) | TypeRef::FuncExact(_)
                    ));
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len()),
            Payload::DataSection(reader) => {
                for (i, data) in reader.into_iter().enumerate() {
                    let data = data.map_err(|e| e.to_string())?;
                    items.push(Item {
                        name: format!("data[{i}]"),
                        bytes: data.range.len(),
                    });
                }
            }
            Payload::CustomSection(section) => {
                if let KnownCustom::Name(reader) = section.as_known() {
                    read_function_names(reader, &mut names)?;
                }
            }
            _ => {}
        }
    }
    items.extend(bodies.into_iter().enumerate().map(|(i, bytes)| {
        let index = imported + i as u32;
        let name = names
            .remove(&index)
            .unwrap_or_else(|| format!("code[{index}]"));
        Item { name, bytes }
    }));
    items.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    Ok(items)
}

/// The name section's function names, demangled and without their hashes.
fn read_function_names(
    reader: wasmparser::NameSectionReader<'_>,
    into: &mut HashMap<u32, String>,
) -> Result<()> {
    for name in reader {
        if let Name::Function(map) = name.map_err(|e| e.to_string())? {
            for naming in map {
                let naming = naming.map_err(|e| e.to_string())?;
                into.insert(naming.index, readable(naming.name));
            }
        }
    }
    Ok(())
}

/// A symbol as a reader knows it: demangled if it is mangled, and without the hashes that
/// wasm-bindgen's demangled names keep (`core[c593…]::`, a trailing `::h839e…`).
fn readable(symbol: &str) -> String {
    let demangled = format!("{:#}", rustc_demangle::demangle(symbol));
    let mut out = String::with_capacity(demangled.len());
    let mut rest = demangled.as_str();
    while let Some(open) = rest.find('[') {
        let hash = rest[open + 1..].split(']').next().unwrap_or("");
        out += &rest[..open];
        if is_hash(hash) && rest[open + 1 + hash.len()..].starts_with(']') {
            rest = &rest[open + hash.len() + 2..];
        } else {
            out.push('[');
            rest = &rest[open + 1..];
        }
    }
    out += rest;
    match out.rsplit_once("::h") {
        Some((path, hash)) if hash.len() == 16 && is_hash(hash) => path.to_string(),
        _ => out,
    }
}

/// A crate or symbol hash: hexadecimal digits, at least eight.
fn is_hash(text: &str) -> bool {
    text.len() >= 8 && text.chars().all(|c| c.is_ascii_hexdigit())
}

/// A name cut to one table line.
fn shorten(name: &str) -> String {
    const MAX: usize = 100;
    if name.chars().count() <= MAX {
        return name.to_string();
    }
    let cut: String = name.chars().take(MAX - 1).collect();
    cut + "…"
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A module with one imported function, two defined ones (one named) and a data segment.
    pub(crate) const MODULE: &[u8] = &[
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
        0x02, 0x07, 0x01, 0x01, b'm', 0x01, b'f', 0x00, 0x00, // import m.f
        0x03, 0x03, 0x02, 0x00, 0x00, // two functions
        0x05, 0x03, 0x01, 0x00, 0x01, // one memory
        0x0a, 0x0b, 0x02, // code: two bodies
        0x02, 0x00, 0x0b, // body 0: 2 bytes after its size
        0x06, 0x00, 0x01, 0x01, 0x01, 0x01, 0x0b, // body 1: nops, 6 bytes
        0x0b, 0x09, 0x01, 0x00, 0x41, 0x00, 0x0b, 0x03, b'a', b'b', b'c', // data "abc"
        // name section: function 2 is "big"
        0x00, 0x0d, 0x04, b'n', b'a', b'm', b'e', 0x01, 0x06, 0x01, 0x02, 0x03, b'b', b'i', b'g',
    ];

    #[test]
    fn items_are_named_by_their_index_past_the_imports_and_sorted() {
        let items = items(MODULE).unwrap();
        let listed: Vec<(&str, usize)> = items.iter().map(|i| (i.name.as_str(), i.bytes)).collect();
        assert_eq!(listed, [("data[0]", 8), ("big", 6), ("code[1]", 2)]);
        assert!(
            super::items(b"\0asm\x01\0\0\0\x0a").is_err(),
            "a cut section is an error"
        );
    }

    #[test]
    fn names_lose_their_hashes_but_keep_their_brackets() {
        let named = "core[c5930c85a12de822]::num::flt2dec::format_shortest::h839e5a2c99896cc4";
        assert_eq!(readable(named), "core::num::flt2dec::format_shortest");
        assert_eq!(readable("<[T] as Foo>::x"), "<[T] as Foo>::x");
        assert_eq!(readable("_ZN3foo3bar17h0123456789abcdefE"), "foo::bar");
        assert_eq!(readable("a[12]::b::hxyz"), "a[12]::b::hxyz");
    }

    #[test]
    fn long_names_are_cut_to_one_line() {
        assert_eq!(shorten("a::b"), "a::b");
        let long = "x".repeat(300);
        assert_eq!(shorten(&long).chars().count(), 100);
    }
}
