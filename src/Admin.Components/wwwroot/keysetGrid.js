// Reports the viewport's scroll position to .NET (at most once per animation frame) and lets .NET shift it
// when rows are added or dropped above, so what the person is looking at stays put.
// The grid's keys are handled in .NET; here they only lose their default (scrolling the viewport or the page), and only
// on a row, so Tab and the keys of anything else keep theirs.
const gridKeys = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', ' ']);

// What observe() set up on each viewport, for release(): the grid holds no JS object of its own (each would cost a
// round trip to release).
const observed = new WeakMap();

export function observe(viewport, dotnet) {
  let pending = false, disposed = false;
  const report = () => {
    pending = false;
    if (disposed) return; // a frame already requested when the grid went away: its .NET object is about to be released
    // A report that crosses the grid's release on the wire fails on the server (its .NET object is gone): not an error.
    dotnet.invokeMethodAsync('OnViewportChanged', viewport.scrollTop, viewport.clientHeight).catch(e => { if (!disposed) console.error(e); });
  };
  const onScroll = () => { if (!pending) { pending = true; requestAnimationFrame(report); } };
  const onKey = e => {
    const row = e.target.classList?.contains('kg-row') ? e.target : null;
    if (!row) return;
    if (gridKeys.has(e.key)) e.preventDefault();
    // Copying: Ctrl+C (or Cmd+C) on a row copies it; the context-menu key or Shift+F10 opens the copy menu.
    if (!copyable(viewport)) return;
    if ((e.ctrlKey || e.metaKey) && (e.key === 'c' || e.key === 'C') && !String(window.getSelection() ?? '')) {
      e.preventDefault();
      copyText(rowText(row), 'Row copied');
    } else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      openCopyMenu(viewport, row, row);
    }
  };
  // The copy button is not the row: its click copies, and never reaches the row's own handler (Blazor listens on the document).
  const onClick = e => {
    const button = e.target.closest?.('.kg-copy');
    if (!button || !viewport.contains(button)) return;
    e.preventDefault();
    e.stopPropagation();
    openCopyMenu(viewport, button.closest('tr'), button);
  };
  // A right-click on a row (or the context-menu key, which browsers also send as this event) opens the copy menu there.
  const onContextMenu = e => {
    const row = e.target.closest?.('tr.kg-row');
    if (!row || !viewport.contains(row) || !copyable(viewport)) return;
    e.preventDefault();
    if (menu && menuReturn === row) return; // the key already opened it
    openCopyMenu(viewport, row, e.target.closest('td') ?? row);
  };
  viewport.addEventListener('scroll', onScroll, { passive: true });
  viewport.addEventListener('keydown', onKey);
  viewport.addEventListener('click', onClick);
  viewport.addEventListener('contextmenu', onContextMenu);
  const resize = new ResizeObserver(onScroll);
  resize.observe(viewport);
  onScroll();
  observed.set(viewport, () => {
    disposed = true;
    viewport.removeEventListener('scroll', onScroll);
    viewport.removeEventListener('keydown', onKey);
    viewport.removeEventListener('click', onClick);
    viewport.removeEventListener('contextmenu', onContextMenu);
    closeCopyMenu(false);
    resize.disconnect();
  });
}

export function release(viewport) {
  observed.get(viewport)?.();
  observed.delete(viewport);
}

export function shift(viewport, pixels) { viewport.scrollTop += pixels; }

export function scrollToTop(viewport) { viewport.scrollTop = 0; }

export function scrollToBottom(viewport) { viewport.scrollTop = viewport.scrollHeight; }

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

// ---- Copying a cell or a row. The text is what the grid shows (rows reach it masked for roles that may not see
// personal data), read from the rendered cells; a row is its cells joined by tabs, so it pastes into a spreadsheet.

const copyable = viewport => viewport.querySelector('.kg-table')?.dataset.copy === 'true';
const cellsOf = row => [...row.querySelectorAll('td:not(.kg-copy-cell)')];
const cellText = cell => (cell.textContent ?? '').trim();
const rowText = row => cellsOf(row).map(cellText).join('\t');

let menu = null, menuReturn = null, live = null;

function announce(text) {
  if (!live) {
    live = document.createElement('div');
    live.setAttribute('aria-live', 'polite');
    live.className = 'kg-copy-live';
    live.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
    document.body.appendChild(live);
  }
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 50);
}

export async function copyText(text, message) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No async clipboard (not a secure context, or refused): the older way, through a selected text area.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;top:-1000px;opacity:0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  announce(message ?? 'Copied');
}

function closeCopyMenu(refocus) {
  if (!menu) return;
  menu.remove();
  menu = null;
  document.removeEventListener('pointerdown', onOutside, true);
  if (refocus) menuReturn?.focus({ preventScroll: true });
  menuReturn = null;
}

function onOutside(e) { if (menu && !menu.contains(e.target)) closeCopyMenu(false); }

// A small menu beside the row: "Copy row", then "Copy <column>" for each cell, with the value it would copy.
function openCopyMenu(viewport, row, anchor) {
  closeCopyMenu(false);
  if (!row) return;
  const titles = [...viewport.querySelectorAll('th.kg-head')].map(th => (th.textContent ?? '').trim());
  const items = [['Copy row', rowText(row), 'Row copied'],
    ...cellsOf(row).map((cell, i) => [`Copy ${titles[i] ?? 'cell'}: ${cellText(cell) || '(empty)'}`, cellText(cell), `${titles[i] ?? 'Cell'} copied`])];
  menu = document.createElement('div');
  menu.className = 'kg-copy-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', 'Copy');
  menu.style.cssText = 'position:fixed;z-index:2000;min-width:12rem;max-width:28rem;padding:4px 0;border-radius:4px;'
    + 'background:var(--mud-palette-surface);color:var(--mud-palette-text-primary);box-shadow:0 2px 8px rgba(0,0,0,.3);'
    + 'border:1px solid var(--mud-palette-lines-default);font-size:.875rem';
  for (const [label, text, message] of items) {
    const item = document.createElement('button');
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.className = 'kg-copy-item';
    item.textContent = label;
    item.style.cssText = 'display:block;width:100%;text-align:left;padding:6px 12px;border:0;background:none;color:inherit;'
      + 'font:inherit;cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis';
    item.addEventListener('click', async () => { closeCopyMenu(true); await copyText(text, message); });
    item.addEventListener('mouseenter', () => item.focus());
    item.addEventListener('focus', () => { item.style.background = 'var(--mud-palette-action-default-hover)'; });
    item.addEventListener('blur', () => { item.style.background = 'none'; });
    menu.appendChild(item);
  }
  menu.addEventListener('keydown', e => {
    const all = [...menu.querySelectorAll('.kg-copy-item')];
    const at = all.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') all[(at + 1) % all.length].focus();
    else if (e.key === 'ArrowUp') all[(at - 1 + all.length) % all.length].focus();
    else if (e.key === 'Home') all[0].focus();
    else if (e.key === 'End') all[all.length - 1].focus();
    else if (e.key === 'Escape' || e.key === 'Tab') closeCopyMenu(true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  });
  document.body.appendChild(menu);
  const r = anchor.getBoundingClientRect();
  const box = menu.getBoundingClientRect();
  menu.style.left = Math.max(4, Math.min(r.right - box.width, window.innerWidth - box.width - 4)) + 'px';
  menu.style.top = (r.bottom + box.height + 4 > window.innerHeight ? Math.max(4, r.top - box.height) : r.bottom) + 'px';
  menuReturn = row;
  document.addEventListener('pointerdown', onOutside, true);
  menu.querySelector('.kg-copy-item')?.focus();
}
