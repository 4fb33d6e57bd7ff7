//! The browser layer's one state owner: the page's [`Page`] and, beside it, what the browser
//! keeps for drawing (figure frames, base layers, the slice queue, timers). Every other
//! module of `src/web` reaches state only through here, and nothing else in `src/web` holds
//! a thread-local but the console's once-only warnings (`dom`).
//!
//! Events become [`Msg`]s and go to [`send`]: one dispatch applies each to
//! [`Page::update`] and hands the [`Changes`] to the page's render step (registered once by
//! `web::page::start`). A message sent while another is being drawn waits its turn, so no
//! handler ever runs inside another's update.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use wasm_bindgen::closure::Closure;
use web_sys::{HtmlCanvasElement, MessagePort};

use super::keyed::Keyed;
use crate::app::explore;
use crate::app::page::{Changes, Msg, Page};
use crate::figures::{PlotFrame, SurfaceFrame, Theme};

/// One slice of work (see `web::slices`).
pub type Slice = Box<dyn FnOnce()>;

/// Canvas ids and their CSS sizes (a list: a page has a few dozen canvases at most).
pub type Sizes = Vec<(String, (f64, f64))>;

/// The render step: draws what one message changed.
pub type Render = fn(Msg, Changes);

/// The `MessageChannel` the slice queue yields through.
pub struct Channel {
    /// The port the next-slice messages are posted to.
    pub sender: MessagePort,
    /// Kept alive with its port: the handler running the next slice.
    pub receiver: (MessagePort, Closure<dyn FnMut()>),
}

/// The figures' drawing state: where each figure's pixels map to data, the base layers
/// drawn offscreen, and the SVG a save asked for.
pub struct Figures {
    /// Each 2D figure's frame, by name.
    pub frames: Keyed<PlotFrame>,
    /// Each 3D surface's frame, by name.
    pub surfaces: Keyed<SurfaceFrame>,
    /// Offscreen base layers, by what they show and their size.
    pub bases: Keyed<HtmlCanvasElement>,
    /// The figure whose SVG a save asked for, and the SVG once drawn.
    pub svg: (Option<String>, Option<String>),
}

/// The explorer's event state in the browser: changes waiting for the next frame, the
/// animation's clock, a drag on the surface.
pub struct ExploreUi {
    /// Changes merged until the next animation frame draws them.
    pub pending: Option<explore::Changes>,
    /// The last animation frame's time.
    pub last_tick: f64,
    /// A drag on the 3D surface: its last pointer position.
    pub dragging: Option<(f64, f64)>,
    /// The controls and canvases listen from the explorer's first opening on.
    pub wired: bool,
}

/// Everything the browser layer holds.
pub struct State {
    page: RefCell<Option<Page>>,
    inbox: RefCell<VecDeque<Msg>>,
    dispatching: Cell<bool>,
    render: Cell<Option<Render>>,
    /// The figures' frames, base layers and requested SVG.
    pub figures: RefCell<Figures>,
    /// The slices waiting, in order (a few entries: one per opening cell).
    pub slices: RefCell<Vec<Slice>>,
    /// The slice queue's channel, made on first use.
    pub channel: RefCell<Option<Channel>>,
    /// Whether a queued slice is running now.
    pub slice_running: Cell<bool>,
    /// The canvas sizes measured in the current batch; `None` outside a batch.
    pub sizes: RefCell<Option<Sizes>>,
    /// The pending announcement's timer, cleared when a newer one replaces it.
    pub announce_timer: Cell<Option<i32>>,
    /// The height last posted to a host page.
    pub posted_height: Cell<f64>,
    /// The explorer's event state.
    pub explore: RefCell<ExploreUi>,
    /// The race form's next row number: removing a row renames nothing.
    pub next_race_row: Cell<u32>,
    /// The colours and text size figures are drawn in (the page's theme).
    pub figure_theme: Cell<Theme>,
    /// Where the learner's work is saved; `None` with `save=off` or no storage.
    pub saved_key: RefCell<Option<String>>,
    /// Whether changes are saved yet (from the end of the opening on).
    pub save_armed: Cell<bool>,
    /// The pending save's timer.
    pub save_timer: Cell<Option<i32>>,
}

impl State {
    const fn new() -> Self {
        Self {
            page: RefCell::new(None),
            inbox: RefCell::new(VecDeque::new()),
            dispatching: Cell::new(false),
            render: Cell::new(None),
            figures: RefCell::new(Figures {
                frames: Keyed::new(),
                surfaces: Keyed::new(),
                bases: Keyed::new(),
                svg: (None, None),
            }),
            slices: RefCell::new(Vec::new()),
            channel: RefCell::new(None),
            slice_running: Cell::new(false),
            sizes: RefCell::new(None),
            announce_timer: Cell::new(None),
            posted_height: Cell::new(-1.0),
            explore: RefCell::new(ExploreUi {
                pending: None,
                last_tick: 0.0,
                dragging: None,
                wired: false,
            }),
            next_race_row: Cell::new(0),
            figure_theme: Cell::new(Theme::LIGHT),
            saved_key: RefCell::new(None),
            save_armed: Cell::new(false),
            save_timer: Cell::new(None),
        }
    }
}

thread_local! {
    static STATE: State = const { State::new() };
}

/// Runs `f` on the browser layer's state.
// Always inlined, as is `with_lab`: each caller's closure makes its own copy of a generic
// function, and a copy of this one-line wrapper beside each (over a hundred) costs 0.4 KB.
#[inline(always)]
pub fn with<R>(f: impl FnOnce(&State) -> R) -> R {
    STATE.with(f)
}

/// Installs the page's state and the render step that draws its changes.
pub fn install(page: Page, render: Render) {
    with(|s| {
        if let Ok(mut slot) = s.page.try_borrow_mut() {
            *slot = Some(page);
        }
        s.render.set(Some(render));
    });
}

/// Runs `f` on the page's state, if the page started (and no update holds it).
#[inline(always)]
pub fn with_lab<R>(f: impl FnOnce(&mut Page) -> R) -> Option<R> {
    with(|s| s.page.try_borrow_mut().ok()?.as_mut().map(f))
}

/// Applies `msg` to the page now and returns what changed; for the render step itself
/// (a cell reporting that it ran). Handlers [`send`].
pub fn update(msg: Msg) -> Changes {
    with_lab(|page| page.update(msg)).unwrap_or_default()
}

/// The one dispatch: applies `msg` to [`Page::update`] and draws its changes, then any
/// message sent meanwhile, in order.
pub fn send(msg: Msg) {
    with(|s| s.inbox.borrow_mut().push_back(msg));
    if with(|s| s.dispatching.replace(true)) {
        return;
    }
    while let Some(msg) = with(|s| s.inbox.borrow_mut().pop_front()) {
        let changes = update(msg);
        if let Some(render) = with(|s| s.render.get()) {
            render(msg, changes);
        }
    }
    with(|s| s.dispatching.set(false));
}
