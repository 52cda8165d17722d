import { describe, expect, it } from 'vitest';
import { liveChangesText } from './live-changes-text';

describe('the announcement of live changes', () => {
  it('names only the kinds of change there were, each in its own plural', () => {
    expect(liveChangesText({ new: 1, changed: 0, removed: 0 })).toBe('1 new cookie');
    expect(liveChangesText({ new: 0, changed: 2, removed: 1 })).toBe('2 cookies changed and 1 cookie removed');
    expect(liveChangesText({ new: 3, changed: 1, removed: 1200 })).toBe(
      '3 new cookies, 1 cookie changed, and 1,200 cookies removed',
    );
  });
});
