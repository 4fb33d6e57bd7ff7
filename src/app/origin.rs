//! The `host` URL parameter: the origin of the course page that embeds the lab, the only
//! page the lab posts its statements to.
//!
//! An origin is a scheme (`http` or `https`), a host (a name of letters, digits, dots and
//! hyphens, a dotted IPv4 address, or an IPv6 address in brackets) and an optional port;
//! nothing else: no user, path, query or fragment (a trailing `/` is dropped). The origin
//! is kept in the form a browser serializes it (`event.origin`, `new URL(o).origin`):
//! lower case, no default port, IPv6 compressed, so the page can compare and post to it as is.

const WHAT: &str = "must be the origin of the page that embeds the lab, such as \
                    https://course.example or http://localhost:8000 (http or https, a host \
                    and an optional port; no path, user, query or fragment)";

/// Checks a `host` value and returns its serialized origin: `HTTPS://Course.Example:443/`
/// becomes `https://course.example`.
pub fn parse_origin(value: &str) -> Result<String, String> {
    let refuse = |why: &str| -> Result<String, String> { Err(format!("{why}; it {WHAT}")) };
    if value.len() > 300 {
        return refuse("is too long");
    }
    if !value.is_ascii() || value.chars().any(|c| c.is_ascii_control() || c == ' ') {
        return refuse("holds characters an origin cannot hold");
    }
    let lower = value.to_ascii_lowercase();
    let (scheme, rest, default_port) = if let Some(rest) = lower.strip_prefix("https://") {
        ("https", rest, 443)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        ("http", rest, 80)
    } else {
        return refuse("is not an http or https address");
    };
    let authority = rest.strip_suffix('/').unwrap_or(rest);
    if authority.contains(['/', '?', '#', '\\']) {
        return refuse("has a path, query or fragment");
    }
    if authority.as_bytes().contains(&b'@') {
        return refuse("has a user name");
    }
    let (host, port) = split_port(authority)?;
    let host = if let Some(inner) = host.strip_prefix('[') {
        let inner = inner
            .strip_suffix(']')
            .ok_or_else(|| format!("has an unclosed IPv6 address; it {WHAT}"))?;
        format!("[{}]", ipv6(inner)?)
    } else {
        name(host)?;
        host.to_string()
    };
    Ok(match port {
        Some(p) if p != default_port => format!("{scheme}://{host}:{p}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// Splits `host[:port]` (the host may be a bracketed IPv6 address holding colons).
fn split_port(authority: &str) -> Result<(&str, Option<u16>), String> {
    let colon = match authority.rfind(']') {
        Some(end) => authority[end..].find(':').map(|i| end + i),
        None => authority.find(':'),
    };
    let Some(colon) = colon else {
        return Ok((authority, None));
    };
    let (host, digits) = (&authority[..colon], &authority[colon + 1..]);
    let port = (1..=5)
        .contains(&digits.len())
        .then_some(digits)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|d| d.parse::<u32>().ok())
        .filter(|p| (1..=65535).contains(p));
    match port {
        Some(p) => Ok((host, Some(p as u16))),
        None => Err(format!(
            "has a port that is not a whole number from 1 to 65535; it {WHAT}"
        )),
    }
}

/// A host name (`course.example`, `localhost`) or a dotted IPv4 address (`127.0.0.1`).
fn name(host: &str) -> Result<(), String> {
    let bad = |why: &str| Err(format!("{why}; it {WHAT}"));
    if host.is_empty() {
        return bad("has no host");
    }
    if host.len() > 253 {
        return bad("has a host name that is too long");
    }
    let labels: Vec<&str> = host.split('.').collect();
    for label in &labels {
        let ok_chars = label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if label.is_empty() || label.len() > 63 || !ok_chars {
            return bad("has a host that is not a name of letters, digits, dots and hyphens");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return bad("has a part of its host name that starts or ends with a hyphen");
        }
    }
    // A browser reads a host ending in a number as an IPv4 address (`0x7f.1` too): only the
    // plain dotted form is taken, as the browser would write it back.
    let last = labels[labels.len() - 1];
    let numeric = last.bytes().all(|b| b.is_ascii_digit())
        || (last.starts_with("0x") && last[2..].bytes().all(|b| b.is_ascii_hexdigit()));
    if numeric && !dotted_ipv4(&labels) {
        return bad("has a host that is not a name nor an IPv4 address like 127.0.0.1");
    }
    Ok(())
}

/// Whether the labels are four numbers from 0 to 255 without leading zeros.
fn dotted_ipv4(labels: &[&str]) -> bool {
    labels.len() == 4
        && labels.iter().all(|l| {
            l.len() <= 3
                && l.bytes().all(|b| b.is_ascii_digit())
                && (l.len() == 1 || !l.starts_with('0'))
                && l.parse::<u16>().is_ok_and(|v| v <= 255)
        })
}

/// An IPv6 address, written as browsers serialize it: lower-case hex pieces, the first
/// longest run of two or more zero pieces as `::`.
fn ipv6(text: &str) -> Result<String, String> {
    if text.as_bytes().iter().any(|b| matches!(b, b'.' | b'%')) {
        return Err(format!(
            "has an IPv6 address in a form this lab does not read; it {WHAT}"
        ));
    }
    let pieces = ipv6_pieces(text)
        .ok_or_else(|| format!("has an IPv6 address that is not valid; it {WHAT}"))?;
    let (mut best, mut run) = ((0, 0), (0, 0));
    for (i, &piece) in pieces.iter().enumerate() {
        if piece == 0 {
            run = if run.1 == 0 {
                (i, 1)
            } else {
                (run.0, run.1 + 1)
            };
            if run.1 > best.1 {
                best = run;
            }
        } else {
            run = (0, 0);
        }
    }
    let hex = |s: &[u16]| {
        s.iter()
            .map(|p| format!("{p:x}"))
            .collect::<Vec<_>>()
            .join(":")
    };
    Ok(if best.1 >= 2 {
        let (start, end) = (best.0, best.0 + best.1);
        format!("{}::{}", hex(&pieces[..start]), hex(&pieces[end..]))
    } else {
        hex(&pieces)
    })
}

/// The eight pieces of an IPv6 address written as hex pieces with at most one `::` (the
/// forms [`ipv6`] reads: no dotted quad, no zone); `None` for anything else. It reads these
/// forms exactly as `std::net::Ipv6Addr` does (a test compares them), without bringing
/// std's address parser (1.4 KB gzipped) into the module for one rare parameter.
fn ipv6_pieces(text: &str) -> Option<[u16; 8]> {
    let piece = |p: &str| {
        let hex = (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_hexdigit());
        hex.then(|| u16::from_str_radix(p, 16).ok()).flatten()
    };
    let list = |s: &str| -> Option<Vec<u16>> {
        if s.is_empty() {
            return Some(Vec::new());
        }
        s.split(':').map(piece).collect()
    };
    let mut pieces = [0; 8];
    match split_at_double_colon(text) {
        None => pieces = list(text)?.try_into().ok()?,
        Some((head, tail)) => {
            let (head, tail) = (list(head)?, list(tail)?);
            if head.len() + tail.len() > 7 {
                return None;
            }
            pieces[..head.len()].copy_from_slice(&head);
            pieces[8 - tail.len()..].copy_from_slice(&tail);
        }
    }
    Some(pieces)
}

/// `text` around its first `::`. A byte search: `split_once("::")` (and `contains` with a
/// char) bring std's string searcher into the module, 1.4 KB gzipped, for these few uses.
fn split_at_double_colon(text: &str) -> Option<(&str, &str)> {
    let at = text.as_bytes().windows(2).position(|w| w == b"::")?;
    Some((&text[..at], &text[at + 2..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reader against `std::net::Ipv6Addr` on every form it reads and on near misses.
    #[test]
    fn ipv6_pieces_are_std_s() {
        let std_pieces = |t: &str| t.parse::<std::net::Ipv6Addr>().ok().map(|a| a.segments());
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let alphabet = b"0123456789abcdefABCDEF::::";
        for _ in 0..20_000 {
            let random: String = (0..next(30))
                .map(|_| alphabet[next(alphabet.len() as u64) as usize] as char)
                .collect();
            let pieces: Vec<String> = (0..8)
                .map(|_| match next(3) {
                    0 => "0".to_string(),
                    1 => format!("{:x}", next(0x1_0000)),
                    _ => format!("{:04X}", next(0x1_0000)),
                })
                .collect();
            let full = pieces.join(":");
            let (a, b) = (next(9) as usize, next(9) as usize);
            let (a, b) = (a.min(b), a.max(b));
            let compressed = format!("{}::{}", pieces[..a].join(":"), pieces[b..].join(":"));
            for text in [random, full, compressed] {
                assert_eq!(ipv6_pieces(&text), std_pieces(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn origins_are_taken_in_the_browsers_form() {
        let good = [
            ("https://course.example", "https://course.example"),
            ("http://localhost:8000", "http://localhost:8000"),
            ("HTTPS://Course.Example:443/", "https://course.example"),
            ("http://a-b.c1.example:80", "http://a-b.c1.example"),
            ("https://x:8443", "https://x:8443"),
            ("http://127.0.0.1:3000/", "http://127.0.0.1:3000"),
            ("https://[::1]:8080", "https://[::1]:8080"),
            ("http://[2001:DB8:0:0:0:0:0:1]", "http://[2001:db8::1]"),
            ("http://[1:0:0:2:0:0:0:3]", "http://[1:0:0:2::3]"),
            (
                "https://xn--bcher-kva.example",
                "https://xn--bcher-kva.example",
            ),
        ];
        for (value, origin) in good {
            assert_eq!(parse_origin(value).as_deref(), Ok(origin), "{value}");
        }
    }

    #[test]
    fn anything_but_an_origin_is_refused() {
        let hostile = [
            "",
            "*",
            "null",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "https://a.example/path",
            "https://a.example//",
            "https://a.example?x=1",
            "https://a.example#top",
            "https://user@x",
            "https://user:pw@x.example",
            "https://x:99999",
            "https://x:0",
            "https://x:",
            "https://x:80a",
            "https://x:-1",
            "//x",
            "x.example",
            "ftp://x.example",
            "https://",
            "https://.example",
            "https://a..example",
            "https://a.example.",
            "https://-a.example",
            "https://a_b.example",
            "https://exämple.com",
            "https://a example",
            "https://a.example\n",
            "https://<script>",
            "https://1.2.3.999",
            "https://0x7f.1",
            "https://01.2.3.4",
            "https://1.2.3",
            "https://[::1",
            "https://[zz::1]",
            "https://[::ffff:1.2.3.4]",
            "https://a\\b.example",
        ];
        for value in hostile {
            let err = parse_origin(value).expect_err(value);
            assert!(err.contains("origin"), "{value}: {err}");
        }
        assert!(parse_origin(&format!("https://{}.example", "a".repeat(400))).is_err());
        assert!(parse_origin(&format!("https://{}.example", "a".repeat(64))).is_err());
    }
}
