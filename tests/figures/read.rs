//! Reading an SVG back: texts, elements, colours, positions.

use super::*;

/// The contents of every `<text>` element.
pub fn texts(svg: &str) -> Vec<String> {
    let inner = |t: &str| Some(t[t.find('>')? + 1..t.find("</text>")?].trim().to_owned());
    svg.split("<text").skip(1).filter_map(inner).collect()
}

pub fn has_text(svg: &str, text: &str) -> bool {
    texts(svg).iter().any(|t| t == text)
}

pub fn assert_texts(svg: &str, wanted: &[&str]) {
    for text in wanted {
        assert!(
            has_text(svg, text),
            "missing text {text:?} in {:?}",
            texts(svg)
        );
    }
}

/// Elements `<tag` whose attributes contain `attr`.
pub fn count(svg: &str, tag: &str, attr: &str) -> usize {
    let head = |e: &str| e[..e.find('>').unwrap_or(e.len())].contains(attr);
    svg.split(&format!("<{tag} "))
        .skip(1)
        .filter(|e| head(e))
        .count()
}

pub fn stroke(c: RGBColor) -> String {
    format!("stroke=\"{}\"", hex(c))
}

pub fn fill(c: RGBColor) -> String {
    format!("fill=\"{}\"", hex(c))
}

pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

pub fn assert_finite(svg: &str) {
    for bad in ["NaN", "inf", "Infinity"] {
        assert!(!svg.contains(bad), "the SVG holds {bad}");
    }
}

pub fn close(a: (f64, f64), b: (f64, f64), tol: f64) -> bool {
    (a.0 - b.0).abs() <= tol && (a.1 - b.1).abs() <= tol
}

/// The (cx, cy) of every `<circle>` stroked in `color`.
pub fn circle_centres(svg: &str, color: RGBColor) -> Vec<(f64, f64)> {
    let attr = |e: &str, name: &str| -> Option<f64> {
        let start = e.find(&format!(" {name}=\""))? + name.len() + 3;
        e[start..].split('"').next()?.parse().ok()
    };
    let stroked = stroke(color);
    let mine = |e: &&str| e[..e.find('>').unwrap_or(e.len())].contains(&stroked);
    let centre = |e: &str| Some((attr(e, "cx")?, attr(e, "cy")?));
    svg.split("<circle")
        .skip(1)
        .filter(mine)
        .filter_map(centre)
        .collect()
}

/// The fill colour of every `<tag>`.
pub fn fills(svg: &str, tag: &str) -> Vec<String> {
    let colour = |e: &str| {
        let start = e.find("fill=\"")? + 6;
        Some(e.get(start..start + 7)?.to_owned())
    };
    svg.split(&format!("<{tag} "))
        .skip(1)
        .filter_map(colour)
        .collect()
}

/// Whether `#RRGGBB` lies on viridis (within rounding of its interpolation).
pub fn is_viridis(fill: &str) -> bool {
    let c = |k: usize| i32::from(u8::from_str_radix(&fill[k..k + 2], 16).unwrap_or(0));
    let (r, g, b) = (c(1), c(3), c(5));
    let near = |v: RGBColor| {
        (i32::from(v.0) - r).abs() <= 1
            && (i32::from(v.1) - g).abs() <= 1
            && (i32::from(v.2) - b).abs() <= 1
    };
    (0..=1000)
        .map(|k| ViridisRGB::get_color(f64::from(k) / 1000.0))
        .any(near)
}

/// The colour of the contour image's step `k`.
pub fn step_color(k: usize) -> String {
    hex(ViridisRGB::get_color(
        k as f64 / (ContourImage::COLOR_STEPS - 1) as f64,
    ))
}
