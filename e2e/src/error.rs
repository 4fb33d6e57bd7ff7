//! One error type for the harness: a message written for whoever reads a failed test.

use std::fmt;

/// What went wrong, in words. `Debug` prints the same text as `Display`, so a test that
/// returns `Err` shows the message itself rather than a struct dump.
pub struct Error(String);

/// The harness's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }

    /// The same error, with `context` said first.
    #[must_use]
    pub fn context(self, context: impl fmt::Display) -> Self {
        Self(format!("{context}: {}", self.0))
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

macro_rules! from_error {
    ($($source:ty => $what:literal),* $(,)?) => {
        $(impl From<$source> for Error {
            fn from(err: $source) -> Self {
                Self(format!(concat!($what, ": {}"), err))
            }
        })*
    };
}

from_error! {
    std::io::Error => "i/o",
    serde_json::Error => "JSON",
    fantoccini::error::CmdError => "WebDriver command",
    fantoccini::error::NewSessionError => "new WebDriver session",
    tokio::time::error::Elapsed => "timed out",
}

/// Returns early with an [`Error`] made from a format string.
#[macro_export]
macro_rules! bail {
    ($($arg:tt)*) => {
        return Err($crate::Error::new(format!($($arg)*)))
    };
}

/// Returns early with an [`Error`] when a condition is false.
#[macro_export]
macro_rules! ensure {
    ($cond:expr, $($arg:tt)*) => {
        if !$cond {
            $crate::bail!($($arg)*);
        }
    };
}
