import type { ThemeChoice } from './panel-params';

/**
 * DevTools has its own light/dark setting, which the devtools page passes in; without it (the
 * panel opened as a tab) the stylesheet follows the system through `prefers-color-scheme`.
 */
export function applyTheme(root: HTMLElement, theme: ThemeChoice): void {
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
}
