//! Counts in words: "1 point", "2 points". Every count the page prints goes through here.

/// `n` and the noun that fits it: `count(1, "point", "points")` is "1 point".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// The noun alone for `n`: `one` for exactly 1, `many` otherwise (0 included).
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "point", "points"), "1 point");
        assert_eq!(count(0, "point", "points"), "0 points");
        assert_eq!(count(2, "iteration", "iterations"), "2 iterations");
        assert_eq!(count(1, "blank line", "blank lines"), "1 blank line");
    }
}
