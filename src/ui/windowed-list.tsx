import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { prefixOffsets, type Segment, segmentsKeeping, windowRange } from './virtual-window';

interface Props<T> {
  items: readonly T[];
  keyOf(item: T): string;
  /** Height to assume for an item not measured yet. */
  estimate: number;
  renderItem(item: T, index: number): ComponentChildren;
  /** Up to this many items everything is rendered: short lists stay whole for find-in-page. */
  threshold?: number;
  /** At most this many items, from the top (the first frame's share of the screen); absent: no cap. */
  limit?: number;
  class?: string;
  label?: string;
}

/** Pixels rendered beyond each edge of the viewport, so keyboard focus and fast scrolls find rows. */
const MARGIN = 300;

/**
 * A list that renders only the items near the viewport once it is long. The page (window) scrolls,
 * so several lists on one page each work out their own part. Measured heights are kept by key, so
 * expanded rows and live updates keep their place.
 */
export function WindowedList<T>({
  items,
  keyOf,
  estimate,
  renderItem,
  threshold = 20,
  limit,
  class: cls,
  label,
}: Props<T>) {
  const ref = useRef<HTMLUListElement>(null);
  const heights = useRef(new Map<string, number>());
  const windowed = items.length > threshold;
  // Until the list knows where it sits, it renders one margin's worth of rows: the popup's list
  // starts below the summary, so that fills the first screen, and the rest follows after paint.
  const [viewport, setViewport] = useState({ top: 0, bottom: 0 });
  const [, remeasured] = useReducer((n: number) => n + 1, 0);

  const measure = () => {
    const top = ref.current?.getBoundingClientRect().top ?? 0;
    setViewport((old) =>
      old.top === -top && old.bottom === innerHeight - top ? old : { top: -top, bottom: innerHeight - top },
    );
  };
  // What is above the list can move it without a scroll (a group collapsing, a banner appearing,
  // rows arriving in an earlier group): once placed, check where it sits after every render,
  // before paint, or the rows in view stay blank until the next scroll.
  const placed = useRef(false);
  useLayoutEffect(() => {
    if (windowed && placed.current) measure();
  });

  useEffect(() => {
    if (!windowed) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      measure();
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(update);
    };
    update();
    placed.current = true;
    addEventListener('scroll', onScroll, { passive: true });
    addEventListener('resize', onScroll);
    return () => {
      placed.current = false;
      cancelAnimationFrame(frame);
      removeEventListener('scroll', onScroll);
      removeEventListener('resize', onScroll);
    };
  }, [windowed]);

  // The item holding the keyboard focus, by key; set by focus events, read when windowing.
  const focusKey = useRef<string | null>(null);
  const onFocusIn = (event: FocusEvent) => {
    focusKey.current = (event.target as Element).closest<HTMLElement>('li[data-key]')?.dataset.key ?? null;
  };
  const onFocusOut = (event: FocusEvent) => {
    if (!ref.current?.contains(event.relatedTarget as Node | null)) focusKey.current = null;
  };

  const known = heights.current;
  let segments: Segment[] = [{ start: 0, end: limit === undefined ? items.length : Math.min(limit, items.length) }];
  let offsets: number[] = [];
  if (limit !== undefined) {
    // The rows below the cap take their estimated room, so the page does not jump when they come.
    offsets = prefixOffsets(items.map((item) => known.get(keyOf(item)) ?? estimate));
  } else if (windowed) {
    offsets = prefixOffsets(items.map((item) => known.get(keyOf(item)) ?? estimate));
    const range = windowRange(offsets, viewport.top, viewport.bottom, MARGIN);
    const kept = focusKey.current === null ? -1 : items.findIndex((item) => keyOf(item) === focusKey.current);
    segments = segmentsKeeping(range, items.length, kept);
  }
  const first = segments[0];
  const last = segments[segments.length - 1];

  // After paint, so measuring never holds up the first frame; an estimate within a pixel is kept.
  useEffect(() => {
    if (!windowed || !ref.current) return;
    let changed = false;
    for (const child of ref.current.children) {
      const key = (child as HTMLElement).dataset.key;
      if (key === undefined) continue;
      const height = child.getBoundingClientRect().height;
      if (Math.abs((known.get(key) ?? estimate) - height) > 1) {
        known.set(key, height);
        changed = true;
      }
    }
    if (changed) remeasured(1);
  });

  return (
    <ul
      ref={ref}
      aria-label={label}
      class={cls}
      onFocusIn={onFocusIn}
      onFocusOut={onFocusOut}
      style={
        windowed || limit !== undefined
          ? {
              paddingTop: `${offsets[first.start]}px`,
              paddingBottom: `${offsets[items.length] - offsets[last.end]}px`,
            }
          : undefined
      }
    >
      {segments.map((segment, s) => [
        s > 0 && (
          <li
            key={`gap-${segment.start}`}
            class="list-gap"
            aria-hidden="true"
            style={{ height: `${offsets[segment.start] - offsets[segments[s - 1].end]}px` }}
          />
        ),
        ...items.slice(segment.start, segment.end).map((item, i) => {
          const index = segment.start + i;
          return (
            <li key={keyOf(item)} data-key={keyOf(item)} aria-setsize={items.length} aria-posinset={index + 1}>
              {renderItem(item, index)}
            </li>
          );
        }),
      ])}
    </ul>
  );
}
