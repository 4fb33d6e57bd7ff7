//! Long work in slices, one macrotask each, so the page answers input between them.
//!
//! A slice is queued with [`queue`]; the queue runs one slice per task and yields to the
//! browser between slices through a `MessageChannel` message: a task of its own, run as soon
//! as input and rendering had their turn, without waiting a frame (as `requestAnimationFrame`
//! would) or the 4 ms clamp nested `setTimeout`s get. Each slice draws with canvas sizes
//! read in one layout ([`super::sizes::batch`]).

use wasm_bindgen::prelude::*;
use web_sys::MessageChannel;

pub use super::state::Slice;
use super::state::{self, Channel};

/// Work to do right after the current slice, before the rest of the queue, each in a task of
/// its own: from inside a queued slice, `slices` go to the front of the queue; anywhere else
/// (a click's handler) they run at once, one after another.
pub fn next(slices: Vec<Slice>) {
    if state::with(|s| s.slice_running.get()) {
        state::with(|s| {
            s.slices.borrow_mut().splice(0..0, slices);
        });
    } else {
        for slice in slices {
            slice();
        }
    }
}

/// Runs `slice` as a queued slice (marked running, sizes read in one layout).
fn run_slice(slice: Slice) {
    state::with(|s| s.slice_running.set(true));
    super::sizes::batch(slice);
    state::with(|s| s.slice_running.set(false));
}

/// Adds `slices` to the end of the queue and starts it if it was idle. Every slice runs in a
/// task of its own, the first one too: the caller's task (the module's start, which also
/// finished compiling it) ends first.
pub fn queue(slices: Vec<Slice>) {
    let was_idle = state::with(|s| {
        let mut q = s.slices.borrow_mut();
        let idle = q.is_empty();
        q.extend(slices);
        idle
    });
    if was_idle {
        post();
    }
}

fn take_first(queue: &mut Vec<Slice>) -> Option<Slice> {
    (!queue.is_empty()).then(|| queue.remove(0))
}

/// Runs the first queued slice, then asks for a new task if more are waiting.
fn run_next() {
    let Some(slice) = state::with(|s| take_first(&mut s.slices.borrow_mut())) else {
        return;
    };
    run_slice(slice);
    if state::with(|s| !s.slices.borrow().is_empty()) {
        post();
    }
}

/// Posts the next-slice message, creating the channel the first time.
fn post() {
    state::with(|s| {
        let mut c = s.channel.borrow_mut();
        if c.is_none() {
            *c = open();
        }
        match c.as_ref() {
            Some(channel) => {
                let posted = channel.sender.post_message(&JsValue::UNDEFINED);
                super::dom::checked("postMessage", posted);
            }
            // No channel (never in a browser that runs the lab): run the rest now.
            None => {
                while state::with(|s| !s.slices.borrow().is_empty()) {
                    run_next_now();
                }
            }
        }
    });
}

fn run_next_now() {
    if let Some(slice) = state::with(|s| take_first(&mut s.slices.borrow_mut())) {
        run_slice(slice);
    }
}

fn open() -> Option<Channel> {
    let channel = super::dom::checked("MessageChannel", MessageChannel::new())?;
    let handler = Closure::<dyn FnMut()>::new(run_next);
    let receiver = channel.port1();
    receiver.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    Some(Channel {
        sender: channel.port2(),
        receiver: (receiver, handler),
    })
}
