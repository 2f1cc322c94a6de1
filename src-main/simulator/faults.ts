// Fault injection: rules matched per org and/or endpoint, for a number of requests or until cleared.

/** auth, the schedule endpoints, the maintenance endpoints (running job, run-immediately), and the account ones. */
export type SimEndpoint = 'auth' | 'list' | 'create' | 'delete' | 'running' | 'run-now' | 'orgs' | 'session-token';

export type FaultAction =
  /** Answer with this status and an AtScale error envelope. 401 simulates no access or an expired token. */
  | { type: 'status'; status: number; message?: string; retryAfterSeconds?: number }
  /** An HTML error page (as a proxy or servlet container would send), status 502 unless given. */
  | { type: 'html'; status?: number }
  /** 200 with a body that is not valid JSON. */
  | { type: 'malformed-json' }
  /** 200 with valid JSON of the wrong shape. */
  | { type: 'wrong-shape' }
  /** Accept the request and never answer (until the client gives up or the simulator closes). */
  | { type: 'hang' }
  /** Drop the connection without an answer. */
  | { type: 'reset' }
  /** A careless server echoing the Authorization header (Basic decoded too) in its error message. */
  | { type: 'echo-credentials'; status?: number }
  /** Any canned answer, e.g. a payload with extra fields or without latest_execution. */
  | { type: 'raw'; status: number; contentType?: string; body: string };

export interface FaultRule {
  /** Only requests for this org (any org when absent). */
  orgId?: string;
  /** Only this endpoint (any when absent). */
  endpoint?: SimEndpoint;
  /** How many matching requests it applies to; unlimited (until cleared) when absent. */
  times?: number;
  /** How many matching requests pass untouched before it starts to apply (none when absent). */
  skip?: number;
  /** Extra delay before answering. */
  latencyMs?: number;
  action?: FaultAction;
  /**
   * 'before' (default): the request is not acted on. 'after': the server does the work (e.g. creates the
   * job) and then the answer is replaced by the fault — the lost-response case a client must not retry.
   */
  when?: 'before' | 'after';
}

export interface ActiveFault extends FaultRule {
  id: number;
  /** How many requests it has applied to so far. */
  hits: number;
  /** How many matching requests it has let through so far (up to `skip`). */
  skipped: number;
}

export class FaultTable {
  private rules: ActiveFault[] = [];
  private nextId = 1;

  add(rule: FaultRule): number {
    if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1)) throw new Error('fault.times must be a whole number >= 1');
    if (rule.skip !== undefined && (!Number.isInteger(rule.skip) || rule.skip < 0)) throw new Error('fault.skip must be a whole number >= 0');
    if (rule.latencyMs !== undefined && !(rule.latencyMs >= 0)) throw new Error('fault.latencyMs must be >= 0');
    if (rule.action === undefined && rule.latencyMs === undefined) throw new Error('a fault needs an action or latencyMs');
    if (rule.action?.type === 'status' && !(rule.action.status >= 100 && rule.action.status <= 599)) throw new Error('fault status must be 100-599');
    const id = this.nextId++;
    this.rules.push({ ...rule, id, hits: 0, skipped: 0 });
    return id;
  }

  remove(id: number): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  list(): ActiveFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /**
   * The fault for one request: the summed latency of every matching rule and the action of the earliest
   * matching rule that has one. Only the rules that applied are consumed; spent rules drop out.
   */
  take(orgId: string | null, endpoint: SimEndpoint): AppliedFault {
    const matching = this.rules.filter((r) => {
      if ((r.orgId !== undefined && r.orgId !== orgId) || (r.endpoint !== undefined && r.endpoint !== endpoint)) return false;
      if (r.skipped >= (r.skip ?? 0)) return true;
      r.skipped++;
      return false;
    });
    const withAction = matching.find((r) => r.action !== undefined);
    const applied = matching.filter((r) => r.action === undefined || r === withAction);
    for (const r of applied) r.hits++;
    this.rules = this.rules.filter((r) => r.times === undefined || r.hits < r.times);
    return {
      latencyMs: applied.reduce((sum, r) => sum + (r.latencyMs ?? 0), 0),
      action: withAction?.action ?? null,
      when: withAction?.when ?? 'before',
    };
  }
}

export interface AppliedFault {
  latencyMs: number;
  action: FaultAction | null;
  when: 'before' | 'after';
}
