//! One headless Chromium session through chromedriver, with a blocking API for tests.
//!
//! [`Browser`] owns a small tokio runtime, the fantoccini client and the chromedriver
//! process. Every method blocks until the browser answered (or a timeout passed), so test
//! code reads top to bottom. Besides the WebDriver basics it reads the browser console
//! (chromedriver's `se/log` endpoint), runs Chrome DevTools commands (`goog/cdp/execute`)
//! for viewport emulation and full-page screenshots, and saves PNGs under
//! `target/screenshots/`.

use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value as Json};
use tokio::runtime::Runtime;

use crate::chromedriver::ChromeDriver;
use crate::config::Config;
use crate::poll::poll;
use crate::{bail, Error, Result};

mod console;
mod devtools;
mod input;
mod script;

pub use console::{summarize, LogEntry};
pub use devtools::Viewport;

/// How long one WebDriver command may take.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// How long a page may take to reach `data-lab-ready="1"`.
pub const READY_TIMEOUT: Duration = Duration::from_secs(30);

/// A chromedriver extension command: `POST /session/{id}/<path>` with a JSON body.
#[derive(Debug)]
struct SessionPost {
    path: &'static str,
    body: Json,
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// A headless Chromium session. Ends the session and chromedriver when dropped.
#[derive(Debug)]
pub struct Browser {
    client: Client,
    runtime: Runtime,
    viewport: Mutex<Option<Viewport>>,
    driver: ChromeDriver,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium whose window is `width` × `height`.
    pub fn start(config: &Config, width: u32, height: u32) -> Result<Self> {
        let temp = tempfile::Builder::new()
            .prefix("gd-lab-e2e-")
            .tempdir()?
            .keep();
        let driver = ChromeDriver::start(&config.chromedriver, temp)?;
        let profile = driver.temp().join("profile");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()?;
        let capabilities = capabilities(config, &profile, width, height);
        let client = runtime
            .block_on(async {
                let connector = hyper_util::client::legacy::connect::HttpConnector::new();
                tokio::time::timeout(
                    COMMAND_TIMEOUT,
                    ClientBuilder::new(connector)
                        .capabilities(capabilities)
                        .connect(&driver.url()),
                )
                .await
            })
            .map_err(|_| Error::msg("Chromium did not start within a minute"))?
            .map_err(|e| {
                Error::msg(format!(
                    "chromedriver could not start {}: {e}",
                    config.chromium.display()
                ))
            })?;
        let browser = Self {
            client,
            runtime,
            viewport: Mutex::new(None),
            driver,
        };
        browser.run("set timeouts", async {
            let timeouts = fantoccini::wd::TimeoutConfiguration::new(
                Some(Duration::from_secs(30)),
                Some(Duration::from_secs(30)),
                Some(Duration::ZERO),
            );
            browser.client.update_timeouts(timeouts).await
        })?;
        // A response the browser would save instead of showing (a wrong Content-Type) must
        // fail the test, not fill ~/Downloads.
        browser.cdp("Browser.setDownloadBehavior", json!({ "behavior": "deny" }))?;
        browser.settle()?;
        Ok(browser)
    }

    /// Waits until the tab shows `about:blank`. Chromium starts on its New Tab Page, which
    /// may still be loading when the first test navigates; that late load would replace the
    /// test's page, so the first navigation is made here and checked.
    fn settle(&self) -> Result<()> {
        let mut at = Json::Null;
        let settled = poll(Duration::from_secs(15), Duration::from_millis(200), || {
            self.goto("about:blank")?;
            std::thread::sleep(Duration::from_millis(100));
            at = self.js("return location.href;")?;
            Ok((at == "about:blank").then_some(()))
        })?;
        if settled.is_none() {
            bail!("the new browser stays on {at} instead of about:blank");
        }
        Ok(())
    }

    /// The fantoccini client, for anything this API lacks (use with [`Browser::block_on`]).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The chromedriver this session talks to (its log is in [`ChromeDriver::temp`]).
    pub fn chromedriver(&self) -> &ChromeDriver {
        &self.driver
    }

    /// Runs a future on the session's runtime.
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// Runs one WebDriver exchange with a timeout; errors say what was being done.
    fn run<T, E: std::fmt::Display>(
        &self,
        what: &str,
        future: impl Future<Output = Result<T, E>>,
    ) -> Result<T> {
        // The timer must be made inside the runtime.
        match self.block_on(async { tokio::time::timeout(COMMAND_TIMEOUT, future).await }) {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => Err(Error::msg(format!("{what}: {e}"))),
            Err(_) => Err(Error::msg(format!(
                "{what}: no answer within {COMMAND_TIMEOUT:?}"
            ))),
        }
    }

    /// Navigates to `url` and waits for its `load` event.
    pub fn goto(&self, url: &str) -> Result<()> {
        self.run(&format!("open {url}"), self.client.goto(url))
    }

    /// Opens the lab at `url` as a first visit and waits until it says it is ready: the work
    /// a page of its origin saved in this browser is forgotten first, so tests stay
    /// independent. Console entries logged before are dropped, so [`Browser::console`]
    /// afterwards tells about this page only.
    pub fn open_lab(&self, url: &str) -> Result<()> {
        self.forget_saved_work(url)?;
        self.reopen_lab(url)
    }

    /// Opens the lab at `url` keeping what it saved in this browser (a reload, a visit
    /// later), and waits until it is ready.
    pub fn reopen_lab(&self, url: &str) -> Result<()> {
        self.console()?;
        self.goto(url)?;
        self.wait_ready(READY_TIMEOUT)
            .map_err(|e| e.context(format!("opening {url}")))
    }

    /// Erases the `localStorage` of `url`'s origin, after leaving the page shown (whose
    /// pending save would otherwise land after the erasing).
    pub fn forget_saved_work(&self, url: &str) -> Result<()> {
        let origin = url::Url::parse(url)
            .map_err(|e| Error::msg(format!("{url}: {e}")))?
            .origin()
            .ascii_serialization();
        self.goto("about:blank")?;
        self.cdp(
            "Storage.clearDataForOrigin",
            json!({ "origin": origin, "storageTypes": "local_storage" }),
        )?;
        Ok(())
    }

    /// Waits until `document.documentElement.dataset.labReady === "1"`.
    pub fn wait_ready(&self, timeout: Duration) -> Result<()> {
        let script = "return document.documentElement.dataset.labReady === '1';";
        poll(timeout, Duration::from_millis(50), || {
            Ok((self.js(script)? == Json::Bool(true)).then_some(()))
        })?
        .ok_or_else(|| self.not_ready(timeout))
    }

    /// Everything that helps tell why a page never became ready.
    fn not_ready(&self, timeout: Duration) -> Error {
        let state = self
            .js(
                "return {url: location.href, readyState: document.readyState, \
                 labReady: document.documentElement.dataset.labReady ?? null, \
                 bindings: typeof window.wasmBindings, \
                 notices: document.getElementById('notices')?.textContent ?? null, \
                 statuses: [...document.querySelectorAll('.status')].map(s => s.textContent).filter(Boolean)};",
            )
            .map_or_else(|e| e.to_string(), |v| v.to_string());
        let console = self.console().map_or_else(
            |e| e.to_string(),
            |entries| {
                entries
                    .iter()
                    .map(|e| format!("\n  {e}"))
                    .collect::<String>()
            },
        );
        let shot = self
            .screenshot("not-ready")
            .map_or_else(|e| e.to_string(), |p| p.display().to_string());
        Error::msg(format!(
            "the lab did not set data-lab-ready=\"1\" within {timeout:?}. Page: {state}. \
             Console:{console}\n  Screenshot: {shot}"
        ))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let client = self.client.clone();
        let _ = self.runtime.block_on(async {
            tokio::time::timeout(Duration::from_secs(10), client.close()).await
        });
        // The driver (a field) ends after this: chromedriver and Chromium's process group.
    }
}

fn capabilities(
    config: &Config,
    profile: &std::path::Path,
    width: u32,
    height: u32,
) -> Capabilities {
    let args = [
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        format!("--user-data-dir={}", profile.display()),
        format!("--window-size={width},{height}"),
    ];
    let value = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": config.chromium.display().to_string(),
            "args": args,
        },
        "goog:loggingPrefs": { "browser": "ALL" },
        // Every test waits for what it needs (the lab's `data-lab-ready`, the host page's
        // height messages). With two labs starting in iframes, chromedriver's wait for every
        // frame's load event sometimes timed out at 30 s while the page itself was fine.
        "pageLoadStrategy": "eager",
    });
    match value {
        Json::Object(map) => map,
        _ => Capabilities::new(),
    }
}
