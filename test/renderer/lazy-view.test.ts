// A view from its own chunk: before the chunk arrives it suspends (the fallback shows); once fetched
// ahead it draws at once, with no fallback for React to hold back.
import { createElement, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyView } from '@renderer/app/lazy-view';

const Greeting = ({ name }: { name: string }) => createElement('p', null, `Hello ${name}`);
const drawn = (View: ComponentType<{ name: string }>) =>
  renderToString(createElement(Suspense, { fallback: createElement('i', null, 'loading') }, createElement(View, { name: 'Ada' })));

describe('lazyView', () => {
  it('shows the fallback until the chunk is fetched, then draws directly, loading the chunk once', async () => {
    let loads = 0;
    const view = lazyView(async () => {
      loads += 1;
      return Greeting;
    });
    expect(drawn(view.View)).toContain('loading');
    await view.prefetch();
    await view.prefetch();
    const html = drawn(view.View);
    expect(html).toContain('Hello Ada');
    expect(html).not.toContain('loading');
    expect(loads).toBe(1);
  });

  it('a view fetched ahead draws on its very first render (React.lazy alone would suspend once)', async () => {
    const view = lazyView(async () => Greeting);
    await view.prefetch();
    expect(drawn(view.View)).not.toContain('loading');
  });
});
