//! Every value a user types or a URL gives, parsed and checked in one place.
//!
//! The limits come from [`crate::model::limits`] and the page's own from [`super::limits`];
//! messages quote them, so a limit is written once. The browser layer only shows the message
//! of an [`InputError`].

use super::limits::{LR_MAX, LR_MIN, PAGE_MAX_LR, PRACTICE_EXAMPLE_LR};
use crate::model::limits::{self, InputError, MAX_SEED};
use crate::model::number;

/// The practice field's name in messages and the URL (`practiceLr`).
pub const PRACTICE_FIELD: &str = "practiceLr";

/// A number from a URL parameter in `min..=max` (`min` itself allowed when `min_allowed`).
pub fn number(value: &str, min: f64, max: f64, min_allowed: bool) -> Result<f64, String> {
    let v = number::parse_f64(value).ok_or_else(|| "not a number".to_string())?;
    let low_ok = if min_allowed { v >= min } else { v > min };
    if !v.is_finite() || !low_ok || v > max {
        let lower = if min_allowed { "from" } else { "greater than" };
        return Err(format!(
            "must be {lower} {} and at most {}",
            number::shortest(min),
            number::shortest(max)
        ));
    }
    Ok(v)
}

/// A whole number from a URL parameter in `min..=max`.
pub fn whole(value: &str, min: u64, max: u64) -> Result<u64, String> {
    let v: u64 = value
        .parse()
        .map_err(|_| "not a whole number".to_string())?;
    if v < min || v > max {
        return Err(format!("must be a whole number from {min} to {max}"));
    }
    Ok(v)
}

/// A seed from a URL parameter: a whole number from 0 to [`MAX_SEED`].
pub fn url_seed(value: &str) -> Result<u64, String> {
    whole(value, 0, MAX_SEED)
}

/// A yes/no flag from a URL parameter: present, `1`, `true`, `yes`, or `0`, `false`, `no`.
pub fn flag(value: &str) -> Result<bool, String> {
    match value {
        "" | "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err("must be 1 or 0".into()),
    }
}

/// The practice's learning rate as typed: greater than 0 and at most [`PAGE_MAX_LR`].
pub fn practice_lr(text: &str) -> Result<f64, InputError> {
    let text = text.trim();
    let error = |message: String| InputError::new(PRACTICE_FIELD, message);
    if text.is_empty() {
        return Err(error(format!(
            "Type a learning rate first, for example {}.",
            number::shortest(PRACTICE_EXAMPLE_LR)
        )));
    }
    let lr = number::parse_f64(text).ok_or_else(|| {
        error(format!(
            "“{}” is not a number. Try {}.",
            clip(text),
            number::shortest(PRACTICE_EXAMPLE_LR)
        ))
    })?;
    if !lr.is_finite() || lr <= 0.0 || lr > PAGE_MAX_LR {
        return Err(error(format!(
            "The learning rate must be greater than 0 and at most {}; got {}.",
            number::shortest(PAGE_MAX_LR),
            clip(text)
        )));
    }
    Ok(lr)
}

/// The rate the practice's field starts with: the URL's, or the exercise's when the URL shows
/// the practice's figure alone (a lone figure needs a run to draw).
pub fn practice_prefill(practice_lr: Option<f64>, figure: Option<&str>) -> Option<f64> {
    let lone_practice = figure.is_some_and(|f| f.starts_with("practice"));
    practice_lr.or(lone_practice.then_some(PRACTICE_EXAMPLE_LR))
}

/// The explorer's learning rate field, as the browser read it: from [`LR_MIN`] to [`LR_MAX`].
pub fn explorer_lr(value: f64) -> Result<f64, InputError> {
    if value.is_finite() && (LR_MIN..=LR_MAX).contains(&value) {
        Ok(value)
    } else {
        Err(InputError::new(
            "lr",
            format!(
                "The learning rate must be from {} to {}.",
                number::shortest(LR_MIN),
                number::shortest(LR_MAX)
            ),
        ))
    }
}

/// The explorer's seed field, as the browser read it: a whole number from 0 to [`MAX_SEED`].
pub fn explorer_seed(value: f64) -> Result<u64, InputError> {
    limits::seed("seed", value).map_err(|e| {
        InputError::new(
            &e.field,
            format!("The seed must be a whole number from 0 to {MAX_SEED}."),
        )
    })
}

/// The start of a typed text, short enough to quote in a message.
fn clip(text: &str) -> String {
    text.chars().take(24).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn practice_rates_are_checked_against_the_page_limit() {
        assert_eq!(practice_lr(" 0.2 "), Ok(0.2));
        assert_eq!(practice_lr(&PAGE_MAX_LR.to_string()), Ok(PAGE_MAX_LR));
        for bad in ["", "abc", "0", "-1", "1e999", "NaN", "10.5"] {
            let err = practice_lr(bad).expect_err(bad);
            assert_eq!(err.field, PRACTICE_FIELD);
            assert!(err.message.ends_with('.'), "{bad}: {}", err.message);
        }
        assert!(practice_lr("abcdefghijklmnopqrstuvwxyz")
            .expect_err("text")
            .message
            .starts_with("“abcdefghijklmnopqrstuvwx”"));
    }

    #[test]
    fn explorer_fields_quote_their_limits() {
        assert_eq!(explorer_lr(LR_MIN), Ok(LR_MIN));
        let err = explorer_lr(LR_MAX * 2.0).expect_err("too large");
        assert_eq!(err.message, "The learning rate must be from 0.001 to 1.");
        assert_eq!(explorer_seed(7.0), Ok(7));
        for bad in [-1.0, 0.5, f64::NAN, MAX_SEED as f64 * 2.0] {
            let err = explorer_seed(bad).expect_err("bad seed");
            assert_eq!(
                (err.field.as_str(), err.message.as_str()),
                (
                    "seed",
                    "The seed must be a whole number from 0 to 9007199254740991."
                )
            );
        }
    }

    #[test]
    fn a_lone_practice_figure_gets_the_exercise_rate() {
        assert_eq!(practice_prefill(None, Some("practice-compare")), Some(0.2));
        assert_eq!(
            practice_prefill(Some(0.5), Some("practice-compare")),
            Some(0.5)
        );
        assert_eq!(practice_prefill(None, Some("data")), None);
        assert_eq!(practice_prefill(None, None), None);
    }
}
