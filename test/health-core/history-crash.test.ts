// A crash during a history write (SIGKILL mid-way, many times): the file always reads back whole, holding
// every acknowledged execution (and perhaps the one in flight), and the next start sweeps the temp files.
import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DataProblem } from '@shared/ipc';
import { createHistoryStore, HISTORY_DIR } from '@core/health/history-store';
import { crashHarness } from '../core/crash-harness';

const KILLS = 8;
const crash = crashHarness({ prefix: 'history-crash-', writer: resolve(__dirname, 'fixtures/history-writer.ts') });

describe('a crash during a history write', () => {
  it(`never loses an acknowledged execution nor leaves a torn file (${KILLS} kills)`, async () => {
    const dataDir = join(crash.work, 'data');
    let acked = 0;
    for (let i = 0; i < KILLS; i += 1) {
      acked = await crash.runAndKill(dataDir, acked, 1 + (i % 2));
      const problems: DataProblem[] = [];
      const { executions } = await createHistoryStore(dataDir, { now: () => new Date(), onProblem: (p) => problems.push(p) }).load('crash-profile');
      expect(problems).toEqual([]);
      const ids = executions.map((e) => Number(e.id.slice('exec-'.length)));
      // Every execution from 1 on, in order, ending at the last acknowledged one or the one in flight.
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, k) => k + 1));
      expect([acked, acked + 1]).toContain(ids.length);
      acked = ids.length;
    }
    expect((await readdir(join(dataDir, HISTORY_DIR))).filter((n) => n !== 'crash-profile.json')).toEqual([]);
  }, 90_000);
});
