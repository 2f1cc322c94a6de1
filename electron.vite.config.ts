import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = {
  '@shared': resolve(__dirname, 'src-shared'),
  '@core': resolve(__dirname, 'src-main/core'),
  '@simulator': resolve(__dirname, 'src-main/simulator'),
  '@renderer': resolve(__dirname, 'src-renderer/src'),
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // keytar is native: it must stay a runtime require, never bundled. cli.js is the command line,
      // run by plain Node from the repository and by the app binary (--cli) once packaged.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/index.ts'), cli: resolve(__dirname, 'src-main/cli/main.ts') },
        external: ['keytar'],
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be a single CommonJS file that requires only `electron`: every other
      // module (zod, behind the contract's channel list) is bundled into it.
      externalizeDeps: false,
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves output unminified; the renderer's parse time is on the path to the first drawn month
      minify: true,
      // The entry chunk is ~410 kB (react-dom is 45% of it): the shell, the list and the engine. The
      // calendar, timeline and load views, the selected schedule's panel, every dialog and each
      // description locale are their own chunks. A module the entry imports lands whole in the entry,
      // with everything it imports: one import of a constant from a dialog's module (or from a channel
      // declaration, which carries zod) pulls it all back. A warning past 425 kB says something crept back in.
      chunkSizeWarningLimit: 425,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') },
        // zod's sources carry /*#__PURE__*/ comments Rollup cannot place; harmless, and noise for users.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  },
});
