//! Ready for a course: in a frame on another origin with `host=` naming it, the parent hears
//! attempted, progressed, answered and completed statements in the documented envelope, and
//! only that origin does; full screen on the page and in a frame with `allowfullscreen`; every
//! theme passes axe at 1280 and 390 px and draws its figures on its own paper.

use std::time::Duration;

use e2e::{assert_no_axe_violations, ensure, Lab, Result, Site, Viewport};
use serde_json::{json, Value as Json};

const WAIT: Duration = Duration::from_secs(60);

/// A course page holding the lab at `src`, logging every xAPI message it receives.
fn host_page(src: &str, frame_attrs: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Course page</title>
<link rel="icon" href="data:,">
<script>
  window.statements = [];
  window.heights = 0;
  window.addEventListener('message', (event) => {{
    if (event.data && event.data.type === 'gd-lab:height') window.heights += 1;
    if (event.data && event.data.type === 'gd-lab:xapi') window.statements.push({{ origin: event.origin, statement: event.data.statement }});
  }});
</script></head><body>
<h1>A course page</h1>
<div id="holder" data-src="{src}" data-attrs="{frame_attrs}"></div>
<script>
  // The frame's address may name this page's own origin (HOST_ORIGIN), known only here.
  const holder = document.getElementById('holder');
  const frame = document.createElement('iframe');
  frame.id = 'lab'; frame.title = 'The lab'; frame.width = 900; frame.height = 700;
  if (holder.dataset.attrs) frame.setAttribute(holder.dataset.attrs, '');
  frame.src = holder.dataset.src.replace('HOST_ORIGIN', encodeURIComponent(location.origin));
  holder.appendChild(frame);
</script>
</body></html>"#
    )
}

/// Opens the host page and waits until the lab in its frame has posted a height.
fn open_host(lab: &Lab, host: &Site) -> Result<()> {
    lab.console()?;
    lab.goto(&host.url("/host.html"))?;
    lab.wait_for_js(
        "the framed lab to post its height",
        "return window.heights > 0;",
        WAIT,
    )
}

#[test]
fn the_host_named_hears_attempted_progressed_answered_and_completed() -> Result<()> {
    let lab = e2e::lab()?;
    lab.forget_saved_work(&lab.url(""))?;
    let src = lab.url("?host=HOST_ORIGIN");
    let host = Site::builder()
        .page("/host.html", host_page(&src, ""))
        .start()?;
    open_host(&lab, &host)?;
    lab.wait_for_js(
        "the opening's statements",
        "return window.statements.length >= 2;",
        WAIT,
    )?;
    lab.enter_frame("#lab")?;
    lab.type_into("#practice-lr", "0.05")?;
    lab.click_centred("#cell-practice button.run")?;
    lab.click_centred("#cell-race button.run")?;
    lab.leave_frame()?;
    lab.wait_for_js(
        "completed",
        "return window.statements.some((s) => s.statement.verb.id.endsWith('/completed'));",
        WAIT,
    )?;
    let got: Vec<Json> = lab.js_as("return window.statements;", vec![])?;
    ensure!(
        got.iter().all(|s| s["origin"] == lab.site.origin()),
        "a statement came from elsewhere: {got:?}"
    );
    let verbs: Vec<String> = got
        .iter()
        .map(|s| {
            let id = s["statement"]["verb"]["id"].as_str().unwrap_or("");
            id.rsplit('/').next().unwrap_or("").to_string()
        })
        .collect();
    ensure!(
        verbs.first().map(String::as_str) == Some("attempted"),
        "{verbs:?}"
    );
    ensure!(
        verbs.last().map(String::as_str) == Some("completed"),
        "{verbs:?}"
    );
    ensure!(
        verbs.iter().filter(|v| *v == "answered").count() == 1,
        "{verbs:?}"
    );
    let lab_id = lab.url("");
    for s in &got {
        let st = &s["statement"];
        ensure!(
            st.get("actor").is_none(),
            "a statement names an actor: {st}"
        );
        let id = st["object"]["id"].as_str().unwrap_or("");
        ensure!(
            id.starts_with(&lab_id),
            "object id {id} is not the lab's {lab_id}"
        );
        ensure!(
            st["verb"]["display"]["en-US"].is_string(),
            "no display: {st}"
        );
    }
    let answered = got
        .iter()
        .map(|s| &s["statement"])
        .find(|st| {
            st["verb"]["id"]
                .as_str()
                .is_some_and(|v| v.ends_with("/answered"))
        })
        .cloned()
        .unwrap_or(Json::Null);
    ensure!(
        answered["object"]["id"]
            .as_str()
            .is_some_and(|id| id.ends_with("#practice"))
            && answered["result"]["response"] == "0.05"
            && answered["result"]["success"].is_boolean(),
        "answered: {answered}"
    );
    let progressed: Vec<&Json> = got
        .iter()
        .map(|s| &s["statement"])
        .filter(|st| {
            st["verb"]["id"]
                .as_str()
                .is_some_and(|v| v.ends_with("/progressed"))
        })
        .collect();
    let ext = "https://w3id.org/xapi/cmi5/result/extensions/progress";
    let shares: Vec<f64> = progressed
        .iter()
        .filter_map(|st| st["result"]["extensions"][ext].as_f64())
        .collect();
    ensure!(
        shares.len() == progressed.len()
            && shares.windows(2).all(|w| w[0] < w[1])
            && shares.last() == Some(&100.0),
        "progress shares: {shares:?}"
    );
    lab.expect_clean_console("while a course heard the lab")
}

#[test]
fn no_host_or_another_host_hears_nothing() -> Result<()> {
    let lab = e2e::lab()?;
    for query in ["", "?host=https://elsewhere.example"] {
        lab.forget_saved_work(&lab.url(""))?;
        let host = Site::builder()
            .page("/host.html", host_page(&lab.url(query), ""))
            .start()?;
        open_host(&lab, &host)?;
        lab.enter_frame("#lab")?;
        lab.click_centred("#cell-race button.run")?;
        lab.leave_frame()?;
        lab.frames(30)?;
        let got: Vec<Json> = lab.js_as("return window.statements;", vec![])?;
        ensure!(got.is_empty(), "with {query:?} the host heard {got:?}");
    }
    Ok(())
}

#[test]
fn full_screen_on_the_page_on_a_figure_and_in_a_frame_that_allows_it() -> Result<()> {
    let lab = e2e::lab()?;
    lab.open("")?;
    lab.click("#fullscreen")?;
    lab.wait_for_js(
        "the lab on the whole screen",
        "return document.fullscreenElement === document.documentElement && document.getElementById('fullscreen').textContent === 'Exit full screen';",
        WAIT,
    )?;
    lab.click("#fullscreen")?;
    lab.wait_for_js(
        "full screen to end",
        "return document.fullscreenElement === null;",
        WAIT,
    )?;
    lab.click_centred("#fig-data ~ .save .fig-fullscreen")?;
    lab.wait_for_js(
        "the data figure on the whole screen, drawn at its size there",
        "const c = document.getElementById('fig-data');
         const css = c.getBoundingClientRect().width;
         return document.fullscreenElement === c.parentElement
           && Math.abs(c.width - Math.round(css * devicePixelRatio)) <= 1;",
        WAIT,
    )
    .map_err(|e| {
        let seen = lab
            .js("const c = document.getElementById('fig-data'); return [document.fullscreenElement?.outerHTML.slice(0, 80) ?? null, c.width, c.getBoundingClientRect().width];")
            .unwrap_or(Json::Null);
        e.context(format!("full screen element, canvas width, CSS width: {seen}"))
    })?;
    lab.js("document.exitFullscreen(); return null;")?;
    lab.wait_for_js(
        "full screen to end",
        "return document.fullscreenElement === null;",
        WAIT,
    )?;
    lab.expect_clean_console("full screen on the page")?;

    for (attrs, works) in [("allowfullscreen", true), ("", false)] {
        let host = Site::builder()
            .page("/host.html", host_page(&lab.url(""), attrs))
            .start()?;
        open_host(&lab, &host)?;
        lab.enter_frame("#lab")?;
        lab.wait_for_js(
            "the framed lab",
            "return document.documentElement.dataset.labReady === '1';",
            WAIT,
        )?;
        let hidden: bool = lab.js_as(
            "return document.getElementById('fullscreen').classList.contains('unavailable');",
            vec![],
        )?;
        ensure!(
            hidden != works,
            "in a frame with {attrs:?} the button is hidden: {hidden}"
        );
        if works {
            lab.click("#fullscreen")?;
            lab.wait_for_js(
                "the framed lab on the whole screen",
                "return document.fullscreenElement === document.documentElement;",
                WAIT,
            )?;
            lab.js("document.exitFullscreen(); return null;")?;
        }
        lab.leave_frame()?;
    }
    Ok(())
}

/// The colour of a pixel near the data figure's top left corner (its paper).
fn paper(lab: &Lab) -> Result<Vec<u8>> {
    lab.js_as(
        "const c = document.getElementById('fig-data');
         return [...c.getContext('2d').getImageData(3, 3, 1, 1).data].slice(0, 3);",
        vec![],
    )
}

#[test]
fn every_theme_passes_axe_and_draws_the_figures_in_its_colours() -> Result<()> {
    let lab = e2e::lab()?;
    let cases = [
        ("light", [255, 255, 255]),
        ("dark", [13, 17, 23]),
        ("projector", [255, 255, 255]),
    ];
    for width in [1280, 390] {
        let viewport = (width == 390).then(|| Viewport::phone(390, 844));
        lab.set_viewport(viewport)?;
        for (theme, rgb) in cases {
            lab.open(&format!("?theme={theme}"))?;
            let shown: String =
                lab.js_as("return document.documentElement.dataset.theme;", vec![])?;
            ensure!(shown == theme, "theme={theme} shows {shown}");
            ensure!(
                paper(&lab)? == rgb,
                "{theme}: the data figure's paper is {:?}",
                paper(&lab)?
            );
            assert_no_axe_violations(&lab, &format!("in the {theme} theme"))?;
            lab.full_page_screenshot(&format!("theme-{theme}-{width}"))?;
        }
    }
    lab.set_viewport(None)?;
    // The picker: dark at once, figures too, and kept over a reload.
    lab.open("")?;
    lab.js("const p = document.getElementById('theme'); p.value = 'dark'; p.dispatchEvent(new Event('change')); return null;")?;
    lab.frames(4)?;
    ensure!(
        paper(&lab)? == vec![13, 17, 23],
        "the picker did not redraw: {:?}",
        paper(&lab)?
    );
    lab.wait_for_js("the theme saved", "return Object.keys(localStorage).some((k) => localStorage.getItem(k).includes('theme=dark'));", WAIT)?;
    lab.browser.reopen_lab(&lab.url(""))?;
    let kept: String = lab.js_as("return document.getElementById('theme').value;", vec![])?;
    ensure!(kept == "dark", "the theme after a reload: {kept}");
    // Auto follows the browser's colour scheme.
    lab.cdp(
        "Emulation.setEmulatedMedia",
        json!({"features": [{"name": "prefers-color-scheme", "value": "dark"}]}),
    )?;
    lab.open("")?;
    let auto: String = lab.js_as("return document.documentElement.dataset.theme;", vec![])?;
    lab.cdp("Emulation.setEmulatedMedia", json!({"features": []}))?;
    ensure!(auto == "dark", "auto under a dark scheme shows {auto}");
    lab.expect_clean_console("while changing themes")
}
