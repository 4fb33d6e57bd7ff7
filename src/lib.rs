//! A browser notebook lab that teaches gradient descent on one-dimensional linear regression.
//!
//! - [`model`]: pure numbers. Seeded data, the model `w·x + b`, its mean squared error and
//!   gradient, training runs, the cost grid from the data's sums, and the closed-form facts
//!   (optimum, Hessian, critical learning rate). No browser types; tested natively.
//! - [`figures`]: every chart of the lab, drawn with plotters onto any backend: a canvas in
//!   the browser, an SVG string in tests.
//! - [`app`]: the page's rules without the browser: the notebook's and the explorer's states,
//!   each with a pure update from a message, and the parsing of every value a user gives.
//! - `web` (wasm32 only): the page's cells, the JavaScript API, events to messages.
//!
//! ARCHITECTURE.md at the repository's root maps how a click becomes a redraw.

// Functions stay short enough to read at once (`too-many-lines-threshold` in clippy.toml).
#![warn(clippy::too_many_lines)]

pub mod app;
pub mod figures;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod web;
