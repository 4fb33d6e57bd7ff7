//! A static file server for the built site, on 127.0.0.1 at a port the system picks.
//!
//! Each [`Site`] is one origin (`http://127.0.0.1:<port>`): start two for a host page and the
//! lab on different origins. A site serves a folder, extra pages given as strings (a host
//! page for embedding), and adds any response headers asked for (a `Content-Security-Policy`).
//! It answers in a background thread and stops when dropped.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use tiny_http::{Header, Method, Request, Response, Server};

use crate::{Error, Result};

/// The `Content-Type` of a file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" | "map" => "application/json",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// One request a site answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    /// The request's path and query, as sent.
    pub url: String,
    /// The status sent back.
    pub status: u16,
}

/// What a [`Site`] serves; build with [`Site::builder`].
#[derive(Debug, Default, Clone)]
pub struct SiteBuilder {
    root: Option<PathBuf>,
    headers: Vec<(String, String)>,
    pages: HashMap<String, String>,
    /// `Some(seconds)`: answer as a static host does (see [`SiteBuilder::static_host`]).
    max_age: Option<u32>,
}

impl SiteBuilder {
    /// Serves the files under `root` (`/` is `index.html`).
    #[must_use]
    pub fn root(mut self, root: impl Into<PathBuf>) -> Self {
        self.root = Some(root.into());
        self
    }

    /// Adds a header to every response, e.g. `Content-Security-Policy`.
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// Answers as a static host does, instead of `Cache-Control: no-store`: every file with
    /// `Cache-Control: max-age=<seconds>` and an `ETag` (a hash of its bytes), and `304 Not
    /// Modified` without a body to a request whose `If-None-Match` names that tag.
    #[must_use]
    pub fn static_host(mut self, max_age_seconds: u32) -> Self {
        self.max_age = Some(max_age_seconds);
        self
    }

    /// Serves `html` at `path` (e.g. `/host.html`), ahead of any file.
    #[must_use]
    pub fn page(mut self, path: &str, html: impl Into<String>) -> Self {
        self.pages.insert(path.to_string(), html.into());
        self
    }

    /// Binds a free port on 127.0.0.1 and starts answering in a background thread.
    pub fn start(self) -> Result<Site> {
        let server = Server::http("127.0.0.1:0")
            .map_err(|e| Error::msg(format!("cannot start a server on 127.0.0.1: {e}")))?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| Error::msg("the server has no IP address"))?;
        let server = Arc::new(server);
        let served = Arc::new(Mutex::new(Vec::new()));
        let thread = {
            let (server, served) = (Arc::clone(&server), Arc::clone(&served));
            std::thread::Builder::new()
                .name(format!("site-{}", addr.port()))
                .spawn(move || {
                    for request in server.incoming_requests() {
                        let (status, response) = self.answer(&request);
                        // Logged before answering, so whoever got the answer finds it logged.
                        if let Ok(mut log) = served.lock() {
                            log.push(Served {
                                url: request.url().to_string(),
                                status,
                            });
                        }
                        // Each answer is written on a thread of its own: one slow reader (a
                        // frame busy compiling its wasm) must not hold up another frame's
                        // requests. The browser may have gone away; nothing to do about it.
                        std::thread::spawn(move || {
                            let _ = request.respond(response);
                        });
                    }
                })?
        };
        Ok(Site {
            addr,
            server,
            served,
            thread: Some(thread),
        })
    }

    fn answer(&self, request: &Request) -> (u16, Response<std::io::Cursor<Vec<u8>>>) {
        let (mut status, mut body, kind) = self.lookup(request.method(), request.url());
        // One request per connection: a connection kept alive between tests (or by a frame
        // whose scripts were refused) must not leave a later request waiting behind it.
        let mut headers = vec![
            ("Content-Type", kind.to_string()),
            ("Connection", "close".to_string()),
        ];
        match self.max_age {
            None => headers.push(("Cache-Control", "no-store".to_string())),
            Some(seconds) => {
                let tag = format!("\"{:016x}\"", fnv1a(&body));
                let asked = request.headers().iter().find(|h| {
                    h.field.equiv("If-None-Match") && h.value.as_str().contains(tag.as_str())
                });
                if status == 200 && asked.is_some() {
                    (status, body) = (304, Vec::new());
                }
                headers.push(("Cache-Control", format!("max-age={seconds}")));
                headers.push(("ETag", tag));
            }
        }
        let mut response = Response::from_data(body).with_status_code(status);
        headers.extend(
            self.headers
                .iter()
                .map(|(name, value)| (name.as_str(), value.clone())),
        );
        for (name, value) in headers {
            if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(header);
            }
        }
        (status, response)
    }

    fn lookup(&self, method: &Method, url: &str) -> (u16, Vec<u8>, &'static str) {
        const TEXT: &str = "text/plain; charset=utf-8";
        if !matches!(method, Method::Get | Method::Head) {
            return (405, b"method not allowed".to_vec(), TEXT);
        }
        let path = url.split(['?', '#']).next().unwrap_or("/");
        if let Some(html) = self.pages.get(path) {
            return (
                200,
                html.clone().into_bytes(),
                content_type(Path::new("page.html")),
            );
        }
        let Some(file) = self.root.as_deref().and_then(|root| resolve(root, path)) else {
            return (404, format!("not found: {path}").into_bytes(), TEXT);
        };
        match std::fs::read(&file) {
            Ok(bytes) => (200, bytes, content_type(&file)),
            Err(_) => (404, format!("not found: {path}").into_bytes(), TEXT),
        }
    }
}

/// The 64-bit FNV-1a hash of `bytes`: an entity tag that changes when the file does.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The file under `root` that `path` names, refusing anything that climbs out of `root`.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = root.join(relative);
    if file.is_dir() {
        Some(file.join("index.html"))
    } else {
        Some(file)
    }
}

/// A running static server: one origin. Stops when dropped.
pub struct Site {
    addr: SocketAddr,
    server: Arc<Server>,
    served: Arc<Mutex<Vec<Served>>>,
    thread: Option<JoinHandle<()>>,
}

impl Site {
    /// What this site will serve.
    pub fn builder() -> SiteBuilder {
        SiteBuilder::default()
    }

    /// `http://127.0.0.1:<port>`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address of `path_and_query` on this site; it should start with `/`.
    pub fn url(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.origin())
    }

    /// Every request answered so far, oldest first.
    pub fn served(&self) -> Vec<Served> {
        self.served
            .lock()
            .map(|log| log.clone())
            .unwrap_or_default()
    }
}

impl std::fmt::Debug for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Site")
            .field("origin", &self.origin())
            .finish()
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_of_the_sites_files() {
        for (file, kind) in [
            ("a.wasm", "application/wasm"),
            ("a.js", "text/javascript; charset=utf-8"),
            ("a.css", "text/css; charset=utf-8"),
            ("a.svg", "image/svg+xml"),
            ("a.html", "text/html; charset=utf-8"),
        ] {
            assert_eq!(content_type(Path::new(file)), kind, "{file}");
        }
    }

    /// A GET to `url` (on 127.0.0.1), returning the response's head.
    fn head_of(url: &str) -> String {
        use std::io::{Read, Write};
        let rest = url.trim_start_matches("http://");
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let mut stream = std::net::TcpStream::connect(host).expect("connect");
        write!(
            stream,
            "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read");
        response
            .split("\r\n\r\n")
            .next()
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn serves_pages_files_and_extra_headers() {
        let temp = tempfile::tempdir().expect("temp dir");
        let root = temp.path();
        std::fs::write(root.join("m.wasm"), b"\0asm").expect("write");
        let site = Site::builder()
            .root(root)
            .page("/host.html", "<p>host</p>")
            .header("Content-Security-Policy", "default-src 'self'")
            .start()
            .expect("site");
        let page = head_of(&site.url("/host.html?x=1"));
        assert!(page.contains("200 OK"), "{page}");
        assert!(page.contains("text/html; charset=utf-8"), "{page}");
        assert!(page.contains("default-src 'self'"), "{page}");
        let wasm = head_of(&site.url("/m.wasm"));
        assert!(wasm.contains("application/wasm"), "{wasm}");
        assert!(head_of(&site.url("/missing.js")).contains("404"));
        assert_eq!(site.served().len(), 3);
    }

    #[test]
    fn paths_cannot_climb_out_of_the_root() {
        let root = Path::new("/srv/site");
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/a/./b"), Some(root.join("a/b")));
        assert_eq!(resolve(root, "/a.js"), Some(root.join("a.js")));
    }
}
