// Names the preload and main agree on for push events (requests use the contract's channel names).

/** One IPC channel carries every push event as { event, payload }. */
export const EVENT_CHANNEL = 'app:event';
