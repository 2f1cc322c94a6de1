// Each file's layer (eslint-rules/layers.js) decides what it may import. The rule only reads the table.
import path from 'node:path';
import { ALIASES, LAYERS } from './layers.js';

const NODE_BUILTIN =
  /^node:|^(fs|path|os|child_process|crypto|http|https|net|tls|url|util|events|stream|zlib|dns|worker_threads|readline|assert|buffer|process|timers)(\/|$)/;

function layerOf(file) {
  return LAYERS.find((l) => l.folders.some((f) => file.startsWith(f))) ?? null;
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why `spec` may not be imported from a file of `layer`, or null when it may. */
function violation(layer, spec, target) {
  if (spec === 'electron' || spec.startsWith('electron/')) return layer.electron ? null : `no electron here (${layer.why})`;
  if (NODE_BUILTIN.test(spec)) return layer.node ? null : `no Node built-ins here (${layer.why})`;
  const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a));
  const folder = target ?? (alias ? ALIASES[alias] + spec.slice(alias.length) : null);
  if (folder !== null) {
    const to = layerOf(folder);
    if (!to) return `only source folders may be imported (${layer.why})`;
    return layer.mayImport.includes(to.name) ? null : `${layer.name} may not import ${to.name} (${layer.why})`;
  }
  const name = packageName(spec);
  if (Array.isArray(layer.packages)) return layer.packages.includes(name) ? null : `package '${name}' is not allowed here (${layer.why})`;
  return layer.forbiddenPackages.includes(name) ? `package '${name}' is not allowed here (${layer.why})` : null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layering of the code: each layer decides what it may import (eslint-rules/layers.js)' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layerOf(file);
    if (!layer) return {};
    function checkSource(node) {
      if (!node || typeof node.value !== 'string') return;
      const spec = node.value;
      const target = spec.startsWith('.')
        ? path
            .relative(root, path.resolve(path.dirname(context.filename), spec))
            .split(path.sep)
            .join('/')
        : null;
      const reason = violation(layer, spec, target);
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
