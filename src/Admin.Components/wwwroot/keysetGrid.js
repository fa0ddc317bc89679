// Reports the viewport's scroll position to .NET (at most once per animation frame) and lets .NET shift it
// when rows are added or dropped above, so what the person is looking at stays put.
// The grid's keys are handled in .NET; here they only lose their default (scrolling the viewport or the page), and only
// on a row, so Tab and the keys of anything else keep theirs.
const gridKeys = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', ' ']);

export function observe(viewport, dotnet) {
  let pending = false, disposed = false;
  const report = () => {
    pending = false;
    if (disposed) return; // a frame already requested when the grid went away: its .NET object is about to be released
    dotnet.invokeMethodAsync('OnViewportChanged', viewport.scrollTop, viewport.clientHeight);
  };
  const onScroll = () => { if (!pending) { pending = true; requestAnimationFrame(report); } };
  const onKey = e => { if (gridKeys.has(e.key) && e.target.classList?.contains('kg-row')) e.preventDefault(); };
  viewport.addEventListener('scroll', onScroll, { passive: true });
  viewport.addEventListener('keydown', onKey);
  const resize = new ResizeObserver(onScroll);
  resize.observe(viewport);
  onScroll();
  return {
    dispose: () => {
      disposed = true;
      viewport.removeEventListener('scroll', onScroll);
      viewport.removeEventListener('keydown', onKey);
      resize.disconnect();
    },
  };
}

export function shift(viewport, pixels) { viewport.scrollTop += pixels; }

export function scrollToTop(viewport) { viewport.scrollTop = 0; }

// Focuses the row in the tab order (the one a key made active), scrolled just into view below the sticky header.
export function focusActive(viewport) {
  const row = viewport.querySelector('tr.kg-row[tabindex="0"]');
  if (!row) return;
  const box = viewport.getBoundingClientRect();
  const header = viewport.querySelector('th')?.getBoundingClientRect().bottom ?? box.top;
  const bottom = box.top + viewport.clientTop + viewport.clientHeight;
  const r = row.getBoundingClientRect();
  if (r.top < header) viewport.scrollTop -= header - r.top;
  else if (r.bottom > bottom) viewport.scrollTop += r.bottom - bottom;
  row.focus({ preventScroll: true });
}
