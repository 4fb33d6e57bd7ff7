//! The contour's colour image as one bitmap (the canvas's path): every pixel is the colour
//! of the true cost there, to the image's colour steps, with the highest b on the top row.

use super::*;

#[test]
fn each_pixel_has_the_colour_of_the_cost_under_it() {
    let lab = lab();
    let image = ContourImage::new(&lab.grid);
    let scale = image.scale().expect("finite costs");
    let (width, height) = (150u32, 110u32);
    let rgb = image.bitmap(width, height).expect("an image");
    assert_eq!(rgb.len(), (width * height * 3) as usize);
    let ((w0, w1), (b0, b1)) = (image.w_range(), image.b_range());
    for y in (0..height).step_by(7) {
        for x in (0..width).step_by(7) {
            let w = w0 + (w1 - w0) * (f64::from(x) + 0.5) / f64::from(width);
            let b = b1 - (b1 - b0) * (f64::from(y) + 0.5) / f64::from(height);
            let want = scale.color(lab.q.cost(w, b));
            let at = ((y * width + x) * 3) as usize;
            let got = &rgb[at..at + 3];
            let far = [want.0, want.1, want.2]
                .iter()
                .zip(got)
                .map(|(a, b)| a.abs_diff(*b))
                .max()
                .unwrap_or(0);
            // 40 colour steps and 96 cells a side: a pixel is within half a step and half a
            // cell of the exact colour.
            assert!(
                far <= 24,
                "pixel ({x}, {y}) at (w {w}, b {b}): {got:?}, want {want:?}"
            );
        }
    }
}

#[test]
fn a_grid_without_a_finite_cost_has_no_bitmap() {
    let mut grid = lab().grid;
    grid.cost.iter_mut().for_each(|c| *c = f64::NAN);
    assert!(ContourImage::new(&grid).bitmap(10, 10).is_none());
    assert_eq!(
        ContourImage::new(&lab().grid).bitmap(0, 5).map(|v| v.len()),
        Some(0)
    );
}
