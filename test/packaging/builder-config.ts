// Loads electron-builder.yml through electron-builder's own loader and schema validation.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';

export const projectDir = fileURLToPath(new URL('../..', import.meta.url));

const requireFromProject = createRequire(resolve(projectDir, 'package.json'));

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: unknown): Promise<void>;
}
interface BuilderUtil {
  DebugLogger: new (isEnabled: boolean) => unknown;
}

// Deep import: app-builder-lib is electron-builder's engine and does not re-export these two.
const configModule = requireFromProject('app-builder-lib/out/util/config/config') as ConfigModule;
const builderUtil = requireFromProject('builder-util') as BuilderUtil;

/** The configuration as electron-builder sees it; rejects with the builder's own message when invalid. */
export async function loadBuilderConfig(file = 'electron-builder.yml'): Promise<Configuration> {
  const config = await configModule.getConfig(projectDir, resolve(projectDir, file), null);
  await configModule.validateConfiguration(config, new builderUtil.DebugLogger(false));
  return config;
}
