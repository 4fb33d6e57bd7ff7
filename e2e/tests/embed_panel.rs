//! The Embed panel writes the iframe line for the author's choices and copies it; a lab in
//! a frame sandboxed without `allow-same-origin` (where none of its script can run) says so
//! on screen with a link, and with `allow-same-origin` it runs as usual.

use std::time::Duration;

use e2e::{ensure, Result, Site};

fn lines(lab: &e2e::Lab) -> Result<(String, String)> {
    lab.js_as(
        "return [document.getElementById('embed-iframe').value, document.getElementById('embed-oneline').value];",
        vec![],
    )
}

#[test]
fn the_embed_panel_updates_as_you_choose_and_copies() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("?lr=0.3")?;
    lab.click("#embed")?;
    let open: (String, bool) = lab.js_as(
        "return [document.getElementById('embed').getAttribute('aria-expanded'), !document.getElementById('embed-box').hidden];",
        vec![],
    )?;
    ensure!(
        open == ("true".into(), true),
        "the panel did not open: {open:?}"
    );
    let (iframe, one_line) = lines(&lab)?;
    ensure!(
        iframe.starts_with("<iframe src=\"") && iframe.contains("lr=0.3"),
        "iframe line {iframe:?}"
    );
    ensure!(
        one_line.starts_with(&iframe) && one_line.contains("embed.js"),
        "one line {one_line:?}"
    );

    lab.click("#embed-cell-objective")?;
    let (after_cells, _) = lines(&lab)?;
    ensure!(
        after_cells != iframe
            && after_cells.contains("cells=")
            && !after_cells.contains("objective"),
        "after unticking a cell: {after_cells:?}"
    );
    lab.click("#embed-compact")?;
    let (after_compact, _) = lines(&lab)?;
    ensure!(
        after_compact.contains("compact=1"),
        "after compact: {after_compact:?}"
    );
    lab.js("const s = document.getElementById('embed-figure'); s.value = 'contour'; s.dispatchEvent(new Event('change', { bubbles: true }));")?;
    let (after_figure, _) = lines(&lab)?;
    ensure!(
        after_figure.contains("figure=contour") && after_figure.contains("the contour figure"),
        "after the figure: {after_figure:?}"
    );

    lab.click("#embed-copy-iframe")?;
    lab.wait_for_js(
        "the copy to report",
        "return document.getElementById('embed-status').textContent.length > 0;",
        Duration::from_secs(10),
    )?;
    let (status, selected): (String, bool) = lab.js_as(
        "const t = document.getElementById('embed-iframe'); \
         return [document.getElementById('embed-status').textContent, \
                 document.activeElement === t && t.selectionStart === 0 && t.selectionEnd === t.value.length];",
        vec![],
    )?;
    ensure!(
        status.contains("Copied") || status.contains("selected"),
        "status {status:?}"
    );
    ensure!(selected, "the iframe line is not selected ready to copy");
    lab.screenshot("embed-panel")?;
    lab.expect_clean_console("while using the Embed panel")
}

fn host(lab_origin: &str, sandbox: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title><link rel="icon" href="data:,"></head>
<body><iframe id="lab" onload="window.frameLoaded = true" title="Lab" width="800" height="600" sandbox="{sandbox}" src="{lab_origin}/index.html?cells=data"></iframe></body></html>"#
    )
}

#[test]
fn a_frame_without_allow_same_origin_says_what_to_allow() -> Result<()> {
    let lab = e2e::lab()?;
    let origin = lab.site.origin();
    let site = Site::builder()
        .page("/blocked.html", host(&origin, "allow-scripts"))
        .page(
            "/allowed.html",
            host(&origin, "allow-scripts allow-same-origin"),
        )
        .start()?;
    let loaded = "return window.frameLoaded === true;";
    // About one run in three, in the full suite only, the blocked frame's load event never
    // came: a request the test server never answered, not the page (the note's markup and
    // style are static). The first wait says what was served and the host is opened again.
    for attempt in 1..=3 {
        lab.goto(&site.url("/blocked.html"))?;
        match lab.wait_for_js("the frame to load", loaded, Duration::from_secs(20)) {
            Ok(()) => break,
            Err(e) => {
                let (ours, host) = (lab.site.served(), site.served());
                let why = format!("{e}; the lab's server answered {ours:?}; the host's {host:?}");
                ensure!(attempt < 3, "{why}");
                eprintln!("attempt {attempt}: {why}");
            }
        }
    }
    lab.enter_frame("#lab")?;
    lab.wait_for_js(
        "the note to show",
        "const n = document.getElementById('sandbox-note'); return !!n && getComputedStyle(n).visibility === 'visible';",
        Duration::from_secs(20),
    )?;
    let (text, href, ready): (String, String, bool) = lab.js_as(
        "const n = document.getElementById('sandbox-note'); \
         return [n.innerText, n.querySelector('a').href, document.documentElement.dataset.labReady === '1'];",
        vec![],
    )?;
    ensure!(
        text.contains("allow-same-origin") && text.contains("allow-scripts"),
        "the note says {text:?}"
    );
    ensure!(href.starts_with(&origin), "the link goes to {href}");
    ensure!(!ready, "the lab started in a frame that should block it");
    lab.leave_frame()?;
    lab.screenshot("sandbox-blocked")?;

    lab.goto(&site.url("/allowed.html"))?;
    lab.wait_for_js("the frame to load", loaded, Duration::from_secs(30))?;
    lab.enter_frame("#lab")?;
    lab.wait_ready(e2e::browser::READY_TIMEOUT)?;
    let note: bool = lab.js_as("return !!document.getElementById('sandbox-note');", vec![])?;
    ensure!(!note, "with allow-same-origin the note is still there");
    lab.leave_frame()?;
    Ok(())
}
