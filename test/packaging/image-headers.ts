// Reads the sizes stored in icon files from their headers, so the tests check what the OS will see.
import { readFileSync } from 'node:fs';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  if (!b.subarray(0, 8).equals(PNG_SIGNATURE) || b.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Square sizes listed in a Windows .ico directory (a stored 0 means 256). */
export function icoSizes(file: string): number[] {
  const b = readFileSync(file);
  if (b.readUInt16LE(0) !== 0 || b.readUInt16LE(2) !== 1) throw new Error(`${file} is not an .ico`);
  const count = b.readUInt16LE(4);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 6 + i * 16;
    const w = b.readUInt8(entry) || 256;
    const h = b.readUInt8(entry + 1) || 256;
    if (w !== h) throw new Error(`${file}: entry ${i} is ${w}x${h}, not square`);
    sizes.push(w);
  }
  return sizes;
}

/** The element types (e.g. 'ic10' = 1024px) in a macOS .icns file. */
export function icnsTypes(file: string): string[] {
  const b = readFileSync(file);
  if (b.toString('latin1', 0, 4) !== 'icns') throw new Error(`${file} is not an .icns`);
  if (b.readUInt32BE(4) !== b.length) throw new Error(`${file}: header length ${b.readUInt32BE(4)} != file size ${b.length}`);
  const types: string[] = [];
  for (let at = 8; at + 8 <= b.length;) {
    const len = b.readUInt32BE(at + 4);
    if (len < 8) throw new Error(`${file}: corrupt element at ${at}`);
    types.push(b.toString('latin1', at, at + 4));
    at += len;
  }
  return types;
}
