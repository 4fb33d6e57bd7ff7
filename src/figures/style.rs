//! Colours, fonts and sizes shared by every figure: colour-blind safe, and scaled by the
//! device pixel ratio so a canvas drawn at DPR resolution stays sharp.

use crate::model::number;
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

/// The Okabe–Ito palette (safe for the common colour-vision deficiencies), and the role each
/// colour plays in the lab. Series that can meet also differ by marker shape or line dash.
pub mod palette {
    use plotters::style::RGBColor;

    /// Black.
    pub const BLACK: RGBColor = RGBColor(0, 0, 0);
    /// Orange, #E69F00.
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    /// Sky blue, #56B4E9.
    pub const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
    /// Bluish green, #009E73.
    pub const BLUISH_GREEN: RGBColor = RGBColor(0, 158, 115);
    /// Yellow, #F0E442.
    pub const YELLOW: RGBColor = RGBColor(240, 228, 66);
    /// Blue, #0072B2.
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    /// Vermillion, #D55E00.
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    /// Reddish purple, #CC79A7.
    pub const REDDISH_PURPLE: RGBColor = RGBColor(204, 121, 167);

    /// The noisy data points.
    pub const DATA: RGBColor = VERMILLION;
    /// The true line f(x), drawn dashed.
    pub const TRUE_LINE: RGBColor = BLACK;
    /// The model line w·x + b, drawn solid.
    pub const MODEL_LINE: RGBColor = BLUE;
    /// The optimum (w*, b*), a star.
    pub const OPTIMUM: RGBColor = YELLOW;
    /// Training runs in order: the lab's run, the practice run, then any others.
    pub const RUNS: [RGBColor; 4] = [VERMILLION, BLACK, SKY_BLUE, REDDISH_PURPLE];
}

/// The colours and text size a figure is drawn in, one per page theme: `paper` behind
/// everything, `ink` for text, axes, grid lines and the series drawn in black; `text`
/// multiplies every font size. The data's own colours (the palette, viridis) stay the same in
/// every theme: they are chosen to read on light and dark paper alike.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// The background.
    pub paper: RGBColor,
    /// Text, axes, grid lines and the black series.
    pub ink: RGBColor,
    /// The font size factor.
    pub text: f64,
}

impl Theme {
    /// Black on white: the page's light theme, exports and native tests.
    pub const LIGHT: Theme = Theme {
        paper: RGBColor(255, 255, 255),
        ink: RGBColor(0, 0, 0),
        text: 1.0,
    };
    /// Light grey on the page's dark grey (#0d1117, the dark theme's paper).
    pub const DARK: Theme = Theme {
        paper: RGBColor(13, 17, 23),
        ink: RGBColor(230, 237, 243),
        text: 1.0,
    };
    /// Black on white with text a third larger, for a projector at the back of a room.
    pub const PROJECTOR: Theme = Theme {
        text: 1.35,
        ..Theme::LIGHT
    };

    /// The figures' theme of a page theme (`light`, `dark`, `projector`; anything else is
    /// light).
    pub fn named(name: &str) -> Theme {
        match name {
            "dark" => Theme::DARK,
            "projector" => Theme::PROJECTOR,
            _ => Theme::LIGHT,
        }
    }
}

/// Sizes for one drawing: `scale` is the device pixel ratio (1 on a plain screen, 2 on most
/// phones). Font sizes, line widths and marker sizes are multiplied by it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Device pixel ratio; values that are not finite or not positive count as 1, and the
    /// rest are clamped to 0.25..=8.
    pub scale: f64,
    /// Whether the backend blits bitmaps in one call (a canvas's `putImageData`), so the
    /// contour's colour image is drawn as one bitmap instead of rectangles. Off by default:
    /// plotters' SVG backend would write one element per pixel.
    pub bitmaps: bool,
    /// The colours and text size ([`Theme::LIGHT`] unless set).
    pub theme: Theme,
}

impl Default for Style {
    fn default() -> Self {
        Self::new(1.0)
    }
}

impl Style {
    /// The font family of every text (the enum, not the name: a name is parsed by lowering
    /// it with Unicode's case tables).
    pub const FONT_FAMILY: FontFamily<'static> = FontFamily::SansSerif;

    /// A style for device pixel ratio `scale`.
    pub fn new(scale: f64) -> Self {
        Self {
            scale,
            bitmaps: false,
            theme: Theme::LIGHT,
        }
    }

    /// The same style in `theme`.
    pub fn with_theme(self, theme: Theme) -> Self {
        Self { theme, ..self }
    }

    /// The background colour.
    pub(crate) fn paper(&self) -> RGBColor {
        self.theme.paper
    }

    /// The colour of text, axes and grid lines.
    pub(crate) fn ink(&self) -> RGBColor {
        self.theme.ink
    }

    /// A series' colour in this theme: the palette's black is the theme's ink (a black run
    /// on dark paper would vanish); every other colour stays.
    pub(crate) fn series(&self, color: RGBColor) -> RGBColor {
        if color == palette::BLACK {
            self.ink()
        } else {
            color
        }
    }

    /// The same style for a backend that blits bitmaps in one call (see [`Self::bitmaps`]).
    pub fn with_bitmaps(self) -> Self {
        Self {
            bitmaps: true,
            ..self
        }
    }

    /// The scale actually used: finite, within 0.25..=8.
    pub fn factor(&self) -> f64 {
        if self.scale.is_finite() && self.scale > 0.0 {
            number::clamp(self.scale, 0.25, 8.0)
        } else {
            1.0
        }
    }

    /// `base` CSS pixels in device pixels.
    pub fn px(&self, base: f64) -> f64 {
        base * self.factor()
    }

    /// `base` CSS pixels in whole device pixels, at least 1.
    pub(crate) fn px_u32(&self, base: f64) -> u32 {
        self.px(base).round().max(1.0) as u32
    }

    /// `base` CSS pixels in whole device pixels, at least 1, signed.
    pub(crate) fn px_i32(&self, base: f64) -> i32 {
        self.px_u32(base) as i32
    }

    /// Text of `base` CSS pixels (times the theme's text factor), in the theme's ink.
    pub(crate) fn font(&self, base: f64) -> TextStyle<'static> {
        let size = self.px(base) * self.theme.text;
        FontDesc::new(Self::FONT_FAMILY, size, FontStyle::Normal).color(&self.ink())
    }

    /// The caption (title) font.
    pub(crate) fn caption_font(&self) -> TextStyle<'static> {
        self.font(17.0)
    }

    /// The axis description font ("w", "cost").
    pub(crate) fn desc_font(&self) -> TextStyle<'static> {
        self.font(15.0)
    }

    /// The tick label and legend font.
    pub(crate) fn tick_font(&self) -> TextStyle<'static> {
        self.font(12.0)
    }
}

/// A short tick label: `0`, `2.5`, `-10`, `1.2e5`, `3.0e-4`; never "NaN" or a long digit run.
pub(crate) fn tick_label(v: &f64) -> String {
    let a = v.abs();
    if !v.is_finite() {
        String::new()
    } else if a < 1e-12 {
        "0".to_owned()
    } else if !(1e-3..1e5).contains(&a) {
        number::sci_fixed(*v, 1)
    } else {
        let s = number::fixed(*v, 3);
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}
