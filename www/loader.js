// Starts the lab: loads the wasm module, exposes its API, then draws the page.
// A module file of its own (not an inline script), so the page runs under a strict CSP.

// This script runs, so the lab is not in a frame that blocks it: the note for that case goes.
document.getElementById('sandbox-note')?.remove();

// The page's own text paints first, then the module loads: a reader sees the notebook at
// once, and on a slow network its first paint does not wait behind the module's download.
// The timer starts the lab where frames are not drawn (a hidden tab, an off-screen frame).
await new Promise((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve, 0));
  setTimeout(resolve, 100);
});
const bindings = await import('./gd-lab.js');
await bindings.default({ module_or_path: new URL('gd-lab_bg.wasm', import.meta.url) });
window.wasmBindings = bindings;
// Compiling ends one task; the lab starts in the next, so neither is a long one.
await new Promise((resolve) => setTimeout(resolve, 0));
bindings.start();
