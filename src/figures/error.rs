//! The one error a figure returns: the backend could not draw.

use std::fmt;

use plotters::drawing::DrawingAreaErrorKind;

/// Drawing failed; the message says why (usually the backend's own error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureError(pub String);

impl FigureError {
    /// An error with the given message.
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FigureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "figure: {}", self.0)
    }
}

impl std::error::Error for FigureError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for FigureError {
    fn from(err: DrawingAreaErrorKind<E>) -> Self {
        Self(err.to_string())
    }
}
