// A crash during a profile write (SIGKILL mid-way, many times): the file always parses and holds either
// the last completed list or the one being written, never a mix, and nothing acknowledged is lost.
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseProfilesFile } from '@core/profiles/profile-file';
import { openProfileStore } from '@core/profiles/profile-store';
import { crashHarness } from './crash-harness';

const KILLS = 10;
const crash = crashHarness({ prefix: 'crash-test-', writer: resolve(__dirname, 'fixtures/profile-writer.ts') });

describe('a crash during a profile write', () => {
  it(`never leaves a torn or mixed file (${KILLS} kills)`, async () => {
    const dataDir = join(crash.work, 'data');
    let acked = 0;
    const seen = new Set<'old' | 'new'>();
    for (let i = 0; i < KILLS; i += 1) {
      acked = await crash.runAndKill(dataDir, acked, 1 + (i % 2));
      const parsed = parseProfilesFile(JSON.parse(await readFile(join(dataDir, 'profiles.json'), 'utf8')));
      if (!parsed.ok) throw new Error(`kill ${i}: ${parsed.reason}`);
      const names = parsed.file.profiles.map((p) => p.name);
      const generation = Number(/^gen (\d+) /.exec(names[0] ?? '')?.[1]);
      // Whole list of one generation: the right size, every profile from that generation.
      expect(names).toEqual(Array.from({ length: 1 + (generation % 5) }, (_, k) => `gen ${generation} #${k}`));
      expect(parsed.file.profiles.every((p) => p.orgId === `org-${generation}`)).toBe(true);
      // Either the last acknowledged list, or the one in flight when the kill came: nothing acked is lost.
      expect([acked, acked + 1]).toContain(generation);
      seen.add(generation === acked ? 'old' : 'new');
      acked = generation;
    }
    // The next start reads the file without a problem and removes temp files a kill left behind.
    const { store, problem } = await openProfileStore(dataDir, () => new Date());
    expect(problem).toBeNull();
    expect(store.list().length).toBeGreaterThan(0);
    expect((await readdir(dataDir)).filter((n) => n !== 'profiles.json')).toEqual([]);
    console.log(`crash test: ${KILLS} kills, outcomes seen: ${[...seen].join(', ')}`);
  }, 90_000);
});
