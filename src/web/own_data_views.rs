//! What the page says and draws about the lab's data: the critical rates, the two bowls when
//! x is standardized, the warning beside the learning rate, the training table's caption and
//! the fitted line in x's own units, and Share's word on data too large for a link.

use super::dom::{self, by_id, set_attr, set_hidden, set_text, set_text_by_id};
use super::state::with_lab;
use super::views::{lab_key, optimum2, paint_contour};
use crate::app::export::data_csv;
use crate::app::lab_data;
use crate::app::notes::short;
use crate::app::page::Page;
use crate::figures::contour::ContourView;
use crate::model::number;
use crate::model::Trajectory;

/// After the data cell: the critical rates, the bowls and the learning rate's warning.
pub fn data_facts() {
    with_lab(|lab| {
        let Some(a) = lab.scene.as_ref().and_then(|s| s.analysis) else {
            return;
        };
        let which = if lab.config.standardize {
            "on standardized x"
        } else {
            "on this data"
        };
        set_text_by_id(
            "data-critical-label",
            &format!("Critical learning rate {which}: 2/λmax = "),
        );
        if let Some(el) = by_id("data-critical") {
            set_text(&el, &short(a.critical_lr));
            set_attr(&el, "data-value", &number::shortest(a.critical_lr));
        }
        lr_warning(lab);
        bowls(lab);
        window_text(lab);
        let n = lab.scene.as_ref().map_or(0, |s| s.data.samples.len());
        let source = lab_data::source_note(&lab.config, n);
        if let Some(el) = by_id("data-source") {
            set_text(&el, source.as_deref().unwrap_or_default());
            set_hidden(&el, source.is_none());
        }
    });
}

/// The surface cell's words on the (w, b) window the figures share.
fn window_text(lab: &Page) {
    let Some(grid) = lab.scene.as_ref().map(|s| &s.grid) else {
        return;
    };
    let (Some(w0), Some(w1), Some(b0), Some(b1)) =
        (grid.w.first(), grid.w.last(), grid.b.first(), grid.b.last())
    else {
        return;
    };
    let text = if lab.config.is_lab_data() {
        format!("w and b from {} to {}", short(*w0), short(*w1))
    } else {
        format!(
            "w from {} to {} and b from {} to {} (a window holding the start and the best line)",
            short(*w0),
            short(*w1),
            short(*b0),
            short(*b1)
        )
    };
    // The prose writes minus signs as such.
    set_text_by_id("surface-window", &text.replace('-', "−"));
}

/// The warning beside the learning rate when it is above the data's critical rate.
fn lr_warning(lab: &Page) {
    let warning = lab
        .scene
        .as_ref()
        .and_then(|s| s.analysis)
        .and_then(|a| lab_data::lr_warning(&a, lab.config.lr));
    if let Some(el) = by_id("train-lr-warning") {
        set_text(&el, warning.as_deref().unwrap_or_default());
        set_hidden(&el, warning.is_none());
    }
}

/// Both bowls side by side, with their critical rates, when x is standardized.
fn bowls(lab: &Page) {
    let shown = lab.raw_bowl.is_some();
    if let Some(el) = by_id("data-bowls") {
        set_hidden(&el, !shown);
    }
    // Only a standardized scene needs its contour image here.
    let Some((raw, raw_image)) = &lab.raw_bowl else {
        return;
    };
    let (Some(scene), Some(image)) = (&lab.scene, lab.contour()) else {
        return;
    };
    let (Some(ra), Some(sa)) = (raw.analysis, scene.analysis) else {
        return;
    };
    set_text_by_id("data-bowls-note", &lab_data::bowls_note(&ra, &sa));
    if let Some(el) = by_id("data-critical-raw") {
        set_text(&el, &short(ra.critical_lr));
        set_attr(&el, "data-value", &number::shortest(ra.critical_lr));
    }
    let raw_view = ContourView {
        title: "The bowl on x as given",
        image: raw_image,
        paths: &[],
        current: None,
        optimum: optimum2(raw.analysis),
    };
    let alt = format!(
        "Contour plot of the cost on x as given: λmax/λmin = {}, a long narrow valley when large.",
        short(lab_data::elongation(&ra))
    );
    let key = format!("raw-{}", lab_key(lab));
    paint_contour("bowl-raw", &alt, &key, raw_view);
    let std_view = ContourView {
        title: "The bowl on standardized x",
        image,
        paths: &[],
        current: None,
        optimum: optimum2(scene.analysis),
    };
    let alt = format!(
        "Contour plot of the cost on standardized x: λmax/λmin = {}, a round bowl.",
        short(lab_data::elongation(&sa))
    );
    paint_contour("bowl-standard", &alt, &lab_key(lab), std_view);
}

/// After the training cell: the table's caption (which x) and the line in x's own units.
pub fn train_extras(run: &Trajectory) {
    with_lab(|lab| {
        let s = lab.data.as_ref().and_then(|d| d.standardizer);
        if let Some(table) = by_id("train-table") {
            // This run's note replaces the last run's (the markup's caption stays).
            for old in dom::find_all(&table, "caption.run-note") {
                old.remove();
            }
            let caption = dom::create("caption", "run-note");
            set_text(&caption, &lab_data::table_caption(s.as_ref()));
            dom::checked(
                "insertBefore",
                table.insert_before(&caption, table.first_child().as_ref()),
            );
        }
        let last = run.len().saturating_sub(1);
        let text = match (s, run.diverged_at) {
            (Some(s), None) if !run.is_empty() => {
                lab_data::original_line(&s, run.w[last], run.b[last])
            }
            _ => String::new(),
        };
        set_text_by_id("train-original", &text);
        lr_warning(lab);
    });
}

/// Share's word on the data: hidden when the link carries it (or there is none), else says
/// it is too large and offers the CSV.
pub fn share_data_note() {
    let too_large = with_lab(|lab| {
        let data = lab.config.data.as_ref()?;
        (!lab.config.data_fits_link(data)).then_some(())
    })
    .flatten()
    .is_some();
    if let Some(el) = by_id("share-data-note") {
        set_hidden(&el, !too_large);
    }
}

/// Downloads the lab's points as CSV (x, y in x's own units).
pub fn download_data_csv() {
    let csv = with_lab(|lab| {
        let d = lab.data.as_ref()?;
        Some(data_csv(d.raw.x(), d.raw.y()))
    })
    .flatten();
    if let Some(csv) = csv {
        super::download::text("gd-lab-data.csv", "text/csv", &csv);
    }
}
