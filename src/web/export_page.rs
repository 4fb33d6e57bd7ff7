//! "Open in Jupyter" and "Python script": the lab's state now as a PyTorch notebook or
//! script, downloaded. The mapping is `app::export::from_lab`; this file only reads the page.

use super::dom::{self, by_id};
use super::download;
use super::embed::share_url;
use super::state::with_lab;
use crate::app::export::{
    from_lab, notebook_file_name, script_file_name, to_ipynb, to_script, ExportState, LabValues,
};

/// Wires the two buttons of the top bar.
pub fn wire() {
    let on_click = |id: &str, f: fn()| {
        if let Some(button) = by_id(id) {
            dom::listen(&button, "click", move |_: web_sys::Event| f());
        }
    };
    on_click("export-ipynb", || {
        export(notebook_file_name, to_ipynb, "application/x-ipynb+json")
    });
    on_click("export-py", || {
        export(script_file_name, to_script, "text/x-python")
    });
}

/// The lab's state now; the data are made first if the data cell has not run.
pub fn lab_state() -> Result<ExportState, String> {
    let url = share_url().unwrap_or_default();
    with_lab(|lab| {
        if lab.scene.is_none() {
            lab.make_scene().map_err(|e| e.to_string())?;
        }
        let scene = lab.scene.as_ref().ok_or("the data could not be made")?;
        // The lab's run: its optimizer and batch size from the URL, as the train cell uses.
        let (problem, _) = lab.lab_problem(scene);
        Ok(from_lab(&LabValues {
            problem: &problem,
            train: lab.train_config(),
            run: lab.run.as_ref(),
            lab_url: &url,
        }))
    })
    .unwrap_or_else(|| Err("the lab has not started".into()))
}

fn export<E: std::fmt::Display>(
    name: fn(&ExportState) -> String,
    text: fn(&ExportState) -> Result<String, E>,
    mime: &str,
) {
    let result = lab_state().and_then(|state| {
        let content = text(&state).map_err(|e| e.to_string())?;
        Ok((name(&state), content))
    });
    match result {
        Ok((file, content)) => download::text(&file, mime, &content),
        Err(message) => download::say(&format!("Could not export: {message}")),
    }
}
