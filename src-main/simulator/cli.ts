// `npm run simulator [-- --port 4510 --tls [--self-signed] --control --latency 200]`: the simulator, standalone.
// Port also from SIMULATOR_PORT. Stops cleanly on Ctrl+C.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_SIMULATOR_PORT,
  DEMO_ANALYST_ORGS,
  DEMO_ANALYST_PASSWORD,
  DEMO_ANALYST_USER,
  DEMO_ORGS,
  DEMO_PASSWORD,
  DEMO_TOKEN,
  DEMO_USER,
  startSimulator,
} from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    tls: { type: 'boolean', default: false },
    'self-signed': { type: 'boolean', default: false },
    control: { type: 'boolean', default: false },
    latency: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: npm run simulator -- [--port 4510] [--tls [--self-signed]] [--control] [--latency <ms>]  (port also from SIMULATOR_PORT)');
  process.exit(0);
}

const portText = values.port ?? process.env['SIMULATOR_PORT'] ?? String(DEFAULT_SIMULATOR_PORT);
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port "${portText}": give a whole number from 0 to 65535, e.g. --port ${DEFAULT_SIMULATOR_PORT}.`);
  process.exit(2);
}
const latencyMs = values.latency === undefined ? 0 : Number(values.latency);
if (!Number.isFinite(latencyMs) || latencyMs < 0) {
  console.error(`Invalid latency "${values.latency}": give milliseconds >= 0.`);
  process.exit(2);
}

try {
  const tls = values['self-signed'] ? 'self-signed' : values.tls;
  const sim = await startSimulator({ port, tls, control: values.control, latencyMs });
  console.log(`AtScale simulator listening on ${sim.url}`);
  console.log('  API URL and sign-in (Design Center) URL: both this address');
  console.log(`  orgs: ${DEMO_ORGS.map((o) => o.orgId).join(', ')}`);
  console.log(`  password sign-in: user "${DEMO_USER}", password "${DEMO_PASSWORD}"   (demo credentials, not secrets)`);
  console.log(`  API token: ${DEMO_TOKEN}`);
  console.log(`  restricted user: "${DEMO_ANALYST_USER}", password "${DEMO_ANALYST_PASSWORD}" (reaches ${DEMO_ANALYST_ORGS.join(', ')} only)`);
  if (sim.caCert) {
    const caPath = join(tmpdir(), `atscale-simulator-ca-${sim.port}.pem`);
    writeFileSync(caPath, sim.caCert);
    console.log(`  TLS: trust the ${tls === 'self-signed' ? 'self-signed certificate' : 'private CA'} in ${caPath}`);
  }
  if (values.control) console.log(`  control endpoint: ${sim.url}/__sim/state (faults, latency, clock)`);
  console.log('Press Ctrl+C to stop.');
  const shutdown = (): void => {
    void sim.close().then(() => {
      console.log('Simulator stopped.');
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') console.error(`Port ${port} is in use. Stop the other process or choose another port with --port.`);
  else console.error(`The simulator could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
