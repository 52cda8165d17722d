import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

/**
 * How long after an outcome appears a lost focus is still put back: the worker pushes the removal
 * about 50 ms after its reply (longer under load), and the panel keeps removed rows for 1.6 s.
 */
export const RESCUE_MS = 2500;

function unusable(el: Element): boolean {
  return !el.isConnected || (el as HTMLButtonElement).disabled === true;
}

/**
 * Focus taken away by the page (the focused row or button removed or disabled), as opposed to the
 * user clicking on empty space: then the element they left is still there and usable.
 */
export function focusWasTaken(last: Element | null): boolean {
  const now = document.activeElement;
  if (now && now !== document.body && !unusable(now)) return false;
  return last !== null && unusable(last);
}

/**
 * While `cause` is set and for RESCUE_MS after it changes, moves the keyboard focus to `target()`
 * whenever the page takes it away. The DOM is watched rather than the data, because the change
 * that takes the focus (a live push, a row fading out) comes after the outcome, in its own render.
 */
export function useFocusRescue(cause: unknown, target: () => HTMLElement | null): void {
  const last = useRef<Element | null>(null);
  const find = useRef(target);
  find.current = target;

  useEffect(() => {
    const track = (event: FocusEvent) => {
      last.current = event.target as Element;
    };
    document.addEventListener('focusin', track);
    return () => document.removeEventListener('focusin', track);
  }, []);

  // A layout effect: the control the outcome replaced (Undo) is gone in this very commit.
  useLayoutEffect(() => {
    if (cause === null || cause === undefined) return;
    const check = () => {
      if (focusWasTaken(last.current)) find.current()?.focus();
    };
    check();
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
    const timer = setTimeout(() => observer.disconnect(), RESCUE_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [cause]);
}
