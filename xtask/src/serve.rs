//! `cargo xtask serve [--port N]`: setup, then trunk's development server on 127.0.0.1.

use crate::setup::{self, Needs};
use crate::util::{self, cmd, option_value, Result};

/// Serves the release build at `http://127.0.0.1:PORT/`, rebuilding on changes.
pub fn command(args: &[String]) -> Result<()> {
    let port = match option_value(args, "port")? {
        None => 8080,
        Some(text) => match text.parse::<u16>() {
            Ok(port) if port > 0 => port,
            _ => {
                return Err(format!(
                    "--port wants a number from 1 to 65535, not `{text}`"
                ))
            }
        },
    };
    // You open the page in a browser of your own: no Chromium needed.
    setup::ensure(Needs { browser: false })?;
    let port = port.to_string();
    println!("\nOpen http://127.0.0.1:{port}/ in a browser (Ctrl-C stops the server)\n");
    util::run(crate::dist::small_std(&mut cmd(
        "trunk",
        &[
            "serve",
            "--offline",
            "--release",
            "--address",
            "127.0.0.1",
            "--port",
            &port,
        ],
    )))
}
