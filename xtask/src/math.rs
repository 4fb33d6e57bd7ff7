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
//! `exp` and `tanh` evaluate about 1.3× faster.

use regex::Regex;

use crate::util::Result;

/// The glue with each import that only calls a `Math` function imported as that function;
/// returns it and how many imports were made direct. Glue that calls `Math` in imports yet
/// has no wrapper of this shape is an error (wasm-bindgen writing its glue another way), so
/// the speed is not lost unseen; a wrapper of another shape (arguments changed on the way)
/// is left as it is.
pub fn direct(glue: &str) -> Result<(String, usize)> {
    let wrapper = Regex::new(
        r"(?m)^(\s*)(__wbg_\w+): function\(((?:arg\d+(?:, )?)*)\) \{\n\s*const ret = Math\.(\w+)\(((?:arg\d+(?:, )?)*)\);\n\s*return ret;\n\s*\},",
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
    if count == 0 && glue.contains("const ret = Math.") {
        return Err("the glue calls Math in wrappers pack does not recognise".into());
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
    fn a_wrapper_that_changes_its_arguments_stays() {
        let swapped = GLUE.replace("Math.pow(arg0, arg1)", "Math.pow(arg1, arg0)");
        let (out, count) = direct(&swapped).expect("direct");
        assert_eq!(count, 1, "cos only");
        assert!(out.contains("const ret = Math.pow(arg1, arg0);"));
    }

    #[test]
    fn no_argument_and_three_argument_wrappers_are_direct_too() {
        let glue = GLUE.replace("Math.cos(arg0)", "Math.random()").replace(
            "function(arg0) {\n            const ret = Math.random",
            "function() {\n            const ret = Math.random",
        );
        let (out, count) = direct(&glue).expect("direct");
        assert_eq!(count, 2);
        assert!(out.contains("__wbg_cos_a1b2: Math.random,"));
    }

    #[test]
    fn glue_whose_math_wrappers_all_look_different_is_an_error() {
        let other = GLUE
            .replace(
                "const ret = Math.cos(arg0);\n            return ret;",
                "const ret = Math.cos(arg0); return ret;",
            )
            .replace(
                "const ret = Math.pow(arg0, arg1);\n            return ret;",
                "const ret = Math.pow(arg0, arg1); return ret;",
            );
        assert!(direct(&other).is_err());
    }
}
