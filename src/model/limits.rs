//! The limits on every value a user can give, and the error that names the bad field.
//!
//! Field names are the JavaScript API's (`xMin`, `nW`, `lr`), so a message reads the same
//! wherever it surfaces: a thrown `Error`, a notice beside a page input, a native test.

use super::number::shortest;
use std::fmt;

/// Fewest points a data set may have: a line needs two.
pub const MIN_POINTS: usize = 2;
/// Most points a data set may have.
pub const MAX_POINTS: usize = 1_000_000;
/// Most gradient-descent iterations in one run.
pub const MAX_ITERATIONS: usize = 100_000;
/// Fewest cells on a side of a cost grid.
pub const MIN_GRID_SIDE: usize = 2;
/// Most cells on a side of a cost grid.
pub const MAX_GRID_SIDE: usize = 1000;
/// A training run stops once its cost passes this bound: far above anything a chart shows,
/// far below where squares overflow.
pub const COST_BOUND: f64 = 1e100;

/// A value a user gave that the lab cannot use, with the field it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The field's name, as the JavaScript API spells it (`lr`, `nW`, `x`).
    pub field: String,
    /// What is wrong and what is allowed.
    pub message: String,
}

impl InputError {
    /// An error for `field` with the given explanation.
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for InputError {}

/// Checks that `value` is a finite number.
pub fn finite(field: &str, value: f64) -> Result<f64, InputError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(InputError::new(
            field,
            format!("must be a finite number, got {}", shortest(value)),
        ))
    }
}

/// Checks that `value` is finite and strictly positive.
pub fn positive(field: &str, value: f64) -> Result<f64, InputError> {
    finite(field, value)?;
    if value > 0.0 {
        Ok(value)
    } else {
        Err(InputError::new(
            field,
            format!("must be greater than 0, got {}", shortest(value)),
        ))
    }
}

/// Checks that `value` is finite and not negative.
pub fn non_negative(field: &str, value: f64) -> Result<f64, InputError> {
    finite(field, value)?;
    if value >= 0.0 {
        Ok(value)
    } else {
        Err(InputError::new(
            field,
            format!("must be 0 or more, got {}", shortest(value)),
        ))
    }
}

/// Checks that `value` is a whole number in `lo..=hi` and returns it as a count.
pub fn whole(field: &str, value: f64, lo: usize, hi: usize) -> Result<usize, InputError> {
    finite(field, value)?;
    if value.fract() != 0.0 {
        return Err(InputError::new(
            field,
            format!("must be a whole number, got {}", shortest(value)),
        ));
    }
    if value < lo as f64 || value > hi as f64 {
        return Err(InputError::new(
            field,
            format!("must be from {lo} to {hi}, got {}", shortest(value)),
        ));
    }
    Ok(value as usize)
}

/// Largest seed: every whole number up to 2^53 − 1 survives a trip through JavaScript.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// Checks that `value` is a whole number from 0 to [`MAX_SEED`] and returns it as a seed.
pub fn seed(field: &str, value: f64) -> Result<u64, InputError> {
    finite(field, value)?;
    if value.fract() != 0.0 || value < 0.0 || value > MAX_SEED as f64 {
        return Err(InputError::new(
            field,
            format!(
                "must be a whole number from 0 to {MAX_SEED}, got {}",
                shortest(value)
            ),
        ));
    }
    Ok(value as u64)
}

/// Checks that a data set's number of points lies in `MIN_POINTS..=MAX_POINTS`.
pub fn points(field: &str, len: usize) -> Result<usize, InputError> {
    if (MIN_POINTS..=MAX_POINTS).contains(&len) {
        Ok(len)
    } else {
        let message = format!("must hold from {MIN_POINTS} to {MAX_POINTS} values, got {len}");
        Err(InputError::new(field, message))
    }
}

/// Checks that a count lies in `lo..=hi`.
pub fn count(field: &str, value: usize, lo: usize, hi: usize) -> Result<usize, InputError> {
    whole(field, value as f64, lo, hi)
}

/// Checks that `min` and `max` are finite, `min < max`, and their span is finite.
pub fn range(min_field: &str, min: f64, max_field: &str, max: f64) -> Result<(), InputError> {
    finite(min_field, min)?;
    finite(max_field, max)?;
    if min >= max {
        return Err(InputError::new(
            max_field,
            format!(
                "must be greater than {min_field} ({}), got {}",
                shortest(min),
                shortest(max)
            ),
        ));
    }
    if !(max - min).is_finite() {
        return Err(InputError::new(
            max_field,
            format!("{min_field}..{max_field} is too wide"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_rejects_fractions_and_out_of_range() {
        assert_eq!(
            whole("n", 60.0, 2, 10),
            Err(InputError::new("n", "must be from 2 to 10, got 60"))
        );
        assert!(whole("n", 2.5, 2, 10)
            .unwrap_err()
            .message
            .contains("whole"));
        assert!(whole("n", f64::NAN, 2, 10)
            .unwrap_err()
            .message
            .contains("finite"));
        assert_eq!(whole("n", 10.0, 2, 10), Ok(10));
    }

    #[test]
    fn range_names_the_max_field() {
        let err = range("wMin", 1.0, "wMax", 1.0).unwrap_err();
        assert_eq!(err.field, "wMax");
        assert!(range("wMin", -1e308, "wMax", 1e308).is_err());
    }
}
