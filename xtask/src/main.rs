//! `cargo xtask <command>`: set up, serve, test, build and benchmark the gradient-descent lab.
//!
//! Every command runs from the repository root with Cargo's bin dir first on `PATH`, so tools
//! that `setup` has just installed are found at once.

mod bench;
mod dist;
mod imports;
mod math;
mod minify;
mod order;
mod pack;
mod serve;
mod setup;
mod test;
mod util;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  setup [--no-browser]  install what is missing: wasm32 target, trunk, wasm-bindgen-cli,
                        chromium + chromedriver (apt, needs root)
  serve [--port N]      setup, then serve the site at http://127.0.0.1:N/ (default 8080)
  dist [--out DIR]      setup, then build the release site into DIR (default dist/)
  test                  setup, then every check: fmt, clippy, native, wasm and end-to-end tests
  bench [--write-readme] [--replays N]
                        setup, then measure load, redraw, size, engine and memory and print
                        one table against the targets; --write-readme also puts it in
                        README.md. --replays: memory-check replays (default 1000)
  items [MODULE.wasm]   the ten largest functions and data segments of a module that kept
                        its names (default: the lab's, built with its names)
  pack [DIR]            pack the site in DIR for gzip: the modules' custom sections (names)
                        out, imports named short, functions reordered; the JavaScript
                        minified (default: trunk's staging folder: it is trunk's
                        post-build hook)";

fn main() -> ExitCode {
    util::put_cargo_bin_on_path();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nerror: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the command named by the first argument with the rest as its options.
fn dispatch(args: &[String]) -> util::Result<()> {
    let Some((command, rest)) = args.split_first() else {
        println!("{USAGE}");
        return Ok(());
    };
    match command.as_str() {
        "setup" => setup::command(rest),
        "serve" => serve::command(rest),
        "dist" => dist::command(rest),
        "test" => test::command(rest),
        "bench" => bench::command(rest),
        "items" => bench::items::command(rest),
        "pack" => pack::command(rest),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}
