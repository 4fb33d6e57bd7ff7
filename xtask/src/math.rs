//! The glue's imports of `Math` functions made direct. wasm-bindgen wraps every import in a
//! function of its own:
//!
//! ```js
//! __wbg_sin_…: function(arg0) {
//!     const ret = Math.sin(arg0);
//!     return ret;
//! },
//! ```
//!
//! so each `sin` the module computes (its math is the browser's: `src/web/libm.rs`) passes
//! through a JavaScript frame. Such a wrapper only hands its arguments on and its result back,
//! so importing `Math.sin` itself is the same call without the frame: formulas full of `sin`,
//! `exp` and `ln` evaluate about 1.3× faster.

use regex::Regex;

use crate::util::Result;

/// The glue with each import that only calls a `Math` function imported as that function;
/// returns it and how many imports were made direct. A `Math` call left inside a wrapper
/// (wasm-bindgen writing its glue another way) is an error, so the speed is not lost unseen.
pub fn direct(glue: &str) -> Result<(String, usize)> {
    let wrapper = Regex::new(
        r"(?m)^(\s*)(__wbg_\w+): function\((arg0(?:, arg1)?)\) \{\n\s*const ret = Math\.(\w+)\((arg0(?:, arg1)?)\);\n\s*return ret;\n\s*\},",
    )
    .map_err(|e| e.to_string())?;
    let mut count = 0;
    let out = wrapper.replace_all(glue, |c: &regex::Captures| {
        if c[3] != c[5] {
            return c[0].to_string();
        }
        count += 1;
        format!("{}{}: Math.{},", &c[1], &c[2], &c[4])
    });
    if let Some(line) = out.lines().find(|l| l.contains("= Math.")) {
        return Err(format!(
            "the glue calls Math in a wrapper pack does not recognise: `{}`",
            line.trim()
        ));
    }
    Ok((out.into_owned(), count))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "    const import0 = {
        __wbg_cos_a1b2: function(arg0) {
            const ret = Math.cos(arg0);
            return ret;
        },
        __wbg_pow_c3d4: function(arg0, arg1) {
            const ret = Math.pow(arg0, arg1);
            return ret;
        },
        __wbg_now_e5f6: function(arg0) {
            const ret = arg0.now();
            return ret;
        },
    };
";

    #[test]
    fn math_wrappers_become_the_functions_and_nothing_else_changes() {
        let (out, count) = direct(GLUE).expect("direct");
        assert_eq!(count, 2);
        assert!(out.contains("        __wbg_cos_a1b2: Math.cos,\n"));
        assert!(out.contains("        __wbg_pow_c3d4: Math.pow,\n"));
        assert!(
            out.contains("const ret = arg0.now();"),
            "other imports stay"
        );
    }

    #[test]
    fn a_wrapper_that_reorders_or_changes_arguments_stays_and_is_an_error() {
        let swapped = GLUE.replace("Math.pow(arg0, arg1)", "Math.pow(arg1, arg0)");
        assert!(direct(&swapped).is_err());
        let scaled = GLUE.replace("Math.cos(arg0)", "Math.cos(2 * arg0)");
        assert!(direct(&scaled).is_err());
    }
}
