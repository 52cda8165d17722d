import type { Timers } from '../../src/background/timers';

/** Timers that fire only when the test says so: debouncing is then tested without waiting. */
export function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = {
    set: (callback) => {
      pending.set(++next, callback);
      return next;
    },
    clear: (handle) => pending.delete(handle as number),
  };
  return {
    timers,
    pending,
    fireAll() {
      const callbacks = [...pending.values()];
      pending.clear();
      for (const callback of callbacks) callback();
    },
  };
}
