// A local port that never completes a TCP connect: its listen backlog is full, so the kernel drops every
// further SYN and a client hangs in the connect phase (what a firewall that drops packets looks like),
// without an unroutable address. The listener lives in a worker thread whose event loop is blocked, so
// it never accepts; filler connections take the backlog's few places.
import net from 'node:net';
import { Worker } from 'node:worker_threads';

const LISTENER = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const server = net.createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  Atomics.wait(new Int32Array(workerData), 0, 0); // blocks until the parent says stop
  server.close();
});
`;

/** How long a filler may take to connect before the backlog counts as full (generous for a loaded CI box). */
const FILL_WINDOW_MS = 750;

export interface BlackholePort {
  port: number;
  close(): Promise<void>;
}

export async function fullBacklogPort(): Promise<BlackholePort> {
  const stop = new SharedArrayBuffer(4);
  const worker = new Worker(LISTENER, { eval: true, workerData: stop });
  const fillers: net.Socket[] = [];
  const close = async (): Promise<void> => {
    for (const socket of fillers) socket.destroy();
    Atomics.store(new Int32Array(stop), 0, 1);
    Atomics.notify(new Int32Array(stop), 0);
    await worker.terminate();
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      worker.once('message', (value: number) => resolve(value));
      worker.once('error', reject);
    });
    for (let i = 0; i < 32; i++) {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      fillers.push(socket);
      const connected = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), FILL_WINDOW_MS);
        socket.once('connect', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!connected) return { port, close };
    }
    throw new Error('the listen backlog never filled up; the connect-timeout test cannot run here');
  } catch (error) {
    await close();
    throw error;
  }
}
