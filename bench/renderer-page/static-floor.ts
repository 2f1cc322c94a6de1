// The browser's own floor for a view's first screen: the view's drawn DOM and its styles saved as a
// static page (no script at all) and loaded in fresh contexts. Whatever long task that page still has
// is Chromium's first style, layout and paint of that markup in a new renderer (fonts looked up, text
// shaped, glyphs rasterised for the first time), which no change to the view's script can remove.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { servePage } from './serve-page';
import { LONG_TASK_OBSERVER } from './measure';

/** The drawn page as one static HTML file: the root's markup and the text of every style sheet. */
export async function staticCopy(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    const css = [...document.styleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\\n')).join('\\n');
    const root = document.getElementById('root');
    return '<!doctype html><html lang="en"><head><meta charset="UTF-8"><style>' + css + '</style></head><body>' + (root ? root.outerHTML : '') + '</body></html>';
  })()`)) as string;
}

export interface FloorFigures {
  /** The longest task of each load (0: none over 50 ms). */
  longest: number[];
}

/** Loads `html` `loads` times, each in a fresh context, and reports each load's longest task. */
export async function staticFloor(browser: Browser, html: string, dir: string, loads: number): Promise<FloorFigures> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), html);
  const served = await servePage(dir);
  const longest: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript(LONG_TASK_OBSERVER);
      const page = await context.newPage();
      await page.goto(served.url);
      // Two frames and a pause: the first layout and paint are done and reported.
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))');
      const tasks = (await page.evaluate('window.__longTasks || []')) as { duration: number }[];
      longest.push(Math.max(0, ...tasks.map((t) => t.duration)));
      await context.close();
    }
  } finally {
    await served.close();
  }
  return { longest };
}
