//! Short names for the module's imports. wasm-bindgen names each import after what it calls
//! plus a 16-digit hash (`__wbg_fillRect_e1f0b9915220348b`), and every name is written
//! twice: in the module's import section and as a key of the glue's import object. The
//! hashes are random digits gzip cannot shrink; the lab's module imports over 200
//! functions, so short names (`A`, `B`, …, `Aa`, …) make the module 4.3 KB and the glue
//! 3 KB smaller gzipped. The module name (`"./gd-lab_bg.js"`, once per import) becomes
//! short too.
//!
//! A name is renamed only where the glue holds it exactly once, as a whole identifier (or,
//! for a module name, as one quoted string): that one place is the import object's key, so
//! the two files still agree. Any other name keeps its own.

use std::collections::{HashMap, HashSet};

use wasm_encoder::reencode::{Error, Reencode};
use wasm_encoder::{EntityType, ImportSection, Module};
use wasmparser::{ImportSectionReader, Parser, Payload};

use crate::util::Result;

/// `module` and its `glue` with the imports renamed short (see the module's doc).
pub fn shortened(module: &[u8], glue: &str) -> Result<(Vec<u8>, String)> {
    let imports = imports(module)?;
    let mut fields: Vec<&str> = imports.iter().map(|(_, f)| f.as_str()).collect();
    let mut modules: Vec<&str> = imports.iter().map(|(m, _)| m.as_str()).collect();
    for list in [&mut fields, &mut modules] {
        list.sort_unstable();
        list.dedup();
    }
    let mut edits = Vec::new();
    let fields = renames(&fields, |name| identifiers(glue, name), &mut edits);
    let modules = renames(&modules, |name| quoted(glue, name), &mut edits);
    let mut rename = Rename { fields, modules };
    let mut out = Module::new();
    rename
        .parse_core_module(&mut out, Parser::new(0), module)
        .map_err(|e| format!("re-encoding the module: {e}"))?;
    Ok((out.finish(), edited(glue, edits)?))
}

/// Each import's module and name.
fn imports(module: &[u8]) -> Result<Vec<(String, String)>> {
    let mut all = Vec::new();
    for payload in Parser::new(0).parse_all(module) {
        if let Payload::ImportSection(section) = payload.map_err(|e| e.to_string())? {
            for import in section.into_imports() {
                let import = import.map_err(|e| format!("reading an import: {e}"))?;
                all.push((import.module.to_string(), import.name.to_string()));
            }
        }
    }
    Ok(all)
}

/// A short name for each of `names` that `find` finds exactly once in the glue, with the
/// edit that renames it there; the names that are left keep theirs, and no short name is
/// one of them.
fn renames(
    names: &[&str],
    find: impl Fn(&str) -> Vec<(usize, usize)>,
    edits: &mut Vec<(usize, usize, String)>,
) -> HashMap<String, String> {
    let mut taken: HashSet<&str> = names.iter().copied().collect();
    let mut short = (0..).map(short_name);
    let mut renamed = HashMap::new();
    for name in names {
        let [(start, end)] = find(name)[..] else {
            continue;
        };
        let new = short
            .by_ref()
            .find(|s| !taken.contains(s.as_str()))
            .unwrap_or_default();
        taken.remove(name);
        edits.push((start, end, new.clone()));
        renamed.insert(name.to_string(), new);
    }
    renamed
}

/// The `i`-th short name: `A`…`Z`, then `Aa`, `Ab`, …: an upper-case first letter, so never
/// a JavaScript keyword.
fn short_name(i: usize) -> String {
    const REST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    let mut name = String::from(char::from(b'A' + (i % 26) as u8));
    let mut rest = i / 26;
    while rest > 0 {
        rest -= 1;
        name.push(char::from(REST[rest % REST.len()]));
        rest /= REST.len();
    }
    name
}

/// Where `name` stands in `text` as a whole identifier (no letter, digit, `_` or `$` on
/// either side).
fn identifiers(text: &str, name: &str) -> Vec<(usize, usize)> {
    let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
    text.match_indices(name)
        .map(|(at, _)| (at, at + name.len()))
        .filter(|&(at, end)| {
            !part(text[..at].chars().next_back()) && !part(text[end..].chars().next())
        })
        .collect()
}

/// Where `name` stands in `text` as a whole string literal, quotes left out.
fn quoted(text: &str, name: &str) -> Vec<(usize, usize)> {
    ['"', '\'']
        .iter()
        .flat_map(|q| {
            text.match_indices(&format!("{q}{name}{q}"))
                .map(|(at, _)| at)
                .collect::<Vec<_>>()
        })
        .map(|at| (at + 1, at + 1 + name.len()))
        .collect()
}

/// `text` with each `(start, end, new)` edit made; an error if two spans overlap (a module
/// name that is also a field's name, say), where no rename could be trusted.
fn edited(text: &str, mut edits: Vec<(usize, usize, String)>) -> Result<String> {
    edits.sort_unstable_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    let mut limit = text.len();
    for (start, end, new) in edits {
        if end > limit {
            return Err(format!(
                "two import names overlap in the glue at byte {start}"
            ));
        }
        out.replace_range(start..end, &new);
        limit = start;
    }
    Ok(out)
}

/// The re-encoder that writes the import section with the new names.
struct Rename {
    fields: HashMap<String, String>,
    modules: HashMap<String, String>,
}

impl Reencode for Rename {
    type Error = String;

    fn parse_import_section(
        &mut self,
        out: &mut ImportSection,
        section: ImportSectionReader<'_>,
    ) -> std::result::Result<(), Error<String>> {
        for import in section.into_imports() {
            let import = import?;
            let ty: EntityType = self.entity_type(import.ty)?;
            let module = self.modules.get(import.module).map_or(import.module, |m| m);
            let name = self.fields.get(import.name).map_or(import.name, |n| n);
            out.import(module, name, ty);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `__wbg_log_0123456789abcdef`, `__wbg_now_fedcba9876543210` and
    /// `B` from `./x_bg.js`, with one function calling all three.
    fn module() -> Vec<u8> {
        use wasm_encoder::{CodeSection, Function, FunctionSection, Instruction, TypeSection};
        let mut m = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        m.section(&types);
        let mut imports = ImportSection::new();
        for name in [
            "__wbg_log_0123456789abcdef",
            "__wbg_now_fedcba9876543210",
            "B",
        ] {
            imports.import("./x_bg.js", name, EntityType::Function(0));
        }
        m.section(&imports);
        let mut functions = FunctionSection::new();
        functions.function(0);
        m.section(&functions);
        let mut code = CodeSection::new();
        let mut f = Function::new([]);
        for i in 0..3 {
            f.instruction(&Instruction::Call(i));
        }
        f.instruction(&Instruction::End);
        code.function(&f);
        m.section(&code);
        m.finish()
    }

    const GLUE: &str = r#"const import0 = {
    __wbg_log_0123456789abcdef: function(a) { console.log(a); },
    __wbg_now_fedcba9876543210: function() { return Date.now(); },
    B: function() { return B; },
};
const imports = { "./x_bg.js": import0 };
// __wbg_log_0123456789abcdef_2 and x__wbg_now_fedcba9876543210 are other names."#;

    #[test]
    fn names_found_once_in_the_glue_become_short_in_both() {
        let (module, glue) = shortened(&module(), GLUE).unwrap();
        crate::pack::validate(&module).unwrap();
        let names: Vec<(String, String)> = imports(&module).unwrap();
        // `B` is in the glue twice: it keeps its name, and no new name is `B`.
        let expected = [("A", "A"), ("A", "C"), ("A", "B")];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(m, n)| (m.to_string(), n.to_string()))
            .collect();
        assert_eq!(names, expected);
        assert!(
            glue.contains("\n    A: function(a) { console.log(a); },"),
            "{glue}"
        );
        assert!(
            glue.contains("\n    C: function() { return Date.now(); },"),
            "{glue}"
        );
        assert!(glue.contains("B: function() { return B; }"), "{glue}");
        assert!(glue.contains(r#"{ "A": import0 }"#), "{glue}");
        assert!(glue.contains("__wbg_log_0123456789abcdef_2 and x__wbg_now_fedcba9876543210"));
    }

    #[test]
    fn overlapping_renames_are_refused() {
        let edits = vec![(0, 5, "A".to_string()), (1, 3, "B".to_string())];
        assert!(edited("\"wbg\"", edits).is_err());
        let apart = vec![(0, 2, "A".to_string()), (3, 5, "B".to_string())];
        assert_eq!(edited("ab cd", apart).unwrap(), "A B");
    }

    #[test]
    fn short_names_are_distinct_and_start_upper_case() {
        let names: Vec<String> = (0..5000).map(short_name).collect();
        let distinct: HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names
            .iter()
            .all(|n| n.starts_with(|c: char| c.is_ascii_uppercase())));
        assert_eq!(names[..3], ["A", "B", "C"]);
        assert_eq!(names[26], "Aa");
    }
}
