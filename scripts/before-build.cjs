// electron-builder beforeBuild hook: stops `npm run package` early, with a message that says what to
// do, when this machine cannot package (no Electron binary) instead of a network error minutes later.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const MIN_NODE = [22, 12];

/** Problems that make packaging impossible here, in words; empty when it can go ahead. */
function packagingProblems(projectDir, nodeVersion = process.versions.node) {
  const problems = [];
  const electronDir = path.join(projectDir, 'node_modules', 'electron');
  const pathTxt = path.join(electronDir, 'path.txt');
  const binary = fs.existsSync(pathTxt) ? path.join(electronDir, 'dist', fs.readFileSync(pathTxt, 'utf8').trim()) : null;
  if (binary === null || !fs.existsSync(binary)) {
    problems.push(
      'The Electron binary is not installed (node_modules/electron/dist is missing: it was installed with ' +
        'ELECTRON_SKIP_BINARY_DOWNLOAD=1 or without network). electron-builder packages that binary ' +
        '(electronDist in electron-builder.yml). Fix: on a machine with network access run ' +
        '`rm -rf node_modules && npm ci` (without ELECTRON_SKIP_BINARY_DOWNLOAD), then `npm run package`.',
    );
  }
  return { problems, warnings: nodeWarnings(nodeVersion) };
}

function nodeWarnings(nodeVersion) {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  const ok = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
  return ok
    ? []
    : [
        `Node ${nodeVersion}: packaging is supported on Node >= ${MIN_NODE.join('.')} (electron-builder's ` +
          '@electron/rebuild 4, which rebuilds keytar for Electron, requires it). If the rebuild fails, switch to Node 22.',
      ];
}

async function beforeBuild(context) {
  const { problems, warnings } = packagingProblems(context.appDir ?? process.cwd());
  for (const w of warnings) console.warn(`  ! ${w}`);
  if (problems.length > 0) throw new Error(`cannot package on this machine:\n  - ${problems.join('\n  - ')}`);
  return true; // let electron-builder rebuild native dependencies (keytar) as usual
}

module.exports = beforeBuild;
module.exports.default = beforeBuild;
module.exports.packagingProblems = packagingProblems;
