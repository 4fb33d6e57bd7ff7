//! The browser layer (wasm32 only): the JavaScript API, the notebook page and its events.

pub mod api;
pub mod canvas;
pub mod cells;
pub mod diagnostics;
pub mod dom;
pub mod embed;
pub mod explore_controls;
pub mod explore_view;
pub mod explore_views;
pub mod formula_options;
pub mod lab;
pub mod notebook;
pub mod optim_options;
pub mod options;
pub mod render;
pub mod results_views;
pub mod sizes;
pub mod slices;
pub mod table;
pub mod views;
