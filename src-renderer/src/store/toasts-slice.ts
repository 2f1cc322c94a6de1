// Short confirmations of what just succeeded (and warnings beside a success). Confirmations go away by
// themselves; warnings stay until closed, so a failed local record is never missed.
import type { SliceCreator } from './types';

export interface Toast {
  id: number;
  tone: 'success' | 'warning';
  text: string;
}

export interface ToastsSlice {
  toasts: Toast[];
  notify(text: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
}

/** How long a confirmation stays: long enough to read one sentence. */
export const TOAST_MS = 6000;
/** At most this many confirmations at once; the oldest go first (warnings stay until closed). */
const MAX_TOASTS = 4;

export const createToastsSlice: SliceCreator<ToastsSlice> = (set, get) => {
  let nextId = 1;
  return {
    toasts: [],
    notify(text, tone = 'success') {
      const id = nextId++;
      // Over the limit, the oldest confirmations go first; a warning (a notice the user must read, such
      // as a write whose outcome came after its dialog closed) goes only when dismissed.
      let toasts = [...get().toasts, { id, tone, text }];
      while (toasts.length > MAX_TOASTS) {
        const oldest = toasts.findIndex((t) => t.tone === 'success');
        if (oldest < 0) break;
        toasts = toasts.filter((_, i) => i !== oldest);
      }
      set({ toasts });
      if (tone === 'success') setTimeout(() => get().dismissToast(id), TOAST_MS);
    },
    dismissToast(id) {
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
  };
};
