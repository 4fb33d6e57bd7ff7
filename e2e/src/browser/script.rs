//! Scripts in the page: run, read their JSON, wait for animation frames or a condition.

use serde::de::DeserializeOwned;
use serde_json::{json, Value as Json};

use std::time::Duration;

use super::Browser;
use crate::poll::poll;
use crate::{bail, Error, Result};

impl Browser {
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
        let done = poll(timeout, Duration::from_millis(50), || {
            Ok((self.js(script)? == Json::Bool(true)).then_some(()))
        })?;
        if done.is_none() {
            bail!("waited {timeout:?} for {what}");
        }
        Ok(())
    }
}

fn first_line(script: &str) -> String {
    let line = script.trim().lines().next().unwrap_or_default();
    line.chars().take(80).collect()
}
