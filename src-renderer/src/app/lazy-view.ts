// A component from its own chunk. Once the chunk has arrived it renders directly: going through
// React.lazy would suspend, and React holds a suspended boundary's content back for up to 300 ms after
// its fallback showed, which a tab click or a dialog's first opening would feel.
import { createElement, lazy, useState, type ComponentType } from 'react';

export interface LazyView<P extends object> {
  View: ComponentType<P>;
  /** Fetches the chunk (once); the next mount then renders without suspending. */
  prefetch: () => Promise<void>;
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchOnce = () => (pending ??= load().then((c) => (loaded = c)));
  const Lazy = lazy(() => fetchOnce().then((c) => ({ default: c })));
  // Chosen once per mount, so a view first drawn through React.lazy is never remounted when the chunk lands.
  const View = (props: P) => {
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  };
  return { View, prefetch: () => fetchOnce().then(() => undefined) };
}
