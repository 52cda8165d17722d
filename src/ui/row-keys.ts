/**
 * Arrow keys move between rows (and Home/End to the ends), Tab moves into a row's details: a long
 * list is then quick to walk with the keyboard without tabbing through every button of every row.
 */
export function onRowKeyDown(event: KeyboardEvent): void {
  const current = event.currentTarget as HTMLElement;
  if (event.key === 'Home' || event.key === 'End') {
    event.preventDefault();
    focusEnd(event.key === 'End');
    return;
  }
  const all = rowToggles();
  const at = all.indexOf(current);
  let next: HTMLElement | undefined;
  if (event.key === 'ArrowDown') next = all[at + 1];
  else if (event.key === 'ArrowUp') next = all[at - 1];
  else return;
  event.preventDefault();
  if (next) focusRow(next);
}

function rowToggles(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-row-toggle]')];
}

function focusRow(row: HTMLElement): void {
  row.focus();
  row.scrollIntoView({ block: 'nearest' });
}

/** How many frames to wait at most for a windowed list to render the rows at the new scroll position. */
const SETTLE_FRAMES = 10;

/**
 * A long list renders only the rows near the viewport, so the first or last row may not exist yet:
 * scroll to that end of the page, let the list render what is there (its measured heights can move
 * the end, so scroll again each frame), and focus the end row once it is in view.
 */
function focusEnd(last: boolean): void {
  let frames = 0;
  const settle = () => {
    scrollTo({ top: last ? document.documentElement.scrollHeight : 0 });
    const all = rowToggles();
    const row = last ? all[all.length - 1] : all[0];
    if (!row) return;
    if (frames++ < SETTLE_FRAMES && !inView(row)) {
      requestAnimationFrame(settle);
      return;
    }
    focusRow(row);
  };
  settle();
}

function inView(row: HTMLElement): boolean {
  const box = row.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight;
}
