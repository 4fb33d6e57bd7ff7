//! The opening page at desktop and phone sizes: full-page screenshots under
//! `target/screenshots/`, and nothing wider than a phone.

use e2e::page;
use e2e::{ensure, png_size, Result, Viewport};

fn shot_size(path: &std::path::Path) -> Result<(u32, u32)> {
    png_size(&std::fs::read(path)?)
        .ok_or_else(|| e2e::Error::msg(format!("{} is not a PNG", path.display())))
}

#[test]
fn desktop_1280_full_page() -> Result<()> {
    let lab = e2e::lab()?;
    lab.set_viewport(Some(Viewport::desktop(1280, 900)))?;
    lab.open("")?;
    let top = lab.screenshot("desktop-1280-viewport")?;
    let full = lab.full_page_screenshot("desktop-1280-full")?;
    let (width, height) = shot_size(&full)?;
    ensure!(
        width == 1280 && height > 900,
        "{} is {width}×{height}: not the whole 1280-wide page",
        full.display()
    );
    ensure!(
        shot_size(&top)?.0 == 1280,
        "{} is not 1280 wide",
        top.display()
    );
    let blank = page::unpainted(&page::visible_figures(&lab)?);
    ensure!(blank.is_empty(), "figures not painted at 1280: {blank:#?}");
    lab.expect_clean_console("at 1280 × 900")
}

#[test]
fn phone_390_full_page_without_horizontal_overflow() -> Result<()> {
    let lab = e2e::lab()?;
    lab.set_viewport(Some(Viewport::phone(390, 844)))?;
    lab.open("")?;
    lab.screenshot("phone-390-viewport")?;
    let full = lab.full_page_screenshot("phone-390-full")?;
    let (width, height) = shot_size(&full)?;
    ensure!(
        width == 390 && height > 844,
        "{} is {width}×{height}: not the whole 390-wide page",
        full.display()
    );
    let (scroll_width, wide): (f64, Vec<String>) = lab.js_as(
        "const limit = 391;
         const wide = [...document.querySelectorAll('body *')]
           .filter((e) => e.getBoundingClientRect().right > limit && !e.closest('.scroll'))
           .slice(0, 12)
           .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
         return [document.documentElement.scrollWidth, wide];",
        vec![],
    )?;
    ensure!(
        scroll_width <= 391.0,
        "at 390 px the page scrolls sideways: scrollWidth {scroll_width}; too wide: {wide:#?}"
    );
    let figures = page::visible_figures(&lab)?;
    let blank = page::unpainted(&figures);
    ensure!(blank.is_empty(), "figures not painted at 390: {blank:#?}");
    lab.expect_clean_console("at 390 × 844")
}
