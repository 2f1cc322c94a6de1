// How the list's and the timeline's virtualizers learn their viewport without forcing a layout while
// React commits. The library reads the scroller's size and scrolls it to its first offset during the
// commit: each forced the page's first layout inside that task, and the size it read re-rendered every
// row synchronously (a 60-170 ms task when a view first drew). Here the window's size stands in until
// a ResizeObserver reports the laid-out size, and a new scroller is not scrolled to where it already is.
import { elementScroll, observeElementRect, type Rect, type VirtualizerOptions, type Virtualizer } from '@tanstack/react-virtual';

/** The window's size: an upper bound of the viewport, so the first render draws at least a screenful. */
export function windowRect(): Rect {
  return typeof window === 'undefined' ? { width: 0, height: 0 } : { width: window.innerWidth, height: window.innerHeight };
}

/** `observeElementRect` without its synchronous first read: sizes arrive after layout. */
export function observeRectAfterLayout<T extends Element>(instance: Virtualizer<T, Element>, cb: (rect: Rect) => void): void | (() => void) {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return observeElementRect(instance, cb);
  const observer = new ResizeObserver(() => cb({ width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) }));
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

const scrolled = new WeakSet<Element>();

type ScrollOptions = Parameters<VirtualizerOptions<Element, Element>['scrollToFn']>[1];

/** `elementScroll`, except the first scroll of a new scroller to the top, where it already is. */
export function scrollUnlessFresh<T extends Element>(offset: number, options: ScrollOptions, instance: Virtualizer<T, Element>): void {
  const element = instance.scrollElement;
  if (element && !scrolled.has(element)) {
    scrolled.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}

/** The options that make a virtualizer measure after layout (spread into `useVirtualizer`). */
export function afterLayout() {
  return { initialRect: windowRect(), observeElementRect: observeRectAfterLayout, scrollToFn: scrollUnlessFresh };
}
