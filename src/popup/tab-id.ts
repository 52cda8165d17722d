/**
 * The tab the popup describes: `?tabId=N` when given (tests open the popup page as a tab of its
 * own), otherwise the active tab of the window the popup belongs to.
 */
export async function resolveTabId(
  search: string,
  activeTab: () => Promise<Array<{ id?: number }>>,
): Promise<number | null> {
  const param = new URLSearchParams(search).get('tabId');
  if (param !== null) {
    const id = Number(param);
    return Number.isInteger(id) && id >= 0 ? id : null;
  }
  const [tab] = await activeTab();
  return tab?.id ?? null;
}
