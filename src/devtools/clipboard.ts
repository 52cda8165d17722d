/**
 * Copies text. The async clipboard API can be refused inside DevTools (the panel is a frame the
 * browser may not grant clipboard access), so a selected off-screen textarea and the copy command
 * are the fallback; both run on the user's click.
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Selecting the textarea takes the keyboard focus; removing it would leave the focus nowhere.
    const focused = document.activeElement;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } finally {
      area.remove();
      if (focused instanceof HTMLElement) focused.focus();
    }
    if (!copied) throw new Error('copy refused');
  }
}
