// The icons electron-builder packs exist in the sizes each platform asks for (read from file headers).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectDir } from './builder-config';
import { icnsTypes, icoSizes, pngSize } from './image-headers';

const build = (p: string): string => resolve(projectDir, 'build', p);

describe('application icons', () => {
  it('has a 1024x1024 master PNG and its SVG source', () => {
    expect(pngSize(build('icon.png'))).toEqual({ width: 1024, height: 1024 });
    expect(readFileSync(build('icon.svg'), 'utf8')).toContain('<svg');
    expect(existsSync(build('make-icons.sh'))).toBe(true);
  });

  it.each([16, 24, 32, 48, 64, 128, 256, 512])('has build/icons/%ix%i.png for Linux at that size', (s) => {
    expect(pngSize(build(`icons/${s}x${s}.png`))).toEqual({ width: s, height: s });
  });

  it('has a Windows .ico with 16 to 256 px images', () => {
    expect(icoSizes(build('icon.ico'))).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('has a macOS .icns up to 1024 px (ic10) and 512 px (ic09)', () => {
    expect(icnsTypes(build('icon.icns'))).toEqual(expect.arrayContaining(['ic10', 'ic09', 'ic08']));
  });

  it('rejects a file that is not a PNG (the header reader can fail)', () => {
    expect(() => pngSize(build('icon.svg'))).toThrow(/not a PNG/);
  });
});
