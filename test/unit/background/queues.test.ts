import { describe, expect, it } from 'vitest';
import { ReadyGate } from '../../../src/background/ready-gate';
import { SerialQueue } from '../../../src/background/serial-queue';
import { StorageWriter } from '../../../src/background/storage-writer';
import { FakeStorageArea } from '../../fakes/fake-storage';

describe('the serial queue', () => {
  it('runs read-modify-write tasks one after another, so none is lost', async () => {
    const queue = new SerialQueue();
    const area = new FakeStorageArea();
    await area.set({ n: 0 });
    const increment = () =>
      queue.run(async () => {
        const { n } = (await area.get(['n'])) as { n: number };
        await new Promise((r) => setTimeout(r, 0));
        await area.set({ n: n + 1 });
      });
    await Promise.all(Array.from({ length: 25 }, increment));
    expect(area.peek('n')).toBe(25);
  });

  it('keeps going after a task fails', async () => {
    const queue = new SerialQueue();
    const failing = queue.run(async () => {
      throw new Error('no');
    });
    await expect(failing).rejects.toThrow('no');
    expect(await queue.run(() => 'next')).toBe('next');
  });
});

describe('the storage writer', () => {
  it('writes the last value of every key, including one put just as a write finishes', async () => {
    const area = new FakeStorageArea();
    const writer = new StorageWriter(area);
    for (let i = 0; i < 50; i++) {
      writer.put(`k${i % 5}`, i);
      if (i % 7 === 0) await Promise.resolve();
      if (i % 11 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    writer.delete('k0');
    await writer.flush();
    expect(area.keys().sort()).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect([1, 2, 3, 4].map((k) => area.peek(`k${k}`))).toEqual([46, 47, 48, 49]);
    expect(area.writes).toBeLessThan(50);
  });

  it('does not strand a value put at any moment of a write in progress', async () => {
    for (let delay = 0; delay < 12; delay++) {
      const area = new FakeStorageArea();
      const writer = new StorageWriter(area);
      writer.put('first', 1);
      for (let i = 0; i < delay; i++) await Promise.resolve();
      writer.put('second', 2);
      await new Promise((r) => setTimeout(r, 0));
      await writer.flush();
      expect([delay, area.peek('first'), area.peek('second')]).toEqual([delay, 1, 2]);
    }
  });

  it('reports a failed write and carries on', async () => {
    const area = new FakeStorageArea();
    const errors: unknown[] = [];
    const writer = new StorageWriter(area, (e) => errors.push(e));
    const set = area.set.bind(area);
    area.set = async () => {
      throw new Error('quota');
    };
    writer.put('a', 1);
    await writer.flush();
    area.set = set;
    writer.put('b', 2);
    await writer.flush();
    expect(errors).toHaveLength(1);
    expect(area.peek('b')).toBe(2);
  });

  it('writes the small values of a burst when one of them is over the quota', async () => {
    const area = new FakeStorageArea();
    const errors: unknown[] = [];
    const writer = new StorageWriter(area, (e) => errors.push(e));
    const set = area.set.bind(area);
    area.set = async (items) => {
      if ('history' in items) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    };
    writer.put('tab:1', { hosts: ['a.test'] });
    writer.put('history', ['x'.repeat(100)]);
    writer.put('tab:2', { hosts: ['b.test'] });
    await writer.flush();
    expect(area.peek('tab:1')).toEqual({ hosts: ['a.test'] });
    expect(area.peek('tab:2')).toEqual({ hosts: ['b.test'] });
    expect(area.peek('history')).toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe('the ready gate', () => {
  it('holds events until open, replays them in order, then runs them at once; a bad one stops nothing', () => {
    const gate = new ReadyGate();
    const seen: number[] = [];
    const error = console.error;
    console.error = () => undefined;
    gate.run(() => seen.push(1));
    gate.run(() => {
      throw new Error('bad event');
    });
    gate.run(() => seen.push(2));
    expect(seen).toEqual([]);
    gate.open();
    gate.run(() => seen.push(3));
    console.error = error;
    expect(seen).toEqual([1, 2, 3]);
    expect(gate.isOpen).toBe(true);
  });

  it('drops the oldest held events past its limit, says how many, and can hold again', () => {
    const gate = new ReadyGate(4);
    const seen: number[] = [];
    for (let i = 1; i <= 9; i++) gate.run(() => seen.push(i));
    expect(seen).toEqual([]);
    const dropped = gate.open();
    expect(dropped + seen.length).toBe(9);
    expect(seen.length).toBeLessThanOrEqual(4);
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => 9 - seen.length + 1 + i));
    gate.close();
    gate.run(() => seen.push(10));
    expect(seen).not.toContain(10);
    expect(gate.open()).toBe(0);
    expect(seen.at(-1)).toBe(10);
  });
});
