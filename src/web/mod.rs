//! The browser layer (wasm32 only): the JavaScript API and the page.

pub mod api;
pub mod options;
