// Every kind of month day (today, past, outside the month, each density step, and their mixes) keeps
// its text readable in light and dark. The real month only shows some mixes at some hours (today is
// dense with more than a dozen past runs only early in the day), so the month's own cells are cloned
// into every state and axe's colour-contrast rule runs over them under the app's real styles.
import { createRequire } from 'node:module';
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const harness = useHarness();
test.use({ bypassCSP: true });

const STATES = [
  '',
  'is-today',
  'is-past',
  'is-outside',
  'density-1',
  'density-2',
  'density-3',
  'density-4',
  'is-today density-4',
  'is-outside density-4',
  'is-today density-2',
  'is-focused density-4',
  'is-past is-outside',
  'is-today is-focused',
];

for (const scheme of ['light', 'dark'] as const) {
  test(`every state of a month day keeps its text at 4.5:1 (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new AppPage(page);
    await app.open(harness.url);
    if (await page.getByRole('button', { name: 'Try the demo' }).isVisible()) await app.startDemo();
    await app.selectProfile('Demo dev');
    await app.expectSchedulesLoaded();
    await app.showTab('Calendar');
    await expect(page.getByTestId('calendar-view')).toHaveAttribute('data-mode', 'month');
    await app.expectCalendarPlaced();
    // A day with chips to clone: its daynum, chips (one made paused) and a past-runs "+N" count.
    await expect(page.locator('.month-cell .run-chip').first()).toBeVisible();
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async (states) => {
      const doc = (globalThis as unknown as { document: Doc }).document;
      const source = doc.querySelector('.month-cell:has(.run-chip)');
      const root = doc.querySelector('.cal-root');
      if (!source || !root) return { cells: 0, problems: ['no month day with runs to clone'] };
      // Over the page, inside the calendar's root (its colour variables), every cell in view.
      const row = doc.createElement('div');
      row.className = 'month-row';
      row.setAttribute('data-probe', 'true');
      row.setAttribute('style', 'position: fixed; inset: 0; z-index: 1000; background: var(--c-bg); grid-template-columns: repeat(5, 1fr)');
      for (const state of states) {
        const cell = source.cloneNode(true) as El;
        cell.className = `month-cell ${state}`;
        cell.setAttribute('data-state', state || 'plain');
        const chip = cell.querySelector('.run-chip');
        if (chip) {
          const paused = chip.cloneNode(true) as El;
          paused.className = `${chip.className} is-paused`;
          chip.after(paused);
        }
        const marks = doc.createElement('div');
        marks.className = 'past-marks';
        const more = doc.createElement('span');
        more.className = 'muted past-more';
        more.textContent = '+7';
        marks.append(more);
        cell.append(marks);
        row.append(cell);
      }
      root.append(row);
      const axe = (globalThis as unknown as { axe: Axe }).axe;
      const { violations } = await axe.run('[data-probe="true"]', { runOnly: ['color-contrast'], resultTypes: ['violations'] });
      const problems = violations.flatMap((v) =>
        v.nodes.map((n) => {
          const target = n.target.join(' ');
          const state = doc.querySelector(target)?.closest('[data-state]')?.getAttribute('data-state');
          return `${state ?? '?'}: ${target}: ${n.failureSummary ?? ''}`;
        }),
      );
      return { cells: row.children.length, problems };

      interface El {
        className: string;
        cloneNode(deep: boolean): unknown;
        setAttribute(name: string, value: string): void;
        getAttribute(name: string): string | null;
        querySelector(selector: string): El | null;
        closest(selector: string): El | null;
        after(node: El): void;
        append(...nodes: El[]): void;
        textContent: string;
        children: { length: number };
      }
      interface Doc {
        querySelector(selector: string): El | null;
        createElement(tag: string): El;
      }
      interface Axe {
        run(context: string, opts: object): Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }>;
      }
    }, STATES);
    expect(result.cells).toBe(STATES.length);
    expect(result.problems, result.problems.join('\n')).toEqual([]);
  });
}
