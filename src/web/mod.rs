//! The browser layer (wasm32 only): the JavaScript API, the notebook page and its events.

pub mod api;
pub mod canvas;
pub mod cells;
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
pub mod formula_options;
pub mod lab;
pub mod notebook;
pub mod numbers;
pub mod optim_options;
pub mod options;
pub mod render;
pub mod results_views;
pub mod save_menu;
pub mod table;
pub mod views;
