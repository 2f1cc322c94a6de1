// The layers of the code and what each may import, as data (in the manner of VS Code's layering rules).
// Do not relax these rules: they are why src-shared, src-main/core and the simulator run for real
// under Node and in Chromium, without Electron. The first layer whose folder contains a file is its layer.
export const LAYERS = [
  {
    name: 'src-shared',
    folders: ['src-shared/'],
    mayImport: ['src-shared'],
    electron: false,
    node: false,
    // Packages that run anywhere (no DOM, no Node): the engine's words and the contract's schemas.
    packages: ['zod', 'cronstrue'],
    why: 'src-shared is platform-free: it imports only src-shared and platform-free packages',
  },
  {
    name: 'src-renderer',
    folders: ['src-renderer/'],
    mayImport: ['src-renderer', 'src-shared'],
    electron: false,
    node: false,
    packages: 'any-but-forbidden',
    forbiddenPackages: ['keytar'],
    why: 'the renderer is a sandboxed page: it talks to main through window.api only',
  },
  {
    name: 'src-preload',
    folders: ['src-preload/'],
    mayImport: ['src-preload', 'src-shared'],
    electron: true,
    node: false,
    packages: [],
    why: 'a sandboxed preload may require only electron and src-shared',
  },
  {
    name: 'src-main/simulator',
    folders: ['src-main/simulator/'],
    mayImport: ['src-main/simulator', 'src-shared'],
    electron: false,
    node: true,
    packages: 'any-but-forbidden',
    forbiddenPackages: ['keytar', 'react', 'react-dom', 'zustand'],
    why: 'the simulator stands alone (it plays the AtScale server): it imports only src-shared and Node',
  },
  {
    name: 'src-main/core',
    folders: ['src-main/core/'],
    // Demo mode embeds the simulator; nothing else in core depends on it.
    mayImport: ['src-main/core', 'src-main/simulator', 'src-shared'],
    electron: false,
    node: true,
    packages: 'any-but-forbidden',
    forbiddenPackages: ['react', 'react-dom', 'zustand'],
    why: 'src-main/core is Electron-free and never imports the Electron adapters, the renderer or the preload',
  },
  {
    name: 'src-main/cli',
    folders: ['src-main/cli/'],
    mayImport: ['src-main/cli', 'src-main/core', 'src-shared'],
    electron: false,
    node: true,
    packages: 'any-but-forbidden',
    forbiddenPackages: ['react', 'react-dom', 'zustand'],
    why: 'the command line runs under plain Node on the same core as the app, never Electron',
  },
  {
    name: 'src-main',
    folders: ['src-main/'],
    mayImport: ['src-main', 'src-main/core', 'src-main/simulator', 'src-main/cli', 'src-shared'],
    electron: true,
    node: true,
    packages: 'any-but-forbidden',
    forbiddenPackages: ['react', 'react-dom', 'zustand'],
    why: 'the Electron adapters import core, never the renderer or the preload',
  },
];

/** Import aliases and the folders they stand for (tsconfig paths). */
export const ALIASES = {
  '@shared/': 'src-shared/',
  '@core/': 'src-main/core/',
  '@simulator/': 'src-main/simulator/',
  '@renderer/': 'src-renderer/src/',
};
