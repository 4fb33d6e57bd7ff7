//! The learner's saved work: one versioned JSON record per lab page and embed configuration,
//! which the page keeps in the browser's `localStorage`, and the rule that decides, when the
//! lab opens, whether the link or the saved record sets the lab.
//!
//! A record is `{"format":"gd-lab-state","version":1,"query":"…","ran":["data",…]}`: the
//! learner's configuration as a query string ([`LabConfig::to_saved_query`]) and the cells
//! that had run. Anything may have written the storage, so a record is user input: it is read
//! by a small strict reader (this flat shape only, at most [`MAX_RECORD_BYTES`]), and its
//! query by the URL's own rules ([`LabConfig::from_saved_query`]), a bad value becoming a
//! notice. The JSON is written and read by hand (no JSON crate in the wasm).

use super::cell::Cell;
use super::config::{LabConfig, EMBED_KEYS, STATE_KEYS};
use super::data_param;
use super::export::text::json_string;
use super::table_text::MAX_TABLE_POINTS;
use crate::model::Samples;

/// The record's `format`.
pub const FORMAT: &str = "gd-lab-state";
/// The record's `version`: a record of another version is not read.
pub const VERSION: u32 = 1;
/// The largest record read (1 MiB): a paste's 10 000 points take about half of it.
pub const MAX_RECORD_BYTES: usize = 1 << 20;
/// Most query pairs read from a record, as many as the page reads from its URL.
pub const MAX_PAIRS: usize = 100;

/// Why a record was not read: older or newer than this lab, or damaged.
pub const OLDER: &str = "the saved record is from an older version of the lab";
/// A record written by a newer lab.
pub const NEWER: &str = "the saved record is from a newer version of the lab";
/// Anything else wrong with a record.
pub const DAMAGED: &str = "the saved record is damaged";
/// A record over [`MAX_RECORD_BYTES`].
pub const TOO_LARGE: &str = "the saved record is too large to read";

/// The line shown when the link's settings win over a saved record.
pub const LINE_URL: &str =
    "Opened from the link's settings; your saved work for this page is kept until you change something.";
/// The line shown when the saved record set the lab.
pub const LINE_SAVED: &str = "Restored your work from this browser.";
/// The line shown when a saved record could not be read.
pub const LINE_UNREADABLE: &str = "Your saved work could not be read, so the lab starts fresh.";
/// The line shown when the browser keeps no storage for the page (blocked, or private).
pub const LINE_BLOCKED: &str =
    "This browser does not let the lab keep your work here: it starts fresh on every visit.";
/// The line shown when the browser refused to write the record (its storage is full).
pub const LINE_FULL: &str =
    "Your latest work could not be saved: this browser's storage for the page is full.";

/// The learner's work as saved: the configuration's query and the cells that had run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// [`LabConfig::to_saved_query`] of the learner's configuration.
    pub query: String,
    /// The cells that had run, in the order they are given.
    pub ran: Vec<Cell>,
}

impl Saved {
    /// The record of a configuration and the cells that ran.
    pub fn of(config: &LabConfig, ran: impl IntoIterator<Item = Cell>) -> Self {
        Self {
            query: config.to_saved_query(),
            ran: ran.into_iter().collect(),
        }
    }

    /// `{"format":"gd-lab-state","version":1,"query":"…","ran":["data",…]}`.
    pub fn to_json(&self) -> String {
        let ran: Vec<String> = self.ran.iter().map(|c| json_string(c.name())).collect();
        format!(
            "{{\"format\":{},\"version\":{VERSION},\"query\":{},\"ran\":[{}]}}",
            json_string(FORMAT),
            json_string(&self.query),
            ran.join(",")
        )
    }

    /// Reads a record; the error is a one-line reason ([`OLDER`], [`NEWER`], [`DAMAGED`],
    /// [`TOO_LARGE`], the last two with what was wrong). Keys may come in any order; unknown
    /// keys are ignored; a cell named twice counts once. Never panics.
    pub fn from_json(text: &str) -> Result<Saved, String> {
        if text.len() > MAX_RECORD_BYTES {
            return Err(TOO_LARGE.into());
        }
        let fields = Reader::new(text)
            .object()
            .map_err(|why| format!("{DAMAGED} ({why})"))?;
        let damaged = |why: &str| Err(format!("{DAMAGED} ({why})"));
        let get = |key: &str| fields.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        match get("format") {
            Some(Value::Str(f)) if f == FORMAT => {}
            Some(_) => return damaged("not a record of this lab"),
            None => return damaged("no format"),
        }
        match get("version") {
            Some(&Value::Num(v)) if v == f64::from(VERSION) => {}
            Some(&Value::Num(v)) if v > f64::from(VERSION) => return Err(NEWER.into()),
            Some(&Value::Num(_)) => return Err(OLDER.into()),
            Some(_) => return damaged("the version is not a number"),
            None => return Err(OLDER.into()),
        }
        let Some(Value::Str(query)) = get("query") else {
            return damaged("no query string");
        };
        let Some(Value::Strings(names)) = get("ran") else {
            return damaged("no list of the cells that ran");
        };
        let mut ran = Vec::new();
        for name in names {
            let Some(cell) = Cell::from_name(name) else {
                return damaged("an unknown cell");
            };
            if !ran.contains(&cell) {
                ran.push(cell);
            }
        }
        Ok(Saved {
            query: query.clone(),
            ran,
        })
    }
}

/// Where the lab's configuration came from when it opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The link set some of the learner's state, which wins over a saved record.
    Url,
    /// A saved record, with the link's embed-only parameters on top.
    Saved,
    /// Neither: no record, `save=off`, or a record that could not be read.
    Default,
}

/// What the lab opens with: the configuration, its notices, the cells to run again, where
/// the configuration came from, and the line that says so (empty when nothing need be said).
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The configuration to open.
    pub config: LabConfig,
    /// One notice per ignored value, the link's and the record's.
    pub notices: Vec<String>,
    /// The cells the record says had run (empty unless [`Source::Saved`]).
    pub ran: Vec<Cell>,
    /// Where the configuration came from.
    pub source: Source,
    /// The line to show; empty for none.
    pub line: String,
}

/// The rule when the lab opens. If the link sets any of the learner's state (a parameter of
/// [`STATE_KEYS`]: anything but [`EMBED_KEYS`]; an unknown parameter, say `utm_source`,
/// sets nothing), the link wins and the record is kept. Else with `save=off` no record is
/// used. Else a record that reads sets the lab, its query read by the URL's rules, with the
/// link's embed-only parameters applied on top (a record's own embed-only parameters are
/// ignored, but the theme: it never names the host the lab posts to). A record that does not read leaves
/// the defaults, and a line says so.
pub fn restore(url_pairs: &[(String, String)], record: Option<&str>) -> Restored {
    let (url_config, url_notices) = LabConfig::from_query(url_pairs);
    let has_record = record.is_some_and(|r| !r.trim().is_empty());
    let fresh = |line: &str| Restored {
        config: url_config.clone(),
        notices: url_notices.clone(),
        ran: Vec::new(),
        source: Source::Default,
        line: line.to_string(),
    };
    if url_pairs
        .iter()
        .any(|(k, _)| STATE_KEYS.contains(&k.as_str()))
    {
        return Restored {
            source: Source::Url,
            line: if has_record {
                LINE_URL.into()
            } else {
                String::new()
            },
            ..fresh("")
        };
    }
    let Some(record) = record.filter(|_| url_config.save && has_record) else {
        return fresh("");
    };
    let Ok(saved) = Saved::from_json(record) else {
        return fresh(LINE_UNREADABLE);
    };
    let mut notices = Vec::new();
    let mut pairs = Vec::new();
    for (key, value) in query_pairs(&saved.query) {
        if EMBED_KEYS.contains(&key.as_str()) && key != "theme" {
            notices.push(format!(
                "Ignored “{}” in your saved work: only the link says how the lab is embedded",
                clip(&key)
            ));
        } else {
            pairs.push((key, value));
        }
    }
    pairs.extend(url_pairs.iter().cloned());
    let (config, more) = LabConfig::from_saved_query(&pairs);
    notices.extend(more);
    Restored {
        config,
        notices,
        ran: saved.ran,
        source: Source::Saved,
        line: LINE_SAVED.into(),
    }
}

/// The storage key of a lab page and embed configuration:
/// `gd-lab:1:<path>?<cells, figure, compact, host>`, the embed-only parameters read from
/// `embed_query` (a query string, with or without its `?`; other parameters are left out)
/// and written in a canonical order and form, so `cells=train,data` and `cells=data,train`
/// share a key. `save` and `theme` change how the lab looks or keeps work, not which work it
/// is, and are left out.
pub fn storage_key(path: &str, embed_query: &str) -> String {
    let pairs: Vec<(String, String)> = query_pairs(embed_query)
        .into_iter()
        .filter(|(k, _)| matches!(k.as_str(), "cells" | "figure" | "compact" | "host"))
        .collect();
    let (config, _) = LabConfig::from_query(&pairs);
    let key_config = LabConfig {
        save: true,
        theme: LabConfig::default().theme,
        ..config
    };
    format!("gd-lab:{VERSION}:{path}?{}", key_config.embed_query())
}

/// Splits a query string as the browser's `URLSearchParams` does: an optional leading `?`,
/// pairs split at `&` (empty ones skipped), each at its first `=`, `+` read as a space, then
/// percent-decoded as UTF-8 (a bad sequence becomes U+FFFD). At most [`MAX_PAIRS`] pairs, as
/// the page reads from its URL.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let decode = |s: &str| {
        let spaced = s.replace('+', " ");
        percent_encoding::percent_decode_str(&spaced)
            .decode_utf8_lossy()
            .into_owned()
    };
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .take(MAX_PAIRS)
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// A saved record's `data`: the link's rules ([`data_param::parse_inline`]) for up to a
/// paste's [`MAX_TABLE_POINTS`] pairs.
pub(crate) fn read_saved_data(value: &str) -> Result<Samples, String> {
    data_param::parse_pairs(value, MAX_TABLE_POINTS, "saved work holds")
}

fn clip(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(20).collect()
}

/// A value of the record's flat shape.
#[derive(Debug)]
enum Value {
    Str(String),
    Num(f64),
    Strings(Vec<String>),
    /// `true`, `false` or `null`: allowed under unknown keys.
    Other,
}

/// A strict reader of one JSON object whose values are strings, numbers, `true`, `false`,
/// `null` or arrays of strings: no deeper nesting, no duplicate keys, nothing after it.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

type Read<T> = Result<T, &'static str>;

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            at: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8, what: &'static str) -> Read<()> {
        self.space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(what)
        }
    }

    fn object(mut self) -> Read<Vec<(String, Value)>> {
        // A byte-order mark, which some editors write, is allowed before the object.
        if self.bytes.starts_with("\u{feff}".as_bytes()) {
            self.at = 3;
        }
        self.eat(b'{', "not a JSON object")?;
        let mut fields: Vec<(String, Value)> = Vec::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
        } else {
            loop {
                self.space();
                let key = self.string()?;
                if fields.iter().any(|(k, _)| *k == key) {
                    return Err("a key given twice");
                }
                self.eat(b':', "a key without a value")?;
                let value = self.value()?;
                fields.push((key, value));
                self.space();
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(b'}') => {
                        self.at += 1;
                        break;
                    }
                    _ => return Err("a value not followed by , or }"),
                }
            }
        }
        self.space();
        if self.at != self.bytes.len() {
            return Err("text after the object");
        }
        Ok(fields)
    }

    fn value(&mut self) -> Read<Value> {
        self.space();
        match self.peek() {
            Some(b'"') => Ok(Value::Str(self.string()?)),
            Some(b'[') => self.strings().map(Value::Strings),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Num),
            Some(b't') => self.word("true"),
            Some(b'f') => self.word("false"),
            Some(b'n') => self.word("null"),
            Some(b'{') => Err("a nested object"),
            _ => Err("a value that is not JSON"),
        }
    }

    fn word(&mut self, word: &'static str) -> Read<Value> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(Value::Other)
        } else {
            Err("a value that is not JSON")
        }
    }

    fn strings(&mut self) -> Read<Vec<String>> {
        self.eat(b'[', "not a list")?;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(items);
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err("a list holding something other than text");
            }
            items.push(self.string()?);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(items);
                }
                _ => return Err("a list item not followed by , or ]"),
            }
        }
    }

    fn number(&mut self) -> Read<f64> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err("a number that is not JSON"),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return Err("a number that is not JSON");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err("a number that is not JSON");
            }
        }
        // The bytes checked are ASCII, so this slice is text.
        let text = std::str::from_utf8(&self.bytes[start..self.at]).map_err(|_| "a bad number")?;
        crate::model::number::parse_f64(text)
            .filter(|v| v.is_finite())
            .ok_or("a number out of range")
    }

    fn string(&mut self) -> Read<String> {
        if self.peek() != Some(b'"') {
            return Err("a key or text without its quotes");
        }
        self.at += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(byte) = self.peek() else {
                return Err("text without its closing quote");
            };
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let Some(escape) = self.peek() else {
                        return Err("text without its closing quote");
                    };
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err("an unknown escape in text"),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return Err("a control character in text"),
                _ => out.push(byte),
            }
        }
        // Bytes copied whole from a `str` between ASCII quotes, and escapes encoded as UTF-8.
        String::from_utf8(out).map_err(|_| "text that is not UTF-8")
    }

    /// `\uXXXX` after the `\u`, a surrogate pair as one character; a lone surrogate is refused.
    fn unicode_escape(&mut self) -> Read<char> {
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                if !self.bytes[self.at..].starts_with(b"\\u") {
                    return Err("a lone surrogate escape");
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err("a lone surrogate escape");
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err("a lone surrogate escape"),
            _ => high,
        };
        char::from_u32(code).ok_or("a bad escape")
    }

    fn hex4(&mut self) -> Read<u32> {
        let hex = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or("a short \\u escape")?;
        let mut code = 0;
        for &b in hex {
            let digit = (b as char).to_digit(16).ok_or("a bad \\u escape")?;
            code = code * 16 + digit;
        }
        self.at += 4;
        Ok(code)
    }
}

/// The saved record's side of the configuration: what it keeps, and how it is read back.
impl LabConfig {
    /// The query a saved record keeps (`app::saved`): like [`LabConfig::to_query`] without the
    /// embed-only parameters ([`EMBED_KEYS`]) but the theme (the learner's choice, which a
    /// link's `theme` overrides), and with the points of `data` however many
    /// (a paste holds at most [`MAX_TABLE_POINTS`], which a record reads back).
    pub fn to_saved_query(&self) -> String {
        let d = LabConfig::default();
        let state = LabConfig {
            cells: d.cells,
            figure: None,
            compact: false,
            host: None,
            save: true,
            data: None,
            ..self.clone()
        };
        let mut query = state.to_query();
        if let Some(samples) = self.data.as_ref().filter(|s| s.len() <= MAX_TABLE_POINTS) {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str("data=");
            query.push_str(&data_param::write_inline(samples));
        }
        query
    }

    /// Reads a saved record's query: [`LabConfig::from_query`]'s rules, with `data` allowed as
    /// many points as a paste.
    pub fn from_saved_query(pairs: &[(String, String)]) -> (LabConfig, Vec<String>) {
        LabConfig::read_pairs(pairs, read_saved_data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_takes_the_flat_shape_only() {
        let ok = r#" {"ran":["data","data"],"x":null,"y":[],"z":true,"query":"a\u00e9\ud83d\ude00\n","version":1.0,"format":"gd-lab-state"} "#;
        let saved = Saved::from_json(ok).expect("reads");
        assert_eq!(saved.query, "a\u{e9}\u{1f600}\n");
        assert_eq!(saved.ran, vec![Cell::Data]);
        for bad in [
            "",
            "{",
            "[]",
            r#"{"format":"gd-lab-state","version":1,"query":"","ran":[]}x"#,
            r#"{"format":"gd-lab-state","version":1,"query":"","ran":[1]}"#,
            r#"{"format":"gd-lab-state","version":1,"query":"\ud800","ran":[]}"#,
            r#"{"format":"gd-lab-state","version":1,"query":"\udc00x","ran":[]}"#,
            r#"{"format":"gd-lab-state","version":1,"query":"\u12","ran":[]}"#,
            r#"{"format":"gd-lab-state","version":1,"query":"\q","ran":[]}"#,
            "{\"format\":\"gd-lab-state\",\"version\":1,\"query\":\"\t\",\"ran\":[]}",
            r#"{"format":"gd-lab-state","version":1,"query":"","ran":["evil"]}"#,
            r#"{"format":"gd-lab-state","version":1,"query":"","ran":[],"ran":[]}"#,
            r#"{"format":"gd-lab-state","version":1,"query":"","ran":[],"o":{}}"#,
            r#"{"format":"gd-lab-state","version":01,"query":"","ran":[]}"#,
            r#"{"format":"other","version":1,"query":"","ran":[]}"#,
            r#"{"format":"gd-lab-state","version":1,"ran":[]}"#,
            r#"{"format":"gd-lab-state","version":1e999,"query":"","ran":[]}"#,
        ] {
            let err = Saved::from_json(bad).expect_err(bad);
            assert!(err.starts_with(DAMAGED), "{bad}: {err}");
        }
        let v0 = r#"{"format":"gd-lab-state","version":0,"query":"","ran":[]}"#;
        assert_eq!(Saved::from_json(v0), Err(OLDER.into()));
        let v2 = r#"{"format":"gd-lab-state","query":"","ran":[],"version":2}"#;
        assert_eq!(Saved::from_json(v2), Err(NEWER.into()));
    }

    #[test]
    fn query_pairs_decode_as_url_search_params() {
        assert_eq!(
            query_pairs("?a=1+2&&b=%2B%E2%9C%93&c&d=x=y&e=%FF"),
            [
                ("a", "1 2"),
                ("b", "+✓"),
                ("c", ""),
                ("d", "x=y"),
                ("e", "\u{fffd}")
            ]
            .map(|(k, v)| (k.to_string(), v.to_string()))
        );
    }
}
