//! Shared helpers: the repository root, `PATH`, option parsing, progress lines and running
//! commands (plainly, or streamed through while their output is captured).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Every failure is a message for the user.
pub type Result<T> = std::result::Result<T, String>;

/// The workspace root: the parent of this crate's folder.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Cargo's bin dir: `$CARGO_HOME/bin`, by default `~/.cargo/bin`.
fn cargo_bin_dir() -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))?;
    Some(home.join("bin"))
}

/// Puts Cargo's bin dir first on this process's `PATH`, for lookups and every child command.
pub fn put_cargo_bin_on_path() {
    let Some(bin) = cargo_bin_dir() else { return };
    let old = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::env::split_paths(&old).collect();
    if dirs.first() == Some(&bin) {
        return;
    }
    dirs.insert(0, bin);
    if let Ok(path) = std::env::join_paths(dirs) {
        std::env::set_var("PATH", path);
    }
}

/// The first executable file called `name` in a `PATH` directory.
pub fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// A command for `program` with `args`, run from the repository root.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args).current_dir(repo_root());
    command
}

/// The command as a shell-like line with the variables it sets, for headers and errors.
pub fn describe(command: &Command) -> String {
    let mut line = String::new();
    for (key, value) in command.get_envs() {
        let value = value.map(|v| v.to_string_lossy()).unwrap_or_default();
        line.push_str(&format!("{}={value} ", key.to_string_lossy()));
    }
    line.push_str(&command.get_program().to_string_lossy());
    for arg in command.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

/// The trimmed standard output of `program args`, or `None` if it is missing or fails.
pub fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = cmd(program, args).stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Runs `command` with the terminal as its input and output; an error unless it succeeds.
pub fn run(command: &mut Command) -> Result<()> {
    let line = describe(command);
    let status = command
        .status()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// What a streamed command left behind: whether it succeeded, and all it printed.
pub struct Captured {
    /// The command exited with status 0.
    pub success: bool,
    /// Standard output then standard error, line by line as they came on each stream.
    pub text: String,
}

/// Runs `command`, passing its output through as it comes while keeping a copy.
pub fn run_captured(command: &mut Command) -> Result<Captured> {
    let line = describe(command);
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    let out = child.stdout.take().map(|s| tee(s, std::io::stdout()));
    let err = child.stderr.take().map(|s| tee(s, std::io::stderr()));
    let status = child
        .wait()
        .map_err(|e| format!("`{line}` did not finish: {e}"))?;
    let mut text = String::new();
    for handle in [out, err].into_iter().flatten() {
        text.push_str(&handle.join().unwrap_or_default());
    }
    Ok(Captured {
        success: status.success(),
        text,
    })
}

/// Copies `source` to `sink` line by line on a thread; the thread returns what it copied.
fn tee<R, W>(source: R, mut sink: W) -> std::thread::JoinHandle<String>
where
    R: Read + Send + 'static,
    W: Write + Send + 'static,
{
    std::thread::spawn(move || {
        let mut reader = BufReader::new(source);
        let mut kept = String::new();
        let mut buf = Vec::new();
        while matches!(reader.read_until(b'\n', &mut buf), Ok(n) if n > 0) {
            let _ = sink.write_all(&buf);
            let _ = sink.flush();
            kept.push_str(&String::from_utf8_lossy(&buf));
            buf.clear();
        }
        kept
    })
}

/// Prints a finished item: `✓ message`.
pub fn done(message: &str) {
    println!("✓ {message}");
}

/// Prints an item under way: `… message`.
pub fn doing(message: &str) {
    println!("… {message}");
}

/// `1m 05s` or `4.2s`.
pub fn human_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        format!("{}m {:02}s", d.as_secs() / 60, d.as_secs() % 60)
    }
}

/// Runs `f` and returns its result with the time it took.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

/// The value after `--name` or in `--name=value`; `Ok(None)` if the option is absent.
/// Any other argument is an error, so typos are never silently ignored.
pub fn option_value(args: &[String], name: &str) -> Result<Option<String>> {
    let flag = format!("--{name}");
    let mut value = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == &flag {
            let next = iter.next().ok_or(format!("{flag} needs a value"))?;
            value = Some(next.clone());
        } else if let Some(v) = arg.strip_prefix(&format!("{flag}=")) {
            value = Some(v.to_string());
        } else {
            return Err(format!("unexpected argument `{arg}`"));
        }
    }
    Ok(value)
}

/// The staged site a post-build hook works on: `[DIR]` from its arguments, else trunk's
/// `TRUNK_STAGING_DIR`; with the files in it whose names end in `.{extension}`.
pub fn staged_files(command: &str, args: &[String], extension: &str) -> Result<Vec<PathBuf>> {
    let dir = match args {
        [dir] => PathBuf::from(dir),
        [] => std::env::var_os("TRUNK_STAGING_DIR")
            .map(PathBuf::from)
            .ok_or(format!(
                "{command}: give the site's folder, or run as trunk's hook"
            ))?,
        _ => return Err(format!("usage: cargo xtask {command} [DIR]")),
    };
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
    Ok(files)
}

/// The bytes of `path`; an error names the file.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The text of `path`; an error names the file.
pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes `bytes` to `path`; an error names the file.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
