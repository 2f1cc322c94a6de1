#!/usr/bin/env node
// The `atscale-schedules` bin in a checkout: runs the built command line (out/main/cli.js, plain Node)
// when a build is newer than every source it is made of, else the TypeScript (src-main/cli/main.ts)
// through tsx with the project's tsconfig (its path aliases). Works from any working directory.
// The packaged app ships its own launcher (build/cli/), which runs the app binary with --cli.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const built = new URL('out/main/cli.js', root);

/** Newest modification time under a source folder (0 when it is missing). */
function newestUnder(folder) {
  const dir = fileURLToPath(new URL(folder, root));
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return newest;
}

function builtIsCurrent() {
  if (!existsSync(built)) return false;
  const sources = Math.max(newestUnder('src-main/'), newestUnder('src-shared/'));
  return statSync(built).mtimeMs >= sources;
}

async function tsxIsInstalled() {
  try {
    await import('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}

// A production install (no devDependencies) has no tsx: any build is the best there is.
if (builtIsCurrent() || (existsSync(built) && !(await tsxIsInstalled()))) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('tsconfig.node.json', root)) });
  await import('./main.ts');
}
