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
    { filename: at('src-main/core/profiles/demo-simulator.ts'), code: "import { startSimulator } from '@simulator/index';" },
    {
      filename: at('src-main/simulator/server.ts'),
      code: "import { createServer } from 'node:http'; import { z } from 'zod'; import { x } from '@shared/domain';",
    },
    { filename: at('src-shared/cron/describe.ts'), code: "import cronstrue from 'cronstrue/i18n';" },
  ],
  invalid: [
    { filename: at('src-shared/cron/zone.ts'), code: "import { readFileSync } from 'node:fs';", errors: [{ message: /no Node built-ins/ }] },
    { filename: at('src-shared/domain.ts'), code: "import { app } from 'electron';", errors: [{ message: /no electron/ }] },
    {
      filename: at('src-shared/domain.ts'),
      code: "import { x } from '../src-main/core/errors';",
      errors: [{ message: /src-shared may not import src-main\/core/ }],
    },
    {
      filename: at('src-shared/domain.ts'),
      code: "import { x } from '@simulator/index';",
      errors: [{ message: /src-shared may not import src-main\/simulator/ }],
    },
    { filename: at('src-shared/domain.ts'), code: "import React from 'react';", errors: [{ message: /package 'react' is not allowed/ }] },
    {
      filename: at('src-renderer/src/app/App.tsx'),
      code: "import { createAppCore } from '@core/app-core';",
      errors: [{ message: /src-renderer may not import src-main\/core/ }],
    },
    { filename: at('src-renderer/src/app/App.tsx'), code: "import { ipcRenderer } from 'electron';", errors: [{ message: /no electron/ }] },
    { filename: at('src-renderer/src/app/App.tsx'), code: "const fs = await import('node:fs');", errors: [{ message: /no Node built-ins/ }] },
    { filename: at('src-renderer/src/app/App.tsx'), code: "import keytar from 'keytar';", errors: [{ message: /package 'keytar' is not allowed/ }] },
    { filename: at('src-preload/index.ts'), code: "import { z } from 'zod';", errors: [{ message: /package 'zod' is not allowed/ }] },
    { filename: at('src-preload/index.ts'), code: "import { x } from '@core/errors';", errors: [{ message: /src-preload may not import src-main\/core/ }] },
    { filename: at('src-main/core/service.ts'), code: "import { BrowserWindow } from 'electron';", errors: [{ message: /no electron/ }] },
    {
      filename: at('src-main/core/service.ts'),
      code: "import { createWindow } from '../window';",
      errors: [{ message: /src-main\/core may not import src-main \(/ }],
    },
    { filename: at('src-main/core/service.ts'), code: "import { App } from '@renderer/app/App';", errors: [{ message: /may not import src-renderer/ }] },
    { filename: at('src-main/simulator/server.ts'), code: "const { app } = require('electron');", errors: [{ message: /no electron/ }] },
    {
      filename: at('src-main/simulator/server.ts'),
      code: "import { AppFailure } from '@core/errors';",
      errors: [{ message: /src-main\/simulator may not import src-main\/core/ }],
    },
    { filename: at('src-main/cli/main.ts'), code: "import { app } from 'electron';", errors: [{ message: /no electron/ }] },
    {
      filename: at('src-main/window.ts'),
      code: "import { App } from '../src-renderer/src/app/App';",
      errors: [{ message: /src-main may not import src-renderer/ }],
    },
  ],
});
