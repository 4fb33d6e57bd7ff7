//! The race's form: one fieldset per racer (its learning rate and settings as native inputs),
//! Add and Remove, the batch size; reading it through `app::race`'s parsers and showing each
//! message beside its field. A refused form keeps the previous race.

use crate::model::number;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::dom::{self, by_id, by_id_as, find_all, set_attr, set_text};
use super::state::{self, with_lab};
use crate::app::cell::Cell;
use crate::app::notebook;
use crate::app::page::Msg;
use crate::app::race::{self, Entry, FieldKind, MAX_ENTRIES};
use crate::app::race_run::run_race;
use crate::app::race_url::format_race;
use crate::model::{InputError, Optimizer};

/// Builds the rows of the URL's race (or the default one), fills the batch size, and wires
/// Add, Remove, the log-scale checkbox and Enter.
pub fn wire() {
    let Some((entries, lab_lr, batch)) = with_lab(|lab| {
        let c = &lab.config;
        (
            c.race.clone().unwrap_or_else(race::default_race),
            c.lr,
            c.batch_size,
        )
    }) else {
        return;
    };
    for entry in &entries {
        add_row(entry, lab_lr);
    }
    if let (Some(input), Some(b)) = (by_id_as::<HtmlInputElement>("race-batch"), batch) {
        input.set_value(&b.to_string());
    }
    if let Some(button) = by_id("race-add") {
        dom::listen(&button, "click", move |_: web_sys::Event| {
            add_chosen(lab_lr)
        });
    }
    if let Some(log) = by_id("race-log") {
        dom::listen(&log, "change", |_: web_sys::Event| {
            let on = by_id_as::<HtmlInputElement>("race-log").is_some_and(|i| i.checked());
            let ran = with_lab(|lab| {
                lab.race_log = on;
                lab.race.is_some()
            });
            if ran == Some(true) {
                super::race_views::draw();
            }
        });
    }
    for id in ["race-entries", "race-batch"] {
        if let Some(element) = by_id(id) {
            dom::listen(&element, "keydown", |event: web_sys::KeyboardEvent| {
                let on_text = event
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(t).ok())
                    .is_some_and(|i| i.type_() == "text");
                if event.key() == "Enter" && !event.shift_key() && on_text {
                    event.prevent_default();
                    state::send(Msg::Notebook(notebook::Msg::Run(Cell::Race)));
                }
            });
        }
    }
}

fn add_chosen(lab_lr: f64) {
    let name = by_id_as::<HtmlSelectElement>("race-add-name").map(|s| s.value());
    let optimizer = name.as_deref().and_then(Optimizer::with_defaults);
    if let Some(optimizer) = optimizer {
        add_row(
            &Entry {
                optimizer,
                lr: None,
            },
            lab_lr,
        );
    }
}

fn rows() -> Vec<Element> {
    by_id("race-entries")
        .map(|list| find_all(&list, "li.race-entry"))
        .unwrap_or_default()
}

/// Appends a racer's fieldset: its learning rate, then each setting at its value.
fn add_row(entry: &Entry, lab_lr: f64) {
    let Some(list) = by_id("race-entries") else {
        return;
    };
    if rows().len() >= MAX_ENTRIES {
        return;
    }
    let id = state::with(|s| s.next_race_row.replace(s.next_race_row.get() + 1));
    let name = entry.optimizer.name();
    let item = dom::create("li", "race-entry");
    set_attr(&item, "data-optimizer", name);
    set_attr(&item, "data-row", &id.to_string());
    let fieldset = dom::create("fieldset", "");
    let legend = dom::create("legend", "");
    dom::append(&fieldset, &legend);
    let lr = number::shortest(entry.lr_or(lab_lr));
    dom::append(&fieldset, &field(id, "lr", FieldKind::Number, &lr));
    for f in race::fields(name) {
        let value = race::field_text(&entry.optimizer, f.key);
        dom::append(&fieldset, &field(id, f.key, f.kind, &value));
    }
    let remove = dom::create("button", "race-remove");
    set_attr(&remove, "type", "button");
    set_text(&remove, "Remove");
    dom::listen(&remove, "click", move |_: web_sys::Event| {
        if let Some(row) = rows()
            .into_iter()
            .find(|r| r.get_attribute("data-row") == Some(id.to_string()))
        {
            row.remove();
        }
        renumber();
    });
    dom::append(&fieldset, &remove);
    dom::append(&item, &fieldset);
    dom::append(&list, &item);
    renumber();
}

/// One labelled input and the place for its message.
fn field(row: u32, key: &str, kind: FieldKind, value: &str) -> Element {
    let wrap = dom::create("span", "field");
    let input_id = format!("race-{row}-{key}");
    let label = dom::create("label", "");
    set_attr(&label, "for", &input_id);
    set_text(&label, key);
    let input = dom::create("input", "");
    input.set_id(&input_id);
    set_attr(&input, "data-key", key);
    set_attr(&input, "aria-describedby", &format!("{input_id}-msg"));
    if let Some(input) = wasm_bindgen::JsCast::dyn_ref::<HtmlInputElement>(&input) {
        if kind == FieldKind::Flag {
            input.set_type("checkbox");
            input.set_checked(value == "true");
        } else {
            input.set_type("text");
            set_attr(input, "inputmode", "decimal");
            set_attr(input, "autocomplete", "off");
            input.set_value(value);
        }
    }
    let message = dom::create("span", "field-msg");
    message.set_id(&format!("{input_id}-msg"));
    set_attr(&message, "role", "alert");
    // A checkbox reads best with its label after it.
    let parts = if kind == FieldKind::Flag {
        [&input, &label, &message]
    } else {
        [&label, &input, &message]
    };
    for part in parts {
        dom::append(&wrap, part);
    }
    wrap
}

/// Numbers the racers, gives each its colour, and allows Add and Remove only within limits.
fn renumber() {
    let rows = rows();
    let count = rows.len();
    for (k, row) in rows.iter().enumerate() {
        row.set_class_name(&format!("race-entry run-k{k}"));
        let name = row.get_attribute("data-optimizer").unwrap_or_default();
        let shown = Optimizer::with_defaults(&name)
            .map(|o| race::display_name(&o))
            .unwrap_or_default();
        if let Some(legend) = dom::find(row, "legend") {
            set_text(&legend, &format!("Racer {}: {shown}", k + 1));
        }
        if let Some(remove) = dom::find(row, "button.race-remove") {
            set_attr(
                &remove,
                "aria-label",
                &format!("Remove racer {}, {shown}", k + 1),
            );
            toggle_disabled(&remove, count <= 1);
        }
    }
    if let Some(add) = by_id("race-add") {
        toggle_disabled(&add, count >= MAX_ENTRIES);
    }
    let hint = if count >= MAX_ENTRIES {
        format!("at most {MAX_ENTRIES} racers")
    } else {
        String::new()
    };
    super::dom::set_text_by_id("race-add-hint", &hint);
}

fn toggle_disabled(element: &Element, disabled: bool) {
    if disabled {
        set_attr(element, "disabled", "");
    } else if let Err(e) = element.remove_attribute("disabled") {
        dom::checked::<()>("removeAttribute", Err(e));
    }
}

/// Reads and checks the form, then races; a refused field keeps the previous race.
pub fn compute() -> Result<(), String> {
    let n = with_lab(|lab| lab.scene.as_ref().map(|s| s.data.samples.len()))
        .flatten()
        .ok_or("run the data cell first")?;
    let read = read_form(n);
    let (entries, batch) = read.ok_or("Check the fields marked above: the last race stays.")?;
    let result = with_lab(|lab| {
        let scene = lab.scene.as_ref()?;
        Some(run_race(scene, &entries, batch, &lab.train_config()))
    })
    .flatten()
    .ok_or("run the data cell first")?
    .map_err(|e| e.to_string())?;
    with_lab(|lab| {
        let default = format_race(&race::default_race(), lab.config.lr);
        let chosen = format_race(&entries, lab.config.lr);
        lab.config.race = (chosen != default).then_some(entries);
        lab.race = Some(result);
    });
    Ok(())
}

/// Every racer and the batch size, or `None` after showing each refusal beside its field.
fn read_form(n: usize) -> Option<(Vec<Entry>, Option<usize>)> {
    let batch_text = by_id_as::<HtmlInputElement>("race-batch").map(|i| i.value());
    let batch = race::parse_batch_size(&batch_text.unwrap_or_default(), n);
    show(
        "race-batch",
        batch.as_ref().err().map(|e| e.message.as_str()),
    );
    let mut entries = Vec::new();
    let mut ok = batch.is_ok();
    for row in rows() {
        match read_row(&row) {
            Some(entry) => entries.push(entry),
            None => ok = false,
        }
    }
    Some((entries, batch.ok()?)).filter(|_| ok)
}

fn read_row(row: &Element) -> Option<Entry> {
    let name = row.get_attribute("data-optimizer").unwrap_or_default();
    let id = row.get_attribute("data-row").unwrap_or_default();
    let mut lr = String::new();
    let mut typed: Vec<(String, String)> = Vec::new();
    for input in find_all(row, "input[data-key]") {
        let key = input.get_attribute("data-key").unwrap_or_default();
        show(&format!("race-{id}-{key}"), None);
        let Some(input) = wasm_bindgen::JsCast::dyn_ref::<HtmlInputElement>(&input) else {
            continue;
        };
        let value = if input.type_() == "checkbox" {
            input.checked().to_string()
        } else {
            input.value()
        };
        if key == "lr" {
            lr = value;
        } else {
            typed.push((key, value));
        }
    }
    let pairs: Vec<(&str, &str)> = typed
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    race::parse_entry(&name, Some(&lr), &pairs)
        .map_err(|e: InputError| {
            let field = if e.field == "optimizer" {
                "lr"
            } else {
                e.field.as_str()
            };
            show(&format!("race-{id}-{field}"), Some(&e.message));
        })
        .ok()
}

/// Shows `message` beside the input `id` (or clears it), marking the input invalid.
fn show(id: &str, message: Option<&str>) {
    super::dom::set_text_by_id(&format!("{id}-msg"), message.unwrap_or_default());
    if let Some(input) = by_id(id) {
        let invalid = if message.is_some() { "true" } else { "false" };
        set_attr(&input, "aria-invalid", invalid);
    }
}
