//! DevTools commands through chromedriver: viewport emulation and screenshots saved under
//! `target/screenshots/`.

use std::path::PathBuf;

use base64::Engine as _;
use serde_json::{json, Value as Json};

use super::{Browser, SessionPost};
use crate::{bail, Error, Result};

/// The tallest full-page screenshot, in CSS pixels.
const MAX_SHOT_HEIGHT: u32 = 16_000;

/// A viewport emulated through the DevTools protocol (`Emulation.setDeviceMetricsOverride`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    /// Width in CSS pixels.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
    /// Phone-like: the page's `<meta name="viewport">` applies.
    pub mobile: bool,
}

impl Viewport {
    /// A desktop viewport.
    pub const fn desktop(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            mobile: false,
        }
    }

    /// A phone viewport.
    pub const fn phone(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            mobile: true,
        }
    }
}

impl Browser {
    /// Runs a Chrome DevTools Protocol command through chromedriver.
    pub fn cdp(&self, command: &str, params: Json) -> Result<Json> {
        self.run(
            &format!("DevTools {command}"),
            self.client.issue_cmd(SessionPost {
                path: "goog/cdp/execute",
                body: json!({ "cmd": command, "params": params }),
            }),
        )
    }

    /// Runs `f` with `source` evaluated at the start of every document opened meanwhile
    /// (`Page.addScriptToEvaluateOnNewDocument`), then removes the script, whatever `f`
    /// returned, so later pages of a shared browser do not run it.
    pub fn with_document_script<T>(
        &self,
        source: &str,
        f: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        let added = self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        )?;
        let result = f();
        if let Some(id) = added.get("identifier") {
            self.cdp(
                "Page.removeScriptToEvaluateOnNewDocument",
                json!({ "identifier": id }),
            )?;
        }
        result
    }

    /// Emulates `viewport` from now on (`None`: the window's own size again). A page opened
    /// afterwards lays out at that size; the current page gets a `resize`.
    pub fn set_viewport(&self, viewport: Option<Viewport>) -> Result<()> {
        self.apply_viewport(viewport)?;
        if let Ok(mut current) = self.viewport.lock() {
            *current = viewport;
        }
        Ok(())
    }

    /// The viewport set by [`Browser::set_viewport`], if any.
    pub fn viewport(&self) -> Option<Viewport> {
        self.viewport.lock().ok().and_then(|v| *v)
    }

    fn apply_viewport(&self, viewport: Option<Viewport>) -> Result<()> {
        match viewport {
            Some(v) => self.cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({
                    "width": v.width, "height": v.height, "deviceScaleFactor": 1,
                    "mobile": v.mobile, "screenWidth": v.width, "screenHeight": v.height,
                }),
            )?,
            None => self.cdp("Emulation.clearDeviceMetricsOverride", json!({}))?,
        };
        Ok(())
    }

    /// Saves what the viewport shows as `target/screenshots/<name>.png`.
    pub fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let png = self.run("take a screenshot", self.client.screenshot())?;
        save_png(name, &png)
    }

    /// Saves the whole page, top to bottom, as `target/screenshots/<name>.png`: the viewport
    /// is made as tall as the document for the shot, then put back.
    pub fn full_page_screenshot(&self, name: &str) -> Result<PathBuf> {
        let before = self.viewport();
        let size: (u32, u32) = self.js_as(
            "const d = document.documentElement; \
             return [Math.ceil(window.innerWidth), \
                     Math.ceil(Math.max(d.scrollHeight, document.body ? document.body.scrollHeight : 0))];",
            Vec::new(),
        )?;
        let width = before.map_or(size.0, |v| v.width);
        let mobile = before.is_some_and(|v| v.mobile);
        let tall = Viewport {
            width,
            height: size.1.clamp(1, MAX_SHOT_HEIGHT),
            mobile,
        };
        self.apply_viewport(Some(tall))?;
        let shot = self.frames(3).and_then(|()| {
            self.cdp(
                "Page.captureScreenshot",
                json!({ "format": "png", "fromSurface": true }),
            )
        });
        self.apply_viewport(before)?;
        self.frames(2)?;
        let data = shot?
            .get("data")
            .and_then(Json::as_str)
            .map(str::to_owned)
            .ok_or_else(|| Error::msg("Page.captureScreenshot returned no data"))?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|e| Error::msg(format!("screenshot is not base64: {e}")))?;
        save_png(name, &png)
    }
}

/// Writes `png` as `target/screenshots/<name>.png`, after checking it is a PNG.
fn save_png(name: &str, png: &[u8]) -> Result<PathBuf> {
    if crate::png_size(png).is_none() {
        bail!("the screenshot `{name}` is not a PNG");
    }
    let dir = crate::screenshots_dir();
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png)?;
    Ok(path)
}
