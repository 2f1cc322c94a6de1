#!/usr/bin/env node
// The `atscale-schedules` bin: runs the command line's TypeScript (src-main/cli/main.ts) in this process
// through tsx from node_modules, with the project's tsconfig (its path aliases), wherever it is called from.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.node.json', import.meta.url)) });
await import('./main.ts');
