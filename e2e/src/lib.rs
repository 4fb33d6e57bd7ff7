//! End-to-end tests of the BUILT gd-lab site in real headless Chromium.
//!
//! The harness serves the folder `trunk build` wrote ([`server::Site`]), starts Debian's
//! chromedriver and Chromium ([`chromedriver::ChromeDriver`], [`browser::Browser`]) and reads
//! what a learner sees ([`page`]). Run:
//!
//! ```text
//! trunk build --release --offline --dist target/e2e-dist
//! GD_LAB_DIST=$PWD/target/e2e-dist CHROMEDRIVER=/usr/bin/chromedriver CHROMIUM=/usr/bin/chromium \
//!     cargo test -p e2e -- --test-threads=1
//! ```
//!
//! Without the built site or the browser every test fails, saying what is missing
//! ([`config::Config::from_env`]); none is skipped.
//!
//! # Writing a test file
//!
//! Each file in `tests/` is one binary with one browser, shared by its tests through
//! [`lab()`]: the lab's site on one origin, and a Chromium window of 1280 × 900.
//!
//! ```no_run
//! #[test]
//! fn the_table_has_sixteen_rows() -> e2e::Result<()> {
//!     let lab = e2e::lab()?;
//!     lab.open("")?; // index.html, waits for data-lab-ready="1"
//!     let rows = lab.js("return document.querySelectorAll('#train-table tbody tr').length;")?;
//!     assert_eq!(rows, 16);
//!     lab.expect_clean_console("while opening the lab")
//! }
//! ```
//!
//! Sites of their own (a CSP header, a host page on a second origin) come from
//! [`server::Site::builder`]; figures, cells and tables from [`page`].

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

pub mod axe;
pub mod browser;
pub mod chromedriver;
pub mod config;
pub mod downloads;
mod error;
pub mod page;
pub mod poll;
pub mod server;

pub use axe::assert_no_axe_violations;
pub use browser::{Browser, LogEntry, Viewport};
pub use config::Config;
pub use error::{bail, ensure, Context, Error, Result};
pub use fantoccini::key::Key;
pub use server::{Site, SiteBuilder};

/// The window size of a shared [`Lab`]'s browser.
pub const WINDOW: (u32, u32) = (1280, 900);

/// The built lab served on its own origin, and a browser to look at it.
#[derive(Debug)]
pub struct Lab {
    /// Where the site and the browser are.
    pub config: Config,
    /// The built site, served as it is.
    pub site: Site,
    /// The browser; a `Lab` also derefs to it.
    pub browser: Browser,
}

impl Lab {
    /// Serves the built site and starts a browser with a `width` × `height` window.
    pub fn start(width: u32, height: u32) -> Result<Self> {
        let config = Config::from_env()?;
        let site = Site::builder().root(&config.dist).start()?;
        let browser = Browser::start(&config, width, height)?;
        Ok(Self {
            config,
            site,
            browser,
        })
    }

    /// The lab's page with `query` (`""`, or `"?lr=0.2"`).
    pub fn url(&self, query: &str) -> String {
        self.site.url(&format!("/index.html{query}"))
    }

    /// Opens the lab's page with `query` and waits until it is ready (see
    /// [`Browser::open_lab`]).
    pub fn open(&self, query: &str) -> Result<()> {
        self.browser.open_lab(&self.url(query))
    }
}

impl Deref for Lab {
    type Target = Browser;

    fn deref(&self) -> &Browser {
        &self.browser
    }
}

/// This test binary's lab, started on first use and shared by its tests one at a time
/// (the guard holds it). Every test should open the page it needs; the viewport is reset
/// to the window's size when a test takes the lab.
pub fn lab() -> Result<MutexGuard<'static, Lab>> {
    static SHARED: OnceLock<std::result::Result<Mutex<Lab>, String>> = OnceLock::new();
    let shared = SHARED.get_or_init(|| {
        Lab::start(WINDOW.0, WINDOW.1)
            .map(Mutex::new)
            .map_err(|e| e.to_string())
    });
    let lab = match shared {
        Ok(lab) => lab.lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
        Err(message) => return Err(Error::msg(message.clone())),
    };
    if lab.viewport().is_some() {
        lab.set_viewport(None)?;
    }
    Ok(lab)
}

/// The workspace's root folder.
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// Where screenshots go: `target/screenshots/` (under `CARGO_TARGET_DIR` when set).
pub fn screenshots_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|dir| {
            if dir.is_absolute() {
                dir
            } else {
                workspace_root().join(dir)
            }
        })
        .unwrap_or_else(|| workspace_root().join("target"))
        .join("screenshots")
}

/// A PNG's width and height, read from its header; `None` if `bytes` is not a PNG.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || !bytes.starts_with(SIGNATURE) || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let word =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Some((word(16), word(20)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_size_reads_the_header_and_refuses_other_bytes() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(390u32.to_be_bytes());
        png.extend(844u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((390, 844)));
        assert_eq!(png_size(b"GIF89a not a png at all, no"), None);
    }
}
