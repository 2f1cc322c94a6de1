// Lists the module specifiers a built bundle loads at run time (static, dynamic and require forms).
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

// Static forms are anchored at a statement start so a string such as "profiles:import" never matches.
const PATTERNS = [
  /(?:^|[;}])\s*import\s+[^'"()]*?\bfrom\s*["']([^"']+)["']/gm, // import x from "m", import { a } from "m"
  /(?:^|[;}])\s*import\s*["']([^"']+)["']/gm, // import "m"
  /(?:^|[;}])\s*export\s+[^'"()]*?\bfrom\s*["']([^"']+)["']/gm, // export * from "m"
  /(?<![\w$.])import\(\s*["']([^"']+)["']\s*\)/g, // import("m")
  /(?<![\w$.])require\d*\(\s*["']([^"']+)["']\s*\)/g, // require("m"), electron-vite's require2("m")
];

export function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(c|m)?js$/.test(f))
    .map((f) => join(dir, f));
}

/** Bare specifiers (packages and builtins) loaded by the given files, without relative chunk imports. */
export function bareImports(files: string[]): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const re of PATTERNS) {
      for (const m of code.matchAll(re)) {
        const spec = m[1] ?? '';
        if (!spec.startsWith('.') && !spec.startsWith('/')) found.add(spec);
      }
    }
  }
  return found;
}

const BUILTINS = new Set(builtinModules);

/** 'node:fs' and 'fs' are builtins; '@scope/pkg/sub' belongs to '@scope/pkg'. */
export function packageOf(spec: string): { builtin: boolean; name: string } {
  const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
  if (spec.startsWith('node:') || BUILTINS.has(bare) || BUILTINS.has(bare.split('/')[0] ?? '')) {
    return { builtin: true, name: bare };
  }
  const parts = bare.split('/');
  return { builtin: false, name: bare.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? bare) };
}
