//! One figure's view, whatever its kind, drawn onto any plotters backend: the canvas on the
//! page, or the SVG of a saved figure. Each cell builds its views once (in `views`,
//! `results_views`, `explore_views`) and hands them to `render::show`, which draws the same
//! value on either backend.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use crate::figures::contour::{self, ContourView};
use crate::figures::cost_curve::{self, CostCurveView};
use crate::figures::data_space::{self, DataView};
use crate::figures::surface::{self, SurfaceView};
use crate::figures::{FigureError, Layers, PlotFrame, Style, SurfaceFrame};

/// A figure ready to draw.
pub enum FigureView<'a> {
    /// Points and lines in data space.
    Data(DataView<'a>),
    /// The cost's contours, with paths.
    Contour(ContourView<'a>),
    /// The cost surface in 3D.
    Surface(SurfaceView<'a>),
    /// Cost curves per iteration.
    Costs(CostCurveView<'a>),
}

/// What drawing returned: where a 2D plot lies, or the 3D surface's node positions.
pub enum Drawn {
    /// A 2D figure's frame.
    Plot(PlotFrame),
    /// The 3D figure's nodes.
    Surface(SurfaceFrame),
}

impl FigureView<'_> {
    /// Whether the figure draws in two layers (see [`Layers`]); the others draw whole.
    pub fn layered(&self) -> bool {
        matches!(self, Self::Contour(_) | Self::Surface(_))
    }

    /// Draws `layers` of the figure on `area` (a figure without layers draws whole).
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &Style,
        layers: Layers,
    ) -> Result<Drawn, FigureError> {
        Ok(match self {
            Self::Data(v) => Drawn::Plot(data_space::draw(area, v, style)?),
            Self::Contour(v) => Drawn::Plot(contour::draw_layers(area, v, style, layers)?),
            Self::Surface(v) => Drawn::Surface(surface::draw_layers(area, v, style, layers)?),
            Self::Costs(v) => Drawn::Plot(cost_curve::draw(area, v, style)?),
        })
    }
}
