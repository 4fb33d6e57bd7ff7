//! `cargo xtask setup`: checks each tool the project needs and installs what is missing.
//!
//! Idempotent, one progress line per item; with everything present it only runs a few
//! `--version` lookups. Any item that cannot be made right is an error, never a skip.

use crate::util::{self, cmd, doing, done, human_duration, output_of, timed, which, Result};
use std::path::Path;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const TRUNK_VERSION: &str = "0.21.14";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The folder holding the pinned axe-core (`package.json`, `package-lock.json`).
const AXE_DIR: &str = "e2e/axe";

/// What the caller needs beyond the build tools.
#[derive(Clone, Copy)]
pub struct Needs {
    /// Chromium and chromedriver (tests only; serving and building need no browser here).
    pub browser: bool,
}

/// `cargo xtask setup [--no-browser]`.
pub fn command(args: &[String]) -> Result<()> {
    let browser = match args {
        [] => true,
        [flag] if flag == "--no-browser" => false,
        [other, ..] => return Err(format!("unexpected argument `{other}`")),
    };
    ensure(Needs { browser })
}

/// Makes sure every needed tool is present, installing what is missing.
pub fn ensure(needs: Needs) -> Result<()> {
    wasm_target()?;
    rust_src()?;
    trunk()?;
    wasm_bindgen_cli(&locked_wasm_bindgen_version()?)?;
    if needs.browser {
        browser()?;
        axe_core()?;
    }
    Ok(())
}

/// The `wasm32-unknown-unknown` rustup target.
fn wasm_target() -> Result<()> {
    let installed = output_of("rustup", &["target", "list", "--installed"])
        .ok_or("`rustup target list --installed` failed: is Rust installed through rustup?")?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        done("wasm32 target present");
        return Ok(());
    }
    install(
        "the wasm32 target",
        "a few seconds",
        cmd("rustup", &["target", "add", WASM_TARGET]),
    )
}

/// The standard library's source, which the site's build compiles for size
/// (`dist::small_std`).
fn rust_src() -> Result<()> {
    let installed = output_of("rustup", &["component", "list", "--installed"])
        .ok_or("`rustup component list --installed` failed: is Rust installed through rustup?")?;
    if installed.lines().any(|l| l.trim().starts_with("rust-src")) {
        done("rust-src component present");
        return Ok(());
    }
    install(
        "the rust-src component",
        "a few seconds",
        cmd("rustup", &["component", "add", "rust-src"]),
    )
}

/// The build tools are compiled without optimisation: on 2 cores trunk installs in 3 min 45 s
/// instead of 8 min 22 s and wasm-bindgen-cli in 1 min 25 s instead of 2 min 46 s, and the
/// site builds as fast (measured 2026-12-01: a trunk build in 0.85 s against 0.91 s, the
/// bindings of the module in 1.0 s against 0.2 s).
const DEBUG: &str = "--debug";

/// trunk, exactly version 0.21.14 (0.22 needs a newer rustc than this project's).
fn trunk() -> Result<()> {
    let found = tool_version("trunk");
    if found.as_deref() == Some(TRUNK_VERSION) {
        done(&format!("trunk {TRUNK_VERSION} present"));
        return Ok(());
    }
    let spec = format!("trunk@{TRUNK_VERSION}");
    let mut args = vec!["install", DEBUG, "--locked", spec.as_str()];
    if found.is_some() {
        args.push("--force");
    }
    install(
        &format!("trunk {TRUNK_VERSION}"),
        "about 4 minutes on 2 cores",
        cmd("cargo", &args),
    )?;
    expect_version("trunk", TRUNK_VERSION)
}

/// wasm-bindgen-cli (`wasm-bindgen` and `wasm-bindgen-test-runner`) at exactly `version`.
/// No `--locked`: the CLI's own lock names a crate version the registry does not serve.
fn wasm_bindgen_cli(version: &str) -> Result<()> {
    let cli = tool_version("wasm-bindgen");
    let runner = tool_version("wasm-bindgen-test-runner");
    if cli.as_deref() == Some(version) && runner.as_deref() == Some(version) {
        done(&format!("wasm-bindgen-cli {version} present"));
        return Ok(());
    }
    let spec = format!("wasm-bindgen-cli@{version}");
    let mut args = vec!["install", DEBUG, spec.as_str()];
    if which("wasm-bindgen").is_some() || which("wasm-bindgen-test-runner").is_some() {
        args.push("--force");
    }
    install(
        &format!("wasm-bindgen-cli {version}"),
        "about 1½ minutes on 2 cores",
        cmd("cargo", &args),
    )?;
    expect_version("wasm-bindgen", version)?;
    expect_version("wasm-bindgen-test-runner", version)
}

/// Chromium and chromedriver from apt, at the paths the tests use.
fn browser() -> Result<()> {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|p| !Path::new(p).is_file())
        .collect();
    if missing.is_empty() {
        done("chromium and chromedriver present");
        return Ok(());
    }
    if output_of("id", &["-u"]).as_deref() != Some("0") {
        return Err(format!(
            "{} missing, and installing them needs root. Run:\n  sudo apt-get update && \
             sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver\n\
             then run this command again.",
            missing.join(" and ")
        ));
    }
    install(
        "apt package lists",
        "apt-get update, under a minute",
        cmd("apt-get", &["update"]),
    )?;
    let mut apt = cmd("apt-get", &["install", "-y", "chromium", "chromium-driver"]);
    apt.env("DEBIAN_FRONTEND", "noninteractive");
    install("chromium and chromium-driver", "1–3 minutes", apt)?;
    match [CHROMIUM, CHROMEDRIVER]
        .iter()
        .find(|p| !Path::new(p).is_file())
    {
        Some(p) => Err(format!("apt-get finished but {p} is still missing")),
        None => Ok(()),
    }
}

/// axe-core for the accessibility tests, from the npm registry as `e2e/axe/package-lock.json`
/// pins it (`npm ci`), into `e2e/axe/node_modules`.
fn axe_core() -> Result<()> {
    let dir = util::repo_root().join(AXE_DIR);
    let wanted = locked_axe_version(&dir)?;
    let installed = dir.join("node_modules/axe-core/package.json");
    let found = std::fs::read_to_string(&installed)
        .ok()
        .and_then(|text| json_version(&text));
    if found.as_deref() == Some(wanted.as_str()) && dir.join(AXE_MIN_JS).is_file() {
        done(&format!("axe-core {wanted} present"));
        return Ok(());
    }
    if which("npm").is_none() {
        return Err(format!(
            "npm is missing: the accessibility tests need axe-core {wanted} from the npm \
             registry. Install Node.js and npm (Debian: `sudo apt-get install -y nodejs npm`), \
             then run this command again."
        ));
    }
    let mut npm = cmd(
        "npm",
        &["ci", "--no-audit", "--no-fund", "--ignore-scripts"],
    );
    npm.current_dir(&dir);
    install(&format!("axe-core {wanted} with npm"), "a few seconds", npm)
}

/// `axe.min.js` under the axe folder.
const AXE_MIN_JS: &str = "node_modules/axe-core/axe.min.js";

/// The axe-core version `package-lock.json` pins.
fn locked_axe_version(dir: &Path) -> Result<String> {
    let path = dir.join("package-lock.json");
    let lock = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let at = lock
        .find("\"node_modules/axe-core\"")
        .ok_or_else(|| format!("{} does not pin axe-core", path.display()))?;
    json_version(&lock[at..]).ok_or_else(|| format!("{} has no axe-core version", path.display()))
}

/// The first `"version": "X"` in a JSON text.
fn json_version(text: &str) -> Option<String> {
    let rest = &text[text.find("\"version\"")? + "\"version\"".len()..];
    let rest = rest
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// Prints `… installing what (estimate)`, runs `command`, then `✓ installed what in TIME`.
fn install(what: &str, estimate: &str, mut command: std::process::Command) -> Result<()> {
    doing(&format!("installing {what} ({estimate})"));
    let (result, took) = timed(|| util::run(&mut command));
    result.map_err(|e| format!("installing {what} failed: {e}"))?;
    done(&format!("installed {what} in {}", human_duration(took)));
    Ok(())
}

/// The version a tool reports as `name X.Y.Z …`, or `None` if it is missing.
fn tool_version(tool: &str) -> Option<String> {
    let text = output_of(tool, &["--version"])?;
    text.split_whitespace().nth(1).map(str::to_string)
}

/// An error unless `tool --version` now says `version` (after an install).
fn expect_version(tool: &str, version: &str) -> Result<()> {
    match tool_version(tool) {
        Some(v) if v == version => Ok(()),
        found => Err(format!(
            "after installing, `{tool} --version` reports {} instead of {version}; \
             is another {tool} earlier on PATH? ({})",
            found.unwrap_or_else(|| "nothing".into()),
            which(tool).map_or("not on PATH".into(), |p| p.display().to_string()),
        )),
    }
}

/// The version of the `wasm-bindgen` package in the root `Cargo.lock`.
fn locked_wasm_bindgen_version() -> Result<String> {
    let path = util::repo_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let versions = package_versions(&lock, "wasm-bindgen");
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err("Cargo.lock has no `wasm-bindgen` package".into()),
        many => Err(format!(
            "Cargo.lock has several wasm-bindgen versions ({}); pin one with `=` in Cargo.toml",
            many.join(", ")
        )),
    }
}

/// Every version of package `name` in a `Cargo.lock` text.
fn package_versions(lock: &str, name: &str) -> Vec<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines().map(str::trim);
    let mut versions = Vec::new();
    while let Some(line) = lines.next() {
        if line != wanted {
            continue;
        }
        let version = lines.next().and_then(|l| l.strip_prefix("version = \""));
        if let Some(v) = version.and_then(|v| v.strip_suffix('"')) {
            versions.push(v.to_string());
        }
    }
    versions
}

#[cfg(test)]
mod tests {
    use super::{json_version, package_versions};

    #[test]
    fn reads_the_first_version_field() {
        let lock = "\"node_modules/axe-core\": {\n  \"version\" : \"4.14.1\",\n  \"x\": 1}";
        assert_eq!(json_version(lock).as_deref(), Some("4.14.1"));
        assert_eq!(json_version("{\"name\": \"axe\"}"), None);
    }

    #[test]
    fn finds_only_the_named_package() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\n\
                    [[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.130\"\n";
        assert_eq!(package_versions(lock, "wasm-bindgen"), ["0.2.130"]);
        assert!(package_versions(lock, "trunk").is_empty());
    }
}
