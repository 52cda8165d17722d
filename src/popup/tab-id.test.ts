import { describe, expect, it } from 'vitest';
import { resolveTabId } from './tab-id';

describe('resolveTabId', () => {
  const active = async () => [{ id: 42 }];

  it('takes ?tabId=N when given', async () => {
    expect(await resolveTabId('?tabId=7', active)).toBe(7);
  });

  it('rejects a tabId that is not a whole number', async () => {
    expect(await resolveTabId('?tabId=abc', active)).toBeNull();
    expect(await resolveTabId('?tabId=-1', active)).toBeNull();
    expect(await resolveTabId('?tabId=1.5', active)).toBeNull();
  });

  it('otherwise uses the active tab of the window', async () => {
    expect(await resolveTabId('', active)).toBe(42);
    expect(await resolveTabId('', async () => [])).toBeNull();
    expect(await resolveTabId('', async () => [{}])).toBeNull();
  });
});
