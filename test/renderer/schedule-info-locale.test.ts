// A user whose system speaks German sees descriptions in English at first, then in German once the
// words arrive: the views are told to redraw, and nothing described earlier stays in English.
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  (globalThis as { navigator?: { language: string } }).navigator = { language: 'de-DE' };
});

describe('descriptions in the user locale', () => {
  it('switches already shown descriptions to the locale when its words arrive, and tells subscribers', async () => {
    const info = await import('@renderer/common/schedule-info');
    const before = info.descriptionVersion();
    expect(info.describe('0 30 16 ? * *')).toBe('At 16:30');
    const stayed = vi.fn();
    const gone = vi.fn();
    const arrived = new Promise<void>((resolve) => info.onDescriptionsChanged(() => resolve()));
    info.onDescriptionsChanged(stayed);
    const unsubscribe = info.onDescriptionsChanged(gone);
    unsubscribe();
    await arrived;
    expect(stayed).toHaveBeenCalledTimes(1);
    expect(gone).not.toHaveBeenCalled();
    expect(info.descriptionVersion()).toBe(before + 1);
    expect(info.describe('0 30 16 ? * *')).toBe('Um 16:30');
  });
});
