/**
 * Arrow keys move between rows (and Home/End to the ends), Tab moves into a row's details: a long
 * list is then quick to walk with the keyboard without tabbing through every button of every row.
 */
export function onRowKeyDown(event: KeyboardEvent): void {
  const current = event.currentTarget as HTMLElement;
  const all = [...document.querySelectorAll<HTMLElement>('[data-row-toggle]')];
  const at = all.indexOf(current);
  let next: HTMLElement | undefined;
  if (event.key === 'ArrowDown') next = all[at + 1];
  else if (event.key === 'ArrowUp') next = all[at - 1];
  else if (event.key === 'Home') next = all[0];
  else if (event.key === 'End') next = all[all.length - 1];
  else return;
  event.preventDefault();
  if (next) {
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  }
}
