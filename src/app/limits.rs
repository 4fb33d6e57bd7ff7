//! The page's own limits, below every feature that quotes them: what a URL, a field or the
//! explorer's slider may set on the page (the JavaScript API's wider limits are
//! [`crate::model::limits`]). A limit is written once, here, and messages quote it.

/// Iterations a run on the page may take.
pub const PAGE_MAX_ITERATIONS: usize = 1000;
/// Largest grid side on the page.
pub const PAGE_MAX_GRID: usize = 200;
/// Largest learning rate the page accepts: far past divergence, still drawable.
pub const PAGE_MAX_LR: f64 = 10.0;
/// Largest |w0| and |b0| on the page.
pub const PAGE_MAX_START: f64 = 1000.0;
/// Largest noise σ on the page.
pub const PAGE_MAX_NOISE: f64 = 10.0;

/// Smallest learning rate on the explorer's slider.
pub const LR_MIN: f64 = 0.001;
/// Largest learning rate on the explorer's slider.
pub const LR_MAX: f64 = 1.0;

/// The learning rate the practice's exercise asks for.
pub const PRACTICE_EXAMPLE_LR: f64 = 0.2;
