// Reports the viewport's scroll position to .NET (at most once per animation frame) and lets .NET shift it
// when rows are added or dropped above, so what the person is looking at stays put.
export function observe(viewport, dotnet) {
  let pending = false, disposed = false;
  const report = () => {
    pending = false;
    if (disposed) return; // a frame already requested when the grid went away: its .NET object is about to be released
    dotnet.invokeMethodAsync('OnViewportChanged', viewport.scrollTop, viewport.clientHeight);
  };
  const onScroll = () => { if (!pending) { pending = true; requestAnimationFrame(report); } };
  viewport.addEventListener('scroll', onScroll, { passive: true });
  const resize = new ResizeObserver(onScroll);
  resize.observe(viewport);
  onScroll();
  return { dispose: () => { disposed = true; viewport.removeEventListener('scroll', onScroll); resize.disconnect(); } };
}

export function shift(viewport, pixels) { viewport.scrollTop += pixels; }

export function scrollToTop(viewport) { viewport.scrollTop = 0; }
