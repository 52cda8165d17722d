/**
 * What the panel page is told in its URL. The devtools page opens it with the inspected tab's id
 * and the DevTools theme; tests open the same page as a tab with `?tabId=N`.
 */
export type ThemeChoice = 'light' | 'dark' | null;

export interface PanelParams {
  tabId: number | null;
  /** null: follow the system. */
  theme: ThemeChoice;
}

export function parsePanelParams(search: string): PanelParams {
  const params = new URLSearchParams(search);
  const raw = params.get('tabId');
  const id = raw !== null && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  return { tabId: Number.isSafeInteger(id) ? id : null, theme: themeOf(params.get('theme')) };
}

/** `chrome.devtools.panels.themeName` says `default` for the light theme. */
function themeOf(name: string | null): ThemeChoice {
  if (name === 'dark') return 'dark';
  if (name === 'default' || name === 'light') return 'light';
  return null;
}
