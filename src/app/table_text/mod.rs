//! Reading points from pasted or dropped text: CSV, TSV, semicolon- or space-separated.
//!
//! The rules, in order:
//! - At most [`MAX_TEXT_BYTES`] bytes (1 MB, counted in UTF-8 bytes), checked before reading.
//! - A UTF-8 byte-order mark is dropped; lines end in `\n` or `\r\n`.
//! - Blank lines (nothing but spaces) are skipped wherever they are; line numbers still count
//!   them, so a message's line is the line an editor shows.
//! - The delimiter is decided once, from the first five non-blank lines (the header too):
//!   tab when each of them has one outside quotes; else semicolon or comma, whichever is in
//!   more of them (semicolon on a tie); else runs of spaces and tabs (see
//!   [`Delimiter::detect`]). A later line written with another delimiter is refused, named.
//! - A field may be quoted (`"1.5"`, with `""` for a quote inside); spaces around it are trimmed.
//! - The first non-blank line is a header when any of its fields is not written as a number
//!   (`NaN`, `inf` or an empty field do not make a header: they are bad values of a row). Columns
//!   named `x` and `y` (any case) are used; a header naming only one of them pairs it with the
//!   first other column; a header naming neither uses the first two. Without a header, the
//!   first two columns. Other columns are ignored.
//! - Numbers: an optional sign, digits with an optional decimal point, an optional exponent.
//! - 2 to [`MAX_TABLE_POINTS`] points; x not all equal; squares that do not overflow.
//!
//! Every refusal is an [`InputError`] for the field `data`. One at a place begins with it and
//! quotes the text, shortened: `line 7, column 2: "abc" is not a number` (columns count
//! fields, from 1; one point and "more than 10 000" name their line). Refusals of the whole
//! text (empty, too large, every x equal, squares that overflow) say so without a line.
//!
//! Why no CSV crate: `csv` needs `serde`, and `csv-core` (its state machine alone) would only
//! replace the line splitting; headers, numbers and messages are needed anyway. Measured on
//! the site's profile (`web`: opt-level z, LTO; before wasm-opt; gzip -9), the module without
//! this parser is 350 255 bytes and with it 354 049 (+3 794); a minimal `csv-core` field
//! reader added 2 812 more, for no behaviour the page needs.

mod fields;

pub use fields::{number, Delimiter, NumberProblem};

use crate::model::number;
use crate::model::{CostQuadratic, InputError, Samples};
use fields::{describe_problem, quote, split};

/// Most bytes of text read: 1 000 000 (1 MB), counted in UTF-8 bytes.
pub const MAX_TEXT_BYTES: usize = 1_000_000;
/// Most points a pasted table may hold on the page.
pub const MAX_TABLE_POINTS: usize = 10_000;
/// Lines looked at to decide the delimiter.
const DETECT_LINES: usize = 5;

/// The points read, and how they were read, so the page can say so.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The points.
    pub samples: Samples,
    /// What separated the fields.
    pub delimiter: Delimiter,
    /// The header's names of the columns used as x and y, when the text had a header.
    pub header: Option<(String, String)>,
    /// The 1-based columns used as x and y.
    pub columns: (usize, usize),
    /// Blank lines skipped.
    pub blank_lines: usize,
}

use crate::app::plural::count;

impl Table {
    /// One sentence on what was read, e.g.
    /// `60 points, comma-separated, x and y from columns "x" and "y" of the header.`
    pub fn describe(&self) -> String {
        let columns = match &self.header {
            Some((x, y)) => format!("columns {} and {} of the header", quote(x), quote(y)),
            None => format!("columns {} and {}", self.columns.0, self.columns.1),
        };
        let blank = match self.blank_lines {
            0 => String::new(),
            n => format!(", {} skipped", count(n, "blank line", "blank lines")),
        };
        let n = self.samples.len();
        let how = self.delimiter.describe();
        let points = count(n, "point", "points");
        format!("{points}, {how}, x and y from {columns}{blank}.")
    }
}

/// The error for `data`, placed at a line and a column (0 leaves the column out).
fn at(line: usize, column: usize, message: impl std::fmt::Display) -> InputError {
    let place = if column == 0 {
        format!("line {line}")
    } else {
        format!("line {line}, column {column}")
    };
    InputError::new("data", format!("{place}: {message}"))
}

/// Reads points from text. Never panics; every refusal says where and why.
pub fn parse_table(text: &str) -> Result<Table, InputError> {
    if text.len() > MAX_TEXT_BYTES {
        let message = format!(
            "the text is {} bytes; at most {MAX_TEXT_BYTES} bytes (1 MB) can be read",
            text.len()
        );
        return Err(InputError::new("data", message));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let blank = |l: &&str| l.trim().is_empty();
    // `lines` ends lines at `\n` or `\r\n`, and a last line ending adds no empty line.
    let head: Vec<&str> = text
        .lines()
        .filter(|l| !blank(l))
        .take(DETECT_LINES)
        .collect();
    let mut reader = Reader::new(Delimiter::detect(&head));
    // One pass, no vector of lines: a megabyte of short lines allocates nothing per line.
    for (i, line) in text.lines().enumerate() {
        if blank(&line) {
            reader.blank_lines += 1;
        } else {
            reader.line(i + 1, line)?;
        }
    }
    reader.finish()
}

/// The state of one pass over the lines.
struct Reader {
    delimiter: Delimiter,
    /// The header's line and fields, once read.
    header: Option<(usize, Vec<String>)>,
    /// The 1-based columns of x and y.
    columns: (usize, usize),
    /// Whether a non-blank line has been read.
    started: bool,
    x: Vec<f64>,
    y: Vec<f64>,
    /// The line of the first point.
    first_point: usize,
    blank_lines: usize,
}

impl Reader {
    fn new(delimiter: Delimiter) -> Self {
        Self {
            delimiter,
            header: None,
            columns: (1, 2),
            started: false,
            x: Vec::new(),
            y: Vec::new(),
            first_point: 0,
            blank_lines: 0,
        }
    }

    /// Reads one non-blank line: the header, or a point.
    fn line(&mut self, no: usize, line: &str) -> Result<(), InputError> {
        let fields = split(line, self.delimiter).map_err(|column| {
            at(
                no,
                column,
                format!("a quote is not closed in {}", quote(line)),
            )
        })?;
        if !std::mem::replace(&mut self.started, true) {
            // A header has a field that is not written as a number; `NaN`, `1e999` or an
            // empty field make a data row whose bad value is reported.
            let not_a_number = |f: &String| number(f) == Err(NumberProblem::NotANumber);
            if fields.iter().any(not_a_number) {
                self.columns = choose_columns(&fields);
                self.header = Some((no, fields));
                return Ok(());
            }
        }
        if self.x.len() == MAX_TABLE_POINTS {
            let message = format!(
                "more than {MAX_TABLE_POINTS} points; at most {MAX_TABLE_POINTS} can be used"
            );
            return Err(at(no, 0, message));
        }
        let value = |column: usize| {
            let field = fields.get(column - 1).map(String::as_str).unwrap_or("");
            number(field).map_err(|p| at(no, column, describe_problem(p, field)))
        };
        // Report the leftmost bad column first, as a reader scans the line.
        let (cx, cy) = self.columns;
        let (vx, vy) = if cx <= cy {
            (value(cx)?, value(cy)?)
        } else {
            let vy = value(cy)?;
            (value(cx)?, vy)
        };
        if self.x.is_empty() {
            self.first_point = no;
        }
        self.x.push(vx);
        self.y.push(vy);
        Ok(())
    }

    /// The table, once every line is read.
    fn finish(self) -> Result<Table, InputError> {
        let header_line = self.header.as_ref().map(|(no, _)| *no);
        let samples = check_points(self.x, self.y, self.first_point, header_line)?;
        let columns = self.columns;
        Ok(Table {
            samples,
            delimiter: self.delimiter,
            header: self.header.map(|(_, f)| name_pair(&f, columns)),
            columns,
            blank_lines: self.blank_lines,
        })
    }
}

/// The header's names of the columns used (a missing name reads as empty).
fn name_pair(fields: &[String], (cx, cy): (usize, usize)) -> (String, String) {
    let name = |c: usize| fields.get(c - 1).cloned().unwrap_or_default();
    (name(cx), name(cy))
}

/// The columns a header picks: `x` and `y` by name, one of them with the first other column,
/// or the first two.
fn choose_columns(fields: &[String]) -> (usize, usize) {
    let find = |name: &str| fields.iter().position(|f| f.eq_ignore_ascii_case(name));
    let first_other = |skip: usize| if skip == 0 { 2 } else { 1 };
    match (find("x"), find("y")) {
        (Some(cx), Some(cy)) => (cx + 1, cy + 1),
        (Some(cx), None) => (cx + 1, first_other(cx)),
        (None, Some(cy)) => (first_other(cy), cy + 1),
        (None, None) => (1, 2),
    }
}

/// Counts, equal x, and overflow, on the points read.
fn check_points(
    x: Vec<f64>,
    y: Vec<f64>,
    first_line: usize,
    header: Option<usize>,
) -> Result<Samples, InputError> {
    match (x.len(), header) {
        (0, Some(line)) => {
            let message = "there are no points below the header";
            return Err(at(line, 0, message));
        }
        (0, None) => {
            return Err(InputError::new(
                "data",
                "there is no data: the text is empty",
            ))
        }
        (1, _) => {
            let message = "this is the only point; a line needs at least two";
            return Err(at(first_line, 0, message));
        }
        _ => {}
    }
    let samples = Samples::new(x, y).map_err(|e| InputError::new("data", e.message))?;
    let q = CostQuadratic::new(&samples)
        .map_err(|e| InputError::new("data", format!("the {} {}", e.field, e.message)))?;
    if q.x_is_constant() {
        let first = samples.x().first().copied().unwrap_or_default();
        let message = if samples.x().iter().all(|&v| v == first) {
            format!(
                "every x is {}, so no line fits best (any slope fits as well); x must vary",
                number::shortest(first)
            )
        } else {
            "the x values are too close together for their spread to be measured, so no \
             slope can be fitted; rescale x"
                .to_owned()
        };
        return Err(InputError::new("data", message));
    }
    Ok(samples)
}
