import { describe, expect, it } from 'vitest';
import { scrollToReveal, visibleRange } from '../../../src/devtools/fixed-window';

describe('visibleRange', () => {
  it('covers the viewport plus the overscan, within the list', () => {
    expect(visibleRange(5000, 20, 0, 200, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(5000, 20, 1000, 200, 5)).toEqual({ start: 45, end: 65 });
    expect(visibleRange(5000, 20, 99_990, 200, 5)).toEqual({ start: 4994, end: 5000 });
    expect(visibleRange(3, 20, 0, 800, 5)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 20, 0, 800, 5)).toEqual({ start: 0, end: 0 });
  });

  it('always renders at least one row of a non-empty list', () => {
    expect(visibleRange(10, 20, 5000, 0, 0)).toEqual({ start: 9, end: 10 });
  });
});

describe('scrollToReveal', () => {
  it('scrolls only as far as needed, below a sticky header', () => {
    expect(scrollToReveal(10, 20, 0, 200, 20)).toBe(40);
    expect(scrollToReveal(2, 20, 100, 200, 20)).toBe(40);
    expect(scrollToReveal(6, 20, 100, 200, 20)).toBeNull();
  });
});
