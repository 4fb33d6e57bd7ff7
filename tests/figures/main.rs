//! Every figure drawn natively to SVG: what a learner relies on is there (captions, axis
//! labels, one marker per point, legends, viridis colours), divergence and hostile input
//! draw finite charts without panicking, and the plot frames map pixels to data and back.
#![cfg(not(target_arch = "wasm32"))]

#[macro_use]
mod draw;
mod lab;
mod read;

mod bitmap;
mod contour_figure;
mod cost_figure;
mod data_figure;
mod frames;
mod hostile;
mod surface_figure;

use std::collections::HashSet;

use gd_lab::figures::contour::{ContourView, PathOverlay};
use gd_lab::figures::cost_curve::{CostCurveView, Run};
use gd_lab::figures::data_space::{DataView, Line};
use gd_lab::figures::surface::{SurfacePath, SurfaceView};
use gd_lab::figures::{
    contour, cost_curve, data_space, palette, surface, ContourImage, CostScale, Marker, PlotFrame,
    Style, SurfaceFrame,
};
use gd_lab::model::*;
use lab::*;
use plotters::prelude::*;
use read::*;
