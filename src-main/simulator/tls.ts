// Certificates for the simulator's TLS modes: a throwaway private CA and a server certificate it signs
// for 127.0.0.1 and localhost ('private-ca'), or one self-signed server certificate ('self-signed').
// Tests trust the CA's PEM (or the self-signed certificate itself), as a profile trusts an on-premises CA.
import { generate, type SubjectAltNameExtension } from 'selfsigned';

export type SimTlsMode = 'private-ca' | 'self-signed';

export interface SimCertificates {
  /** PEM of the private CA: what a client adds as its trusted CA. */
  caCert: string;
  /** PEM of the server certificate and its key, for https.createServer. */
  cert: string;
  key: string;
}

const cached = new Map<SimTlsMode, Promise<SimCertificates>>();

/** Generated once per process and mode (EC keys: fast); every TLS simulator in the process shares them. */
export function simulatorCertificates(mode: SimTlsMode = 'private-ca'): Promise<SimCertificates> {
  let certs = cached.get(mode);
  if (!certs) {
    certs = (mode === 'self-signed' ? buildSelfSigned() : build()).catch((err: unknown) => {
      cached.delete(mode);
      throw err;
    });
    cached.set(mode, certs);
  }
  return certs;
}

const SERVER_NAMES: SubjectAltNameExtension = {
  name: 'subjectAltName',
  altNames: [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
  ],
};

function validity(): { notBeforeDate: Date; notAfterDate: Date } {
  return { notBeforeDate: new Date(Date.now() - 86_400_000), notAfterDate: new Date(Date.now() + 30 * 86_400_000) };
}

/** One certificate signed by its own key: what a quick on-premises install often has. It is its own "CA". */
async function buildSelfSigned(): Promise<SimCertificates> {
  const self = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...validity(),
    extensions: [{ name: 'basicConstraints', cA: false }, { name: 'extKeyUsage', serverAuth: true }, SERVER_NAMES],
  });
  return { caCert: self.cert, cert: self.cert, key: self.private };
}

async function build(): Promise<SimCertificates> {
  const { notBeforeDate, notAfterDate } = validity();
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
      SERVER_NAMES,
    ],
  });
  return { caCert: ca.cert, cert: server.cert, key: server.private };
}
