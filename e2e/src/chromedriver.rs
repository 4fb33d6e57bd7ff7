//! A chromedriver process on a free port: started, awaited until it answers, and always ended.
//!
//! chromedriver runs in a process group of its own, so the Chromium it starts is in that
//! group too and ends with it. Dropping a [`ChromeDriver`] ends the group. A test binary's
//! shared session lives in a `static`, which Rust never drops, so a small watchdog (`sh`)
//! ends the group and removes the temporary folder as soon as the test binary exits, however
//! it exits (even killed).

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::poll::poll;
use crate::{bail, Error, Result};

/// How long chromedriver may take to answer `/status`.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// A running chromedriver.
#[derive(Debug)]
pub struct ChromeDriver {
    child: Child,
    watchdog: Option<Child>,
    port: u16,
    temp: PathBuf,
}

impl ChromeDriver {
    /// Starts `binary` on a free port, with its log and the browser profile under `temp`
    /// (removed when the driver ends), and waits until it answers.
    pub fn start(binary: &Path, temp: PathBuf) -> Result<Self> {
        let mut last = Error::msg("chromedriver did not start");
        for _ in 0..3 {
            match Self::try_start(binary, &temp) {
                Ok(driver) => return Ok(driver),
                Err(err) => last = err,
            }
        }
        let _ = std::fs::remove_dir_all(&temp);
        Err(last)
    }

    fn try_start(binary: &Path, temp: &Path) -> Result<Self> {
        let port = free_port()?;
        let log = temp.join("chromedriver.log");
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| Error::msg(format!("cannot run {}: {e}", binary.display())))?;
        let mut driver = Self {
            watchdog: watchdog(child.id(), temp).ok(),
            child,
            port,
            temp: temp.to_path_buf(),
        };
        driver.wait_until_ready().map_err(|err| {
            let tail = std::fs::read_to_string(&log).unwrap_or_default();
            let tail: String = tail.lines().rev().take(15).collect::<Vec<_>>().join("\n");
            err.context(format!(
                "chromedriver on port {port} (log, newest first:\n{tail}\n)"
            ))
        })?;
        Ok(driver)
    }

    fn wait_until_ready(&mut self) -> Result<()> {
        let ready = poll(START_TIMEOUT, Duration::from_millis(50), || {
            if let Some(status) = self.child.try_wait()? {
                bail!("exited before answering: {status}");
            }
            Ok(is_ready(self.port).unwrap_or(false).then_some(()))
        })?;
        if ready.is_none() {
            bail!("no answer to /status within {START_TIMEOUT:?}");
        }
        Ok(())
    }

    /// The WebDriver address, `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The folder for this driver's log and the browser profile.
    pub fn temp(&self) -> &Path {
        &self.temp
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        kill_group(self.child.id(), "TERM");
        std::thread::sleep(Duration::from_millis(300));
        kill_group(self.child.id(), "KILL");
        let _ = self.child.wait();
        if let Some(mut watchdog) = self.watchdog.take() {
            let _ = watchdog.kill();
            let _ = watchdog.wait();
        }
        let _ = std::fs::remove_dir_all(&self.temp);
    }
}

/// A port nobody listens on right now.
pub fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Sends `signal` to the process group `group`.
fn kill_group(group: u32, signal: &str) {
    let _ = Command::new("kill")
        .args([format!("-{signal}"), "--".into(), format!("-{group}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Ends chromedriver's group and removes `temp` once this process has gone.
fn watchdog(group: u32, temp: &Path) -> Result<Child> {
    const SCRIPT: &str = r#"while kill -0 "$1" 2>/dev/null; do sleep 0.2; done
kill -TERM "-$2" 2>/dev/null; sleep 1; kill -KILL "-$2" 2>/dev/null; rm -rf "$3""#;
    Ok(Command::new("sh")
        .arg("-c")
        .arg(SCRIPT)
        .arg("gd-lab-e2e-watchdog")
        .arg(std::process::id().to_string())
        .arg(group.to_string())
        .arg(temp)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()?)
}

/// Whether chromedriver at 127.0.0.1:`port` says it is ready (its `/status` answers
/// `{"value": {"ready": true, …}}`).
fn is_ready(port: u16) -> Result<bool> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(2)))
        .build()
        .into();
    let body = agent
        .get(format!("http://127.0.0.1:{port}/status"))
        .call()?
        .body_mut()
        .read_to_string()?;
    let status: serde_json::Value = serde_json::from_str(&body)?;
    Ok(status["value"]["ready"] == serde_json::Value::Bool(true))
}
