//! Where the built site and the browser are: read from the environment, checked up front.
//!
//! | variable | meaning | when unset |
//! | --- | --- | --- |
//! | `GD_LAB_DIST` | the folder `trunk build` wrote (holds `index.html`) | every test fails and says how to build it |
//! | `CHROMEDRIVER` | Debian's `chromedriver` | `/usr/bin/chromedriver`; fails if that is missing |
//! | `CHROMIUM` | Debian's `chromium` | `/usr/bin/chromium`; fails if that is missing |
//!
//! Nothing here downloads a browser: a missing one is a failure with a message, never a skip.

use std::path::{Path, PathBuf};

use crate::{bail, Result};

/// The files every built site has; a folder without them is not the built lab. (The wasm
/// and its JavaScript glue are named by the build; a wrong name shows as a failed load.)
const SITE_FILES: [&str; 2] = ["index.html", "loader.js"];

/// The built site and the browser binaries the tests use.
#[derive(Debug, Clone)]
pub struct Config {
    /// The built site's folder.
    pub dist: PathBuf,
    /// The chromedriver binary.
    pub chromedriver: PathBuf,
    /// The Chromium binary.
    pub chromium: PathBuf,
}

impl Config {
    /// Reads and checks `GD_LAB_DIST`, `CHROMEDRIVER` and `CHROMIUM`.
    pub fn from_env() -> Result<Self> {
        let dist = match std::env::var_os("GD_LAB_DIST") {
            Some(dist) if !dist.is_empty() => absolute(Path::new(&dist)),
            _ => bail!(
                "GD_LAB_DIST is not set. The end-to-end tests test the BUILT site: build it with \
                 `trunk build --release --offline --dist target/e2e-dist` in the workspace root, \
                 then run `GD_LAB_DIST=$PWD/target/e2e-dist cargo test -p e2e -- --test-threads=1`"
            ),
        };
        let missing: Vec<&str> = SITE_FILES
            .into_iter()
            .filter(|file| !dist.join(file).is_file())
            .collect();
        if !missing.is_empty() {
            bail!(
                "GD_LAB_DIST={} is not a built lab: it lacks {}. Build it with \
                 `trunk build --release --offline --dist target/e2e-dist`",
                dist.display(),
                missing.join(", ")
            );
        }
        Ok(Self {
            dist,
            chromedriver: binary("CHROMEDRIVER", "/usr/bin/chromedriver", "chromium-driver")?,
            chromium: binary("CHROMIUM", "/usr/bin/chromium", "chromium")?,
        })
    }
}

/// A relative path is taken from the workspace root (test binaries run in `e2e/`).
fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        crate::workspace_root().join(path)
    }
}

fn binary(variable: &str, default: &str, package: &str) -> Result<PathBuf> {
    let path = std::env::var_os(variable)
        .filter(|v| !v.is_empty())
        .map_or_else(|| PathBuf::from(default), PathBuf::from);
    if !path.is_file() {
        bail!(
            "{variable}: {} does not exist. Install Debian's `{package}` \
             (`apt-get install -y chromium chromium-driver`; nothing here downloads a browser), \
             or point {variable} at it",
            path.display()
        );
    }
    Ok(path)
}
