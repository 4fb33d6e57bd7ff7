//! The table of a run's records: iteration, w, b, cost.

use super::dom::{self, by_id};
use crate::app::notes::fmt;
use crate::model::number;
use crate::model::Trajectory;

/// Fills the table `id` with one row per record. Each number cell shows a rounded value and
/// keeps the exact one in `data-value`, so anyone can check it against the API's `train`.
pub fn fill(id: &str, run: &Trajectory) {
    let Some(table) = by_id(id) else { return };
    // The caption (in the page's markup) stays; the rows are replaced.
    for old in dom::find_all(&table, "thead, tbody") {
        old.remove();
    }
    let head = dom::create("thead", "");
    dom::append(
        &head,
        &row(
            "th",
            &["iteration", "w", "b", "cost"].map(String::from),
            None,
        ),
    );
    dom::append(&table, &head);
    let body = dom::create("tbody", "");
    let last = run.len().saturating_sub(1);
    for i in 0..run.len() {
        let label = if i == last && run.diverged_at.is_none() {
            format!("{i} (after)")
        } else {
            i.to_string()
        };
        let values = [run.w[i], run.b[i], run.cost[i]];
        let tr = row(
            "td",
            &[label, fmt(values[0]), fmt(values[1]), fmt(values[2])],
            Some(&values),
        );
        dom::set_attr(&tr, "data-iteration", &i.to_string());
        dom::append(&body, &tr);
    }
    dom::append(&table, &body);
}

fn row(tag: &str, cells: &[String], exact: Option<&[f64; 3]>) -> web_sys::Element {
    let tr = dom::create("tr", "");
    for (i, text) in cells.iter().enumerate() {
        let cell = dom::create(tag, "");
        dom::set_text(&cell, text);
        if tag == "th" {
            dom::set_attr(&cell, "scope", "col");
        }
        if let Some(value) = exact.and_then(|e| i.checked_sub(1).and_then(|j| e.get(j))) {
            dom::set_attr(&cell, "data-value", &number::shortest(*value));
        }
        dom::append(&tr, &cell);
    }
    tr
}

/// Marks the row of iteration `current` and scrolls it into view inside its table.
pub fn highlight(id: &str, current: usize) {
    let Some(table) = by_id(id) else { return };
    for tr in dom::find_all(&table, "tbody tr") {
        let here = tr
            .get_attribute("data-iteration")
            .and_then(|v| v.parse::<usize>().ok())
            == Some(current);
        dom::toggle_class(&tr, "current", here);
    }
}
