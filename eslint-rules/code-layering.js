// Each source folder is an environment; it decides what a file in it may import.
// Modelled on VS Code's code-layering rule. Do not relax these rules: they are why
// src-shared and src-main/core can be tested for real without Electron.
import path from 'node:path';

const NODE_BUILTIN = /^node:|^(fs|path|os|child_process|crypto|http|https|net|tls|url|util|events|stream|zlib|dns|worker_threads|readline|assert|buffer|process|timers)(\/|$)/;

/** layer -> predicate over (import specifier, resolved folder of a relative import) returning a reason or null */
const LAYERS = [
  {
    name: 'src-shared',
    match: (f) => f.startsWith('src-shared/'),
    check: (spec, target) => {
      if (spec === 'electron' || spec.startsWith('electron/')) return 'src-shared is platform-free: no electron';
      if (NODE_BUILTIN.test(spec)) return 'src-shared is platform-free: no Node built-ins';
      if (spec.startsWith('@core/') || spec.startsWith('@simulator/') || spec.startsWith('@renderer/')) return 'src-shared imports only src-shared and platform-free packages';
      if (target && !target.startsWith('src-shared/')) return 'src-shared imports only src-shared';
      if (spec === 'react' || spec === 'react-dom' || spec === 'zustand' || spec === 'keytar') return 'src-shared is platform-free';
      return null;
    },
  },
  {
    name: 'src-renderer',
    match: (f) => f.startsWith('src-renderer/'),
    check: (spec, target) => {
      if (spec === 'electron' || spec.startsWith('electron/')) return 'the renderer never imports electron; use window.api';
      if (NODE_BUILTIN.test(spec)) return 'the renderer runs in a sandboxed page: no Node built-ins';
      if (spec.startsWith('@core/') || spec.startsWith('@simulator/')) return 'the renderer never imports src-main';
      if (target && (target.startsWith('src-main/') || target.startsWith('src-preload/'))) return 'the renderer never imports src-main or src-preload';
      if (spec === 'keytar') return 'secrets never reach the renderer';
      return null;
    },
  },
  {
    name: 'src-preload',
    match: (f) => f.startsWith('src-preload/'),
    check: (spec, target) => {
      if (spec.startsWith('@core/') || spec.startsWith('@simulator/') || spec.startsWith('@renderer/')) return 'the preload imports only electron and src-shared';
      if (target && !target.startsWith('src-preload/') && !target.startsWith('src-shared/')) return 'the preload imports only electron and src-shared';
      if (!spec.startsWith('.') && !spec.startsWith('@shared/') && spec !== 'electron') return 'a sandboxed preload may require only electron';
      return null;
    },
  },
  {
    name: 'src-main/core',
    match: (f) => f.startsWith('src-main/core/') || f.startsWith('src-main/simulator/'),
    check: (spec, target) => {
      if (spec === 'electron' || spec.startsWith('electron/')) return 'src-main/core and the simulator are Electron-free; put Electron calls in a src-main adapter';
      if (spec.startsWith('@renderer/')) return 'nothing imports the renderer';
      if (target && (target.startsWith('src-renderer/') || target.startsWith('src-preload/'))) return 'nothing imports the renderer or the preload';
      if (target && target.startsWith('src-main/') && !target.startsWith('src-main/core/') && !target.startsWith('src-main/simulator/')) return 'core never imports the Electron adapters';
      return null;
    },
  },
  {
    name: 'src-main',
    match: (f) => f.startsWith('src-main/'),
    check: (spec, target) => {
      if (spec.startsWith('@renderer/')) return 'nothing imports the renderer';
      if (target && (target.startsWith('src-renderer/') || target.startsWith('src-preload/'))) return 'nothing imports the renderer or the preload';
      return null;
    },
  },
];

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layering of DESIGN.md: each folder decides what it may import' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = LAYERS.find((l) => l.match(file));
    if (!layer) return {};
    function checkSource(node) {
      if (!node || typeof node.value !== 'string') return;
      const spec = node.value;
      let target = null;
      if (spec.startsWith('.')) {
        target = path.relative(root, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
      }
      const reason = layer.check(spec, target);
      if (reason) context.report({ node, message: `Layering (${layer.name}): '${spec}' is not allowed here: ${reason}.` });
    }
    return {
      ImportDeclaration: (n) => checkSource(n.source),
      ExportNamedDeclaration: (n) => checkSource(n.source),
      ExportAllDeclaration: (n) => checkSource(n.source),
      ImportExpression: (n) => checkSource(n.source),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'Literal') checkSource(n.arguments[0]);
      },
    };
  },
};

export default { rules: { 'code-layering': rule } };
