// Map layers whose cells come by address (CellLayer's Source: <g data-src="...">), not through the circuit: each is
// fetched when it appears or its address changes, and drawn into the layer. The browser's cache keeps an address it
// has seen, so the prerendered page and the circuit's first render of the same layer cost one request.
(() => {
  const wanted = new WeakMap(); // layer -> the address it was last asked to show

  async function fill(layer) {
    const src = layer.getAttribute('data-src');
    if (!src || wanted.get(layer) === src) return;
    wanted.set(layer, src);
    try {
      const response = await fetch(src, { credentials: 'same-origin' });
      // A lapsed session is answered with the login page (a redirect): never draw that into a map.
      if (!response.ok || response.redirected) throw new Error(`${response.status} ${response.statusText}`);
      const markup = await response.text();
      if (wanted.get(layer) === src) layer.innerHTML = markup; // unless a newer address overtook it
    } catch (e) {
      if (wanted.get(layer) === src) wanted.delete(layer); // a later change or render may ask again
      console.warn('map layer not loaded:', src, e);
    }
  }

  function scan(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.hasAttribute('data-src') && node.classList.contains('svg-map__layer')) fill(node);
    node.querySelectorAll('.svg-map__layer[data-src]').forEach(fill);
  }

  new MutationObserver(records => {
    for (const r of records) {
      if (r.type === 'attributes') scan(r.target);
      else r.addedNodes.forEach(scan);
    }
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-src'] });
  scan(document.documentElement);
})();
