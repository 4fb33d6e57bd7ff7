//! One headless Chromium session through chromedriver, with a blocking API for tests.
//!
//! [`Browser`] owns a small tokio runtime, the fantoccini client and the chromedriver
//! process. Every method blocks until the browser answered (or a timeout passed), so test
//! code reads top to bottom. Besides the WebDriver basics it reads the browser console
//! (chromedriver's `se/log` endpoint), runs Chrome DevTools commands (`goog/cdp/execute`)
//! for viewport emulation and full-page screenshots, and saves PNGs under
//! `target/screenshots/`.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine as _;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value as Json};
use tokio::runtime::Runtime;

use crate::chromedriver::ChromeDriver;
use crate::config::Config;
use crate::{bail, Error, Result};

/// How long one WebDriver command may take.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// How long a page may take to reach `data-lab-ready="1"`.
pub const READY_TIMEOUT: Duration = Duration::from_secs(30);
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

/// One entry of the browser console, as chromedriver reports it.
#[derive(Debug, Clone, Deserialize)]
pub struct LogEntry {
    /// `SEVERE`, `WARNING`, `INFO` or `DEBUG`.
    pub level: String,
    /// The text, with the source's URL and line first for console API calls.
    pub message: String,
    /// Where it came from: `console-api`, `javascript`, `network`, `security`, …
    #[serde(default)]
    pub source: Option<String>,
}

impl LogEntry {
    /// An error or a warning: what a clean page never logs.
    pub fn is_problem(&self) -> bool {
        matches!(self.level.as_str(), "SEVERE" | "WARNING")
    }
}

impl std::fmt::Display for LogEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let source = self.source.as_deref().unwrap_or("?");
        write!(f, "[{} {source}] {}", self.level, self.message)
    }
}

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
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            self.goto("about:blank")?;
            std::thread::sleep(Duration::from_millis(100));
            let at = self.js("return location.href;")?;
            if at == "about:blank" {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("the new browser stays on {at} instead of about:blank");
            }
            std::thread::sleep(Duration::from_millis(200));
        }
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

    /// Opens the lab at `url` and waits until it says it is ready; console entries logged
    /// before are dropped, so [`Browser::console`] afterwards tells about this page only.
    pub fn open_lab(&self, url: &str) -> Result<()> {
        self.console()?;
        self.goto(url)?;
        self.wait_ready(READY_TIMEOUT)
            .map_err(|e| e.context(format!("opening {url}")))
    }

    /// Waits until `document.documentElement.dataset.labReady === "1"`.
    pub fn wait_ready(&self, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            let ready = self.js("return document.documentElement.dataset.labReady === '1';")?;
            if ready == Json::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(self.not_ready(timeout));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
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

    /// Runs `script` (a function body: use `return`) in the current frame.
    pub fn js(&self, script: &str) -> Result<Json> {
        self.js_with(script, Vec::new())
    }

    /// Runs `script` with `arguments[0..]` = `args`.
    pub fn js_with(&self, script: &str, args: Vec<Json>) -> Result<Json> {
        self.run(
            &format!("script `{}`", first_line(script)),
            self.client.execute(script, args),
        )
    }

    /// Runs `script` and reads its JSON result as `T`.
    pub fn js_as<T: DeserializeOwned>(&self, script: &str, args: Vec<Json>) -> Result<T> {
        let value = self.js_with(script, args)?;
        serde_json::from_value(value.clone()).map_err(|e| {
            Error::msg(format!(
                "script `{}` returned {value}, not the expected shape: {e}",
                first_line(script)
            ))
        })
    }

    /// Runs an asynchronous `script` that calls `arguments[arguments.length - 1](result)`.
    pub fn js_async(&self, script: &str, args: Vec<Json>) -> Result<Json> {
        self.run(
            &format!("async script `{}`", first_line(script)),
            self.client.execute_async(script, args),
        )
    }

    /// Waits for `n` animation frames of the page (redraws scheduled for the next frame ran).
    pub fn frames(&self, n: u32) -> Result<()> {
        self.js_async(
            "const [n, done] = arguments; let left = n; \
             const tick = () => (--left <= 0 ? done(true) : requestAnimationFrame(tick)); \
             requestAnimationFrame(tick);",
            vec![json!(n)],
        )?;
        Ok(())
    }

    /// Polls `script` until it returns `true`, at most `timeout`; the error says `what`.
    pub fn wait_for_js(&self, what: &str, script: &str, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            if self.js(script)? == Json::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("waited {timeout:?} for {what}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The browser console's entries since the last call (reading empties chromedriver's buffer).
    pub fn console(&self) -> Result<Vec<LogEntry>> {
        let body = json!({ "type": "browser" });
        let value = self.run(
            "read the browser console",
            self.client.issue_cmd(SessionPost {
                path: "se/log",
                body,
            }),
        )?;
        serde_json::from_value(value.clone()).map_err(|e| {
            Error::msg(format!(
                "chromedriver's browser log is not a list of entries ({e}): {value}"
            ))
        })
    }

    /// The console's errors and warnings since the last read.
    pub fn console_problems(&self) -> Result<Vec<LogEntry>> {
        Ok(self
            .console()?
            .into_iter()
            .filter(LogEntry::is_problem)
            .collect())
    }

    /// Fails, listing them, if the console logged any error or warning since the last read.
    pub fn expect_clean_console(&self, during: &str) -> Result<()> {
        let problems = self.console_problems()?;
        if problems.is_empty() {
            return Ok(());
        }
        bail!(
            "{} console error(s)/warning(s) {during}:{}",
            problems.len(),
            summarize(&problems)
        )
    }

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

    /// Clicks the element `css` like a person would (scrolled into view, real pointer events).
    pub fn click(&self, css: &str) -> Result<()> {
        self.run(&format!("click {css}"), async {
            self.client.find(Locator::Css(css)).await?.click().await
        })
    }

    /// Empties the text field `css` and types `text` into it.
    pub fn type_into(&self, css: &str, text: &str) -> Result<()> {
        self.run(&format!("type into {css}"), async {
            let field = self.client.find(Locator::Css(css)).await?;
            field.clear().await?;
            field.send_keys(text).await
        })
    }

    /// Presses `keys` together (in order down, reverse order up) on the focused element,
    /// e.g. `&[Key::Shift, Key::Enter]`.
    pub fn press(&self, keys: &[Key]) -> Result<()> {
        let mut actions = KeyActions::new("keyboard".to_string());
        for &key in keys {
            actions = actions.then(KeyAction::Down { value: key.into() });
        }
        for &key in keys.iter().rev() {
            actions = actions.then(KeyAction::Up { value: key.into() });
        }
        self.run("press keys", async {
            self.client.perform_actions(actions).await?;
            self.client.release_actions().await
        })
    }

    /// Makes the iframe `css` the frame that scripts and lookups act in.
    pub fn enter_frame(&self, css: &str) -> Result<()> {
        self.run(&format!("enter frame {css}"), async {
            self.client
                .find(Locator::Css(css))
                .await?
                .enter_frame()
                .await
        })
    }

    /// Goes back to the parent frame.
    pub fn leave_frame(&self) -> Result<()> {
        self.run("leave frame", self.client.enter_parent_frame())
    }

    /// The text of an open `alert`/`confirm`/`prompt`, if one is open (it stays open).
    pub fn open_dialog(&self) -> Option<String> {
        self.run("read alert", self.client.get_alert_text()).ok()
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

/// One line per distinct entry, with how many times it came, at most 20 lines.
pub fn summarize(entries: &[LogEntry]) -> String {
    let mut distinct: Vec<(String, usize)> = Vec::new();
    for entry in entries {
        let line = entry.to_string();
        match distinct.iter_mut().find(|(seen, _)| *seen == line) {
            Some((_, count)) => *count += 1,
            None => distinct.push((line, 1)),
        }
    }
    let mut text: String = distinct
        .iter()
        .take(20)
        .map(|(line, count)| match count {
            1 => format!("\n  {line}"),
            n => format!("\n  {n} × {line}"),
        })
        .collect();
    if distinct.len() > 20 {
        text.push_str(&format!("\n  … and {} more kinds", distinct.len() - 20));
    }
    text
}

fn first_line(script: &str) -> String {
    let line = script.trim().lines().next().unwrap_or_default();
    line.chars().take(80).collect()
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
