// Starts the lab: loads the wasm module, exposes its API, then draws the page.
// A module file of its own (not an inline script), so the page runs under a strict CSP.
import init, * as bindings from './gd-lab.js';

// This script runs, so the lab is not in a frame that blocks it: the note for that case goes.
document.getElementById('sandbox-note')?.remove();

await init({ module_or_path: new URL('gd-lab_bg.wasm', import.meta.url) });
window.wasmBindings = bindings;
bindings.start();
