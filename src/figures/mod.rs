//! Every chart of the lab, drawn with plotters onto any [`DrawingBackend`]: a canvas in the
//! browser, an SVG string in native tests. No browser types live here.
//!
//! Each figure is a module with one `draw(area, &View, &Style)` function. The view is a plain
//! struct of borrowed numbers; the function never builds a backend, never panics on odd input
//! (non-finite values are skipped, empty slices draw empty axes, axes stay finite), and
//! returns a [`FigureError`] when the backend fails. The 2D figures also return the
//! [`PlotFrame`] that maps a pointer position to data coordinates and back.
//!
//! Sizes are in the backend's pixels: draw a canvas at CSS size × device pixel ratio and
//! pass that ratio as [`Style::scale`], so fonts, lines and markers keep their CSS size and
//! stay sharp. Colours come from the Okabe–Ito [`palette`]; costs are coloured with viridis
//! on the square-root [`CostScale`], the same in the contour plot and on the surface.
//!
//! - [`data_space`]: the noisy points with the true line and the current model line.
//! - [`contour`]: the cost over (w, b) as a colour image with iso-cost lines, training
//!   paths, the current point and the optimum. Its expensive part, [`ContourImage`], is
//!   computed once per grid and reused across redraws.
//! - [`surface`]: the cost as a 3D surface or wireframe, with the visited points on it.
//! - [`cost_curve`]: the cost per iteration for one or more runs, linear or log scale.
//!
//! [`DrawingBackend`]: plotters::prelude::DrawingBackend

mod arrow;
mod chart2d;
mod colors;
pub mod contour;
mod contour_cells;
mod contour_image;
mod cost_axis;
pub mod cost_curve;
mod cost_runs;
pub mod data_space;
mod error;
mod frame;
mod geometry;
mod isolines;
mod layers;
mod layout;
mod legend;
mod marks;
mod overlay;
mod resample;
mod style;
pub mod surface;
mod surface_axes;
mod surface_box;
mod surface_frame;
mod surface_mesh;
mod surface_overlay;
pub mod svg;

pub use colors::CostScale;
pub use contour::{ContourImage, Isoline};
pub use error::FigureError;
pub use frame::PlotFrame;
pub use layers::Layers;
pub use marks::Marker;
pub use style::{palette, Style, Theme};
pub use surface_frame::SurfaceFrame;
