// The density strip is a slider: its keys move its cursor, so they must not scroll the page as well. Tab still moves on.
const keys = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

export function keepKeys(track) {
  const onKey = e => { if (keys.has(e.key)) e.preventDefault(); };
  track.addEventListener('keydown', onKey);
  return { dispose: () => track.removeEventListener('keydown', onKey) };
}
