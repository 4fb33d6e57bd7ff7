//! The browser layer (wasm32 only): the JavaScript API, the notebook page and its events.

/// The module's allocator: talc instead of std's dlmalloc, 1.7 KB smaller gzipped, and 0.4 KB
/// more with growing a block in place left out (`disable-realloc-in-place`: a `Vec` that
/// outgrows its block moves to a new one).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod a11y;
pub mod api;
pub mod backend;
pub mod canvas;
pub mod cells;
pub mod course;
pub mod diagnostics;
pub mod dom;
pub mod download;
pub mod embed;
pub mod embed_panel;
pub mod explore_controls;
pub mod explore_view;
pub mod explore_views;
pub mod export_page;
pub mod figure_view;
pub mod formula_editor;
pub mod formula_options;
pub mod fullscreen;
pub mod keyed;
pub mod libm;
pub mod numbers;
pub mod optim_options;
pub mod options;
pub mod own_data;
pub mod own_data_views;
pub mod page;
pub mod race_form;
pub mod race_views;
pub mod render;
pub mod results_views;
pub mod save_menu;
pub mod saved;
pub mod sizes;
pub mod slices;
pub mod state;
pub mod svg;
pub mod table;
pub mod theme;
pub mod views;
