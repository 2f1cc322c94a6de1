// electron-builder afterPack hook: flips the Electron fuses of the packaged binary before signing
// (electron-builder signs after afterPack, so the signature covers the flipped bytes).
// CommonJS because electron-builder require()s hooks.
'use strict';
const path = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options } = require('@electron/fuses');

/**
 * The fuses of a shipped app, each with why.
 * GrantFileProtocolExtraPrivileges is OFF because src-main serves the renderer from its own app://
 * protocol (src-main/protocol.ts, window.ts loads app://renderer/index.html), never file://. Turn it
 * back on only if a window ever loads a file:// page (loadFile): such pages need it.
 */
const FUSES = {
  // `ELECTRON_RUN_AS_NODE=1 app` would turn the signed app into a general-purpose Node.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and localStorage encrypted at rest with an OS-keychain key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (e.g. --require evil.js) must not reach the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would attach a debugger to the main process that holds the secrets.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar must match the hash embedded at build time (macOS and Windows; ignored on Linux).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Never load app code from a loose folder next to the binary, only from app.asar.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // No file:// page needs extra privileges (renderer served via app://, see above).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Path of the Electron executable electron-builder produced (same rule as its own fuse support). */
function electronBinaryPath(context) {
  const platform = context.electronPlatformName;
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[platform];
  if (ext === undefined) throw new Error(`after-pack: unknown platform "${platform}", cannot locate the Electron binary`);
  const name = platform === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
  return path.join(context.appOutDir, `${name}${ext}`);
}

async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  const { Arch } = require('builder-util'); // electron-builder's own enum; always there when a hook runs
  const appleSilicon = context.arch === Arch.arm64 || context.arch === Arch.universal;
  // Flipping bytes breaks Electron's ad-hoc signature; arm64 macOS refuses to start unsigned code.
  await flipFuses(binary, { version: FuseVersion.V1, resetAdHocDarwinSignature: isMac && appleSilicon, ...FUSES });
  // Read the wire back: a silently ignored flip would ship an app that runs as Node.
  const wire = await getCurrentFuseWire(binary);
  for (const [index, wanted] of Object.entries(FUSES)) {
    const state = wire[index];
    const expected = wanted ? 49 /* FuseState.ENABLE */ : 48; /* FuseState.DISABLE */
    if (state !== expected) {
      throw new Error(`after-pack: fuse ${FuseV1Options[index]} is ${state}, expected ${wanted ? 'on' : 'off'} in ${binary}`);
    }
  }
  console.log(`  • fuses flipped and verified  file=${binary}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinaryPath = electronBinaryPath;
