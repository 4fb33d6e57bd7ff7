// Optional host-page helper: sizes every embedded lab iframe to its content.
// Include with <script src=".../embed.js" defer></script> on the page that holds the iframes.
(() => {
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'gd-lab:height' || typeof data.height !== 'number') return;
    if (!Number.isFinite(data.height) || data.height <= 0 || data.height > 100000) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) {
        frame.style.height = Math.ceil(data.height) + 'px';
      }
    }
  });
})();
