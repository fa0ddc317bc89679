// The density strip is a slider: its keys move its cursor, so they must not scroll the page as well. Tab still moves on.
const keys = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

// A press that moves this far (px) is a drag, not a click.
const dragThreshold = 4;

// What attach() set up on each track, for detach(): the strip holds no JS object of its own (each would cost a round
// trip to release).
const attached = new WeakMap();

export function attach(track, marker, component) {
  const onKey = e => { if (keys.has(e.key)) e.preventDefault(); };
  track.addEventListener('keydown', onKey);
  // A click on a bucket jumps to its days: one listener here, not a handler per bucket (the buckets are one markup
  // string in the circuit). A drag's release swallows its click before it gets here (enableDrag).
  const onClick = e => {
    const bucket = e.target.closest('.ds-bucket');
    if (bucket && track.contains(bucket)) component.invokeMethodAsync('BucketClicked', bucket.dataset.start);
  };
  track.addEventListener('click', onClick);
  const drag = enableDrag(track, marker, component);
  track.setAttribute('data-attached', 'true'); // clicks and drags are heard from here on
  attached.set(track, () => {
    track.removeEventListener('keydown', onKey);
    track.removeEventListener('click', onClick);
    track.removeAttribute('data-attached');
    drag();
  });
}

export function detach(track) {
  attached.get(track)?.();
  attached.delete(track);
}

// Dragging along the strip: a marker follows the pointer here in the browser (no round trip per move), and on release
// the component hears once where, as a fraction of the track's width, and jumps there. The click a release would also
// fire on the bucket under it is swallowed, so a drag is one jump.
function enableDrag(track, marker, component) {
  let start = null;
  const fraction = e => {
    const r = track.getBoundingClientRect();
    return Math.min(1, Math.max(0, (e.clientX - r.left) / Math.max(1, r.width)));
  };
  const down = e => {
    if (e.button !== 0) return;
    start = { x: e.clientX, dragging: false };
  };
  const move = e => {
    if (!start) return;
    if (!start.dragging && Math.abs(e.clientX - start.x) < dragThreshold) return;
    if (!start.dragging) track.setPointerCapture(e.pointerId); // only now: a capture retargets a plain click to the track
    start.dragging = true;
    marker.style.left = (fraction(e) * 100) + '%';
    marker.classList.add('ds-drag-on');
  };
  const up = e => {
    if (!start) return;
    const dragged = start.dragging;
    start = null;
    marker.classList.remove('ds-drag-on');
    if (track.hasPointerCapture(e.pointerId)) track.releasePointerCapture(e.pointerId);
    if (!dragged) return;
    const swallow = c => { c.stopPropagation(); c.preventDefault(); };
    track.addEventListener('click', swallow, { capture: true, once: true });
    setTimeout(() => track.removeEventListener('click', swallow, { capture: true }), 0);
    component.invokeMethodAsync('DragEnded', fraction(e));
  };
  const cancel = () => { start = null; marker.classList.remove('ds-drag-on'); };
  track.addEventListener('pointerdown', down);
  track.addEventListener('pointermove', move);
  track.addEventListener('pointerup', up);
  track.addEventListener('pointercancel', cancel);
  return () => {
    track.removeEventListener('pointerdown', down);
    track.removeEventListener('pointermove', move);
    track.removeEventListener('pointerup', up);
    track.removeEventListener('pointercancel', cancel);
  };
}
