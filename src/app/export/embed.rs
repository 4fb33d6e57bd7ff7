//! The lines an author pastes to embed the lab: the `<iframe>` and the `embed.js` helper
//! that sizes it (see docs/embed.html).

use super::text::html_attr;
use crate::app::config::{figure_names, CELLS, EMBED_KEYS, THEMES};
use crate::app::origin::parse_origin;
use crate::model::limits::InputError;

/// What the author chose in the Embed panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedRequest {
    /// The lab's address, origin and path (`https://example.edu/labs/gd/index.html`); a
    /// query or fragment on it is dropped.
    pub lab_url: String,
    /// The state's own query (a Share link's, without `?`); its `cells`, `figure` and
    /// `compact` are replaced by the choices below.
    pub state_query: String,
    /// The cells shown, by the names of [`CELLS`]; empty for all.
    pub cells: Vec<String>,
    /// No notebook chrome.
    pub compact: bool,
    /// One figure alone, by a name of [`figure_names`].
    pub figure: Option<String>,
    /// The course page's origin that hears the learner's statements (`host=`); empty for
    /// none.
    pub host: String,
    /// Whether the learner's work is kept in their browser (`save=off` when not).
    pub save: bool,
    /// The theme, one of [`THEMES`] (`auto` is the default and is not written).
    pub theme: String,
}

/// The snippets built from a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedSnippet {
    /// The frame's address.
    pub src: String,
    /// The `<iframe …></iframe>` line.
    pub iframe: String,
    /// The `<script src=".../embed.js" defer></script>` line that sizes the frame.
    pub script: String,
    /// Both on one line: the frame, then the helper.
    pub one_line: String,
}

/// The `sandbox` tokens the lab needs: its module and wasm load from its own origin
/// (scripts, same origin), saving makes downloads, and "open in its own tab" a popup that
/// is a normal page again.
pub const SANDBOX: &str =
    "allow-scripts allow-same-origin allow-downloads allow-popups allow-popups-to-escape-sandbox";

/// Builds the snippets, refusing an address that is not http(s) or a name the lab does not
/// know.
pub fn embed_snippet(request: &EmbedRequest) -> Result<EmbedSnippet, InputError> {
    let base = page_address(&request.lab_url)?;
    let cells = checked_cells(&request.cells)?;
    if let Some(figure) = &request.figure {
        if !figure_names().contains(figure) {
            return Err(InputError::new(
                "figure",
                format!("\"{figure}\" is not a figure of the lab"),
            ));
        }
    }
    let host = match request.host.trim() {
        "" => None,
        text => Some(parse_origin(text).map_err(|message| InputError::new("host", message))?),
    };
    if !THEMES.contains(&request.theme.as_str()) {
        return Err(InputError::new(
            "theme",
            format!("the themes are {}", THEMES.join(", ")),
        ));
    }
    let src = frame_src(base, request, &cells, host.as_deref());
    let title = match &request.figure {
        Some(figure) => format!("Gradient descent lab: the {figure} figure"),
        None => "Gradient descent lab".to_string(),
    };
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" loading=\"lazy\" \
         allow=\"clipboard-write; fullscreen\" allowfullscreen sandbox=\"{SANDBOX}\"></iframe>",
        html_attr(&src),
        html_attr(&title),
        height(&cells, request.figure.is_some(), request.compact),
    );
    let folder = &base[..base.rfind('/').map_or(base.len(), |i| i + 1)];
    let script = format!(
        "<script src=\"{}\" defer></script>",
        html_attr(&format!("{folder}embed.js"))
    );
    let one_line = format!("{iframe}{script}");
    Ok(EmbedSnippet {
        src,
        iframe,
        script,
        one_line,
    })
}

/// The address without query or fragment; http(s) only, one line.
fn page_address(url: &str) -> Result<&str, InputError> {
    let base = url.split(['?', '#']).next().unwrap_or_default();
    let rest = (base.strip_prefix("https://")).or_else(|| base.strip_prefix("http://"));
    let host_ok = rest.is_some_and(|r| !r.is_empty() && !r.starts_with("://"));
    if !host_ok || base.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(InputError::new(
            "labUrl",
            "must be the lab's http:// or https:// address, with no spaces",
        ));
    }
    Ok(base)
}

fn checked_cells(cells: &[String]) -> Result<Vec<&'static str>, InputError> {
    if let Some(bad) = cells.iter().find(|c| !CELLS.contains(&c.as_str())) {
        return Err(InputError::new(
            "cells",
            format!(
                "\"{bad}\" is not a cell; the cells are {}",
                CELLS.join(", ")
            ),
        ));
    }
    // Page order, whatever order they were ticked in; all when none is chosen.
    let chosen: Vec<&'static str> = CELLS
        .iter()
        .copied()
        .filter(|c| cells.iter().any(|x| x == c))
        .collect();
    Ok(if chosen.is_empty() {
        CELLS.to_vec()
    } else {
        chosen
    })
}

fn frame_src(base: &str, request: &EmbedRequest, cells: &[&str], host: Option<&str>) -> String {
    let mut pairs: Vec<String> = request
        .state_query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = p.split('=').next().unwrap_or_default();
            !EMBED_KEYS.contains(&key)
        })
        .map(str::to_string)
        .collect();
    if cells.len() < CELLS.len() {
        pairs.push(format!("cells={}", cells.join(",")));
    }
    if let Some(figure) = &request.figure {
        pairs.push(format!("figure={figure}"));
    }
    if request.compact {
        pairs.push("compact=1".into());
    }
    if let Some(host) = host {
        pairs.push(format!("host={host}"));
    }
    if !request.save {
        pairs.push("save=off".into());
    }
    if request.theme != THEMES[0] {
        pairs.push(format!("theme={}", request.theme));
    }
    if pairs.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", pairs.join("&"))
    }
}

/// A starting height in CSS pixels (embed.js then fits the frame to its content): one
/// figure alone, or the sum of the chosen cells' usual heights.
fn height(cells: &[&str], figure: bool, compact: bool) -> u32 {
    if figure {
        return 520;
    }
    let sum: u32 = cells
        .iter()
        .map(|c| match *c {
            "objective" | "model" => 260,
            "data" => 520,
            "surface" => 620,
            "train" => 1500,
            "results" | "practice" => 900,
            "explore" => 1100,
            _ => 400,
        })
        .sum();
    let chrome = if compact { 0 } else { 120 };
    (sum + chrome).min(8000)
}
