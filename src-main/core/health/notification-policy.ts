// When a problem becomes a desktop notification: only for profiles the user opted in, each problem once,
// and at most one notification per profile per hour; what comes up within the hour waits and is sent
// as one when the hour is over (flush runs on the core's poll ticks).
import { randomUUID } from 'node:crypto';
import type { AppNotification, NotificationKind } from '@shared/ipc';

export const NOTIFY_WINDOW_MS = 60 * 60_000;
const KEYS_KEPT = 5_000;

export interface Problem {
  kind: NotificationKind;
  /** Two reports with one key are one problem (notified once): e.g. "missed:<jobId>:<expectedAt>". */
  key: string;
  title: string;
  body: string;
}

export interface NotificationPolicyDeps {
  wants: (profileId: string) => boolean;
  profileName: (profileId: string) => string | null;
  now: () => Date;
  emit: (notification: AppNotification) => void;
  windowMs?: number;
}

export interface NotificationPolicy {
  report(profileId: string, problem: Problem): void;
  /** Sends each profile's waiting problems whose hour is over. */
  flush(): void;
  forget(profileId: string): void;
}

export function createNotificationPolicy(deps: NotificationPolicyDeps): NotificationPolicy {
  const windowMs = deps.windowMs ?? NOTIFY_WINDOW_MS;
  const seen = new Set<string>();
  const pending = new Map<string, Problem[]>();
  const lastSent = new Map<string, number>();

  function send(profileId: string): void {
    const problems = pending.get(profileId);
    if (!problems || problems.length === 0) return;
    const now = deps.now();
    const last = lastSent.get(profileId);
    if (last !== undefined && now.getTime() - last < windowMs) return;
    pending.delete(profileId);
    // Opted out while they waited: dropped, not delivered late.
    if (!deps.wants(profileId)) return;
    lastSent.set(profileId, now.getTime());
    const name = deps.profileName(profileId) ?? 'A profile';
    const first = problems[0] as Problem;
    deps.emit({
      id: randomUUID(),
      profileId,
      kinds: [...new Set(problems.map((p) => p.kind))],
      title: problems.length === 1 ? `${name}: ${first.title}` : `${name}: ${problems.length} problems`,
      body: problems.length === 1 ? first.body : problems.map((p) => `${p.title}. ${p.body}`).join('\n'),
      at: now.toISOString(),
    });
  }

  return {
    report(profileId, problem) {
      if (!deps.wants(profileId)) return;
      const key = `${profileId}\n${problem.key}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (seen.size > KEYS_KEPT) seen.delete(seen.values().next().value as string);
      pending.set(profileId, [...(pending.get(profileId) ?? []), problem]);
      send(profileId);
    },
    flush() {
      for (const profileId of [...pending.keys()]) send(profileId);
    },
    forget(profileId) {
      pending.delete(profileId);
      lastSent.delete(profileId);
    },
  };
}
