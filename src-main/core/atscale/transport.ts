// One HTTP exchange over node:http/https, with our own deadline, TLS trust and socket-error mapping.
// node:http (not fetch) so that a private CA can be trusted per client and socket codes reach us intact.
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { AtScaleError, excerpt, transportError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  contentType: string;
  body: string;
  /** From a Retry-After header in seconds, when present. */
  retryAfterMs: number | null;
}

export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Drops pooled sockets; the client is unusable afterwards. */
  close(): void;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const MAX_SOCKETS = 8;

export function createTransport(options: { caCert?: string }): Transport {
  // Trust the system roots plus the profile's own CA, for this client only: no process-wide switch.
  const ca = options.caCert ? [...rootCertificates, options.caCert] : undefined;
  // GETs reuse sockets. POST/DELETE get a fresh connection each time, so a stale pooled socket can never
  // make a non-idempotent request fail half-way (and it is never retried).
  const pooled = {
    http: new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
    https: new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS, ca }),
  };
  // An agent without keepAlive (the default) closes each connection after its one request.
  const fresh = { http: new http.Agent(), https: new https.Agent({ ca }) };

  return {
    send(request) {
      const agents = request.method === 'GET' ? pooled : fresh;
      const isHttps = request.url.protocol === 'https:';
      return exchange(request, isHttps ? https.request : http.request, isHttps ? agents.https : agents.http);
    },
    close() {
      for (const agent of [pooled.http, pooled.https, fresh.http, fresh.https]) agent.destroy();
    },
  };
}

type RequestFn = (url: URL, options: https.RequestOptions) => http.ClientRequest;

function exchange(request: HttpRequest, requestFn: RequestFn, agent: http.Agent): Promise<HttpResponse> {
  const host = request.url.host;
  const isHttps = request.url.protocol === 'https:';
  return new Promise<HttpResponse>((resolve, reject) => {
    // A promise settles once: a later reject (the timer after an error, data after a refusal) does nothing.
    const fail = (err: AtScaleError): void => {
      clearTimeout(timer);
      reject(err);
    };
    // Refusing an answer hangs up too: a hostile server never keeps a socket of ours.
    const refuse = (err: AtScaleError): void => {
      fail(err);
      req.destroy();
    };
    // The response stream's errors, an abort and an end short of Content-Length all mean the same thing.
    const cutOff = (): void => fail(transportError('ECONNRESET', host, 'the connection closed in the middle of the answer', !isHttps));
    // identity: a compressed answer could expand far beyond the body limit (we never decompress).
    // Node itself sends the Content-Length of a body written in one end() call (never chunked).
    const headers: Record<string, string> = { 'accept-encoding': 'identity', ...request.headers };
    const req = requestFn(request.url, { method: request.method, headers, agent });

    // Which phase a timeout hit, so "Test connection" can say connect vs TLS vs a silent server.
    let phase: Phase = 'connect';
    req.on('socket', (socket) => {
      if (!socket.connecting) {
        phase = 'answer'; // a pooled keep-alive socket
        return;
      }
      socket.once('connect', () => (phase = isHttps ? 'tls' : 'answer'));
      socket.once('secureConnect', () => (phase = 'answer')); // only a TLS socket emits it
    });

    // One deadline for connect + TLS + headers + the whole body, never reset or cleared by progress: a
    // server that sends its headers (or drips its body) and then stalls cannot hold the caller longer.
    const timer = setTimeout(() => refuse(timeoutError(host, request.timeoutMs, phase)), request.timeoutMs);

    req.on('error', (err: NodeJS.ErrnoException) => {
      const error = transportError(err.code ?? 'ECONNRESET', host, err.message, !isHttps);
      // Until the connection (and for HTTPS its handshake) is up, no byte of the request has left: a
      // reset then is a plain failure of a write, never one whose answer may be lost.
      fail(phase === 'connect' || phase === 'tls' ? new AtScaleError(error.kind, error.message, { ...error.details, notSent: true }) : error);
    });
    req.on('response', (res) => {
      phase = 'body';
      const encoding = String(res.headers['content-encoding'] ?? '')
        .trim()
        .toLowerCase();
      if (encoding !== '' && encoding !== 'identity') {
        refuse(
          new AtScaleError(
            'bad-response',
            `${host} sent a compressed answer (Content-Encoding ${excerpt(encoding, 40)}) although none was asked for; this is not an AtScale answer.`,
            { status: res.statusCode },
          ),
        );
        return;
      }
      if (Number(res.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
        refuse(tooLarge(host, res.statusCode));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) refuse(tooLarge(host, res.statusCode));
        else chunks.push(chunk);
      });
      res.on('error', cutOff);
      res.on('aborted', cutOff);
      res.on('end', () => {
        // Fewer bytes than Content-Length promised (or a chunked body cut off): never parse half an answer.
        if (!res.complete) return cutOff();
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
          retryAfterMs: parseRetryAfter(res.headers['retry-after']),
        });
      });
    });
    req.end(request.body);
  });
}

type Phase = 'connect' | 'tls' | 'answer' | 'body';

function tooLarge(host: string, status: number | undefined): AtScaleError {
  return new AtScaleError(
    'bad-response',
    `${host} sent (or announced) more than 16 MB; this is not an AtScale answer. Check that the URL points at the AtScale server.`,
    { status },
  );
}

function timeoutError(host: string, ms: number, phase: Phase): AtScaleError {
  const within = formatMs(ms);
  switch (phase) {
    case 'connect':
      return new AtScaleError(
        'timeout',
        `Could not connect to ${host} within ${within}. Check the host name and port, and that no firewall or VPN blocks the way.`,
        { code: 'ETIMEDOUT', step: 'connect' },
      );
    case 'tls':
      return new AtScaleError('timeout', `The TLS handshake with ${host} did not finish within ${within}. Check that the port serves HTTPS.`, {
        code: 'ETIMEDOUT',
        step: 'tls',
      });
    case 'answer':
      return new AtScaleError(
        'timeout',
        `${host} did not answer within ${within}. The server may be overloaded; try again in a moment, and if it keeps happening ask the server's administrator to check it.`,
        { code: 'ETIMEDOUT' },
      );
    case 'body':
      return new AtScaleError(
        'timeout',
        `${host} started answering but did not finish within ${within}. The server or a proxy on the way may be stuck; try again in a moment, and if it keeps happening ask the server's administrator to check it.`,
        { code: 'ETIMEDOUT' },
      );
  }
}

function parseRetryAfter(value: string | undefined): number | null {
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`;
}
