// Certificates for the simulator's TLS mode: a throwaway private CA and a server certificate it signs
// for 127.0.0.1 and localhost. Tests trust the CA's PEM, exactly as a profile trusts an on-premises CA.
import { generate } from 'selfsigned';

export interface SimCertificates {
  /** PEM of the private CA: what a client adds as its trusted CA. */
  caCert: string;
  /** PEM of the server certificate and its key, for https.createServer. */
  cert: string;
  key: string;
}

let cached: Promise<SimCertificates> | null = null;

/** Generated once per process (EC keys: fast); every TLS simulator in the process shares them. */
export function simulatorCertificates(): Promise<SimCertificates> {
  cached ??= build().catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

async function build(): Promise<SimCertificates> {
  const notBeforeDate = new Date(Date.now() - 86_400_000);
  const notAfterDate = new Date(Date.now() + 30 * 86_400_000);
  const ca = await generate([{ name: 'commonName', value: 'AtScale Simulator Test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { caCert: ca.cert, cert: server.cert, key: server.private };
}
