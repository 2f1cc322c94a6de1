// The layering rule of DESIGN.md must actually catch what it forbids (and let through what it allows).
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import plugin from '../../eslint-rules/code-layering.js';

// vitest runs without globals: hand RuleTester its hooks
Object.assign(RuleTester, { afterAll, describe, it });

const at = (file: string): string => join(process.cwd(), file);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const rule = plugin.rules['code-layering'];

tester.run('code-layering', rule, {
  valid: [
    { filename: at('src-shared/cron/next.ts'), code: "import { x } from './zone';" },
    { filename: at('src-shared/ipc/schemas.ts'), code: "import { z } from 'zod';" },
    { filename: at('src-renderer/src/app/App.tsx'), code: "import { nextRuns } from '@shared/cron';" },
    { filename: at('src-preload/index.ts'), code: "import { contextBridge } from 'electron'; import { CHANNELS } from '@shared/ipc';" },
    { filename: at('src-main/core/service.ts'), code: "import { readFile } from 'node:fs/promises'; import { CHANNELS } from '@shared/ipc';" },
    { filename: at('src-main/window.ts'), code: "import { BrowserWindow } from 'electron'; import { createAppCore } from '@core/app-core';" },
  ],
  invalid: [
    { filename: at('src-shared/cron/zone.ts'), code: "import { readFileSync } from 'node:fs';", errors: [{ message: /platform-free: no Node built-ins/ }] },
    { filename: at('src-shared/domain.ts'), code: "import { app } from 'electron';", errors: [{ message: /no electron/ }] },
    { filename: at('src-shared/domain.ts'), code: "import { x } from '../src-main/core/errors';", errors: [{ message: /src-shared imports only src-shared/ }] },
    { filename: at('src-renderer/src/app/App.tsx'), code: "import { createAppCore } from '@core/app-core';", errors: [{ message: /never imports src-main/ }] },
    { filename: at('src-renderer/src/app/App.tsx'), code: "import { ipcRenderer } from 'electron';", errors: [{ message: /use window.api/ }] },
    { filename: at('src-renderer/src/app/App.tsx'), code: "const fs = await import('node:fs');", errors: [{ message: /no Node built-ins/ }] },
    { filename: at('src-preload/index.ts'), code: "import { z } from 'zod';", errors: [{ message: /may require only electron/ }] },
    { filename: at('src-main/core/service.ts'), code: "import { BrowserWindow } from 'electron';", errors: [{ message: /Electron-free/ }] },
    { filename: at('src-main/core/service.ts'), code: "import { createWindow } from '../window';", errors: [{ message: /core never imports the Electron adapters/ }] },
    { filename: at('src-main/simulator/server.ts'), code: "const { app } = require('electron');", errors: [{ message: /Electron-free/ }] },
  ],
});
