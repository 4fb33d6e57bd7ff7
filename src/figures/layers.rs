//! Drawing a figure in two layers, so a page can keep the expensive, rarely changing part as
//! an image.

/// The parts of a layered figure. The base (background, axes, the contour image or the 3D
/// mesh) changes only with the grid, the view angle and the size; the overlays (caption,
/// paths, current point, legend) change every frame. A page draws the base once into an
/// offscreen canvas, copies it, and draws the overlays on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layers {
    /// The whole figure.
    All,
    /// The background, axes and the expensive image only.
    Base,
    /// The rest, on top of a base drawn before at the same size.
    Overlays,
}

impl Layers {
    /// Whether this draws the base.
    pub fn base(self) -> bool {
        self != Self::Overlays
    }

    /// Whether this draws the overlays.
    pub fn overlays(self) -> bool {
        self != Self::Base
    }
}
