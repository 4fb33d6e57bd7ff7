//! JavaScript minified, for `cargo xtask pack` (`pack.rs`). Trunk minifies a release build's
//! HTML and CSS but copies its JavaScript as written: wasm-bindgen's glue with each exported
//! function's doc comment and indentation, the loader and the embed script. oxc, a
//! JavaScript parser and minifier, reads a file as a module when it has module syntax, else
//! as a classic script (whose top-level names are globals, so they keep their names). A file
//! that does not parse is an error, never shipped half-minified. The sources in `www/` and
//! the API's documentation in `docs/API.md` stay readable.

use oxc::allocator::Allocator;
use oxc::codegen::{Codegen, CodegenOptions};
use oxc::minifier::{Minifier, MinifierOptions};
use oxc::parser::Parser;
use oxc::span::SourceType;

use crate::util::Result;

/// `source` minified: comments and layout gone, local names shortened, exports and
/// literals kept.
pub fn minified(source: &str) -> Result<String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, SourceType::unambiguous()).parse();
    if let Some(error) = parsed.diagnostics.first() {
        return Err(format!("not valid JavaScript: {error}"));
    }
    if parsed.panicked {
        return Err("not valid JavaScript".into());
    }
    let mut program = parsed.program;
    let minified = Minifier::new(MinifierOptions::default()).minify(&allocator, &mut program);
    Ok(Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(minified.scoping)
        .build(&program)
        .code)
}

#[cfg(test)]
mod tests {
    use super::minified;

    /// A module like the glue: its comments go; its literals, its export and its lines
    /// without semicolons keep their meaning (the output parses again).
    #[test]
    fn a_module_loses_comments_and_keeps_meaning() {
        let source = "/**\n * Trains the model.\n * @param {number} n\n */\n\
            export function train(count) {\n    // one comment\n    \
            const said = \"it's /* not a comment */\";\n    const b = `x ${count}  y`\n    \
            const c = /a\\/b+/g\n    return said + b + c.test(said)\n}\n";
        let out = minified(source).expect("it parses");
        assert!(
            !out.contains("Trains") && !out.contains("one comment"),
            "{out}"
        );
        for kept in [
            "it's /* not a comment */",
            "x ${",
            "  y",
            "/a\\/b+/g",
            "train",
        ] {
            assert!(out.contains(kept), "{kept} lost in {out}");
        }
        assert!(out.contains("export"), "{out}");
        assert!(minified(&out).is_ok(), "{out}");
        assert!(out.len() < source.len() / 2, "{out}");
    }

    /// A classic script (the embed script): its top-level names are globals and stay.
    #[test]
    fn a_script_keeps_its_global_names() {
        let out = minified("function resizeFrames(height) {\n  return height + 1;\n}\n")
            .expect("it parses");
        assert!(out.contains("function resizeFrames("), "{out}");
    }

    /// Text that is not JavaScript is refused, not written out half-minified.
    #[test]
    fn a_syntax_error_is_refused() {
        let error = minified("const = ;").expect_err("not JavaScript");
        assert!(error.contains("not valid JavaScript"), "{error}");
    }
}
