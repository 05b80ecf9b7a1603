/**
 * The electron-vite config: every electron-vite call passes `--config electron.config.ts`.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './shared/csp';

/** Writes the CSP into index.html: the strict one in builds, a looser one for hot reload in dev. */
function contentSecurityPolicy(): Plugin {
  let dev = false;
  return {
    name: 'shareaudit:csp',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: dev ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const NODE_MODULES = /node_modules[\\/]/;
/** recharts and what only it uses. */
const CHART_LIBRARIES =
  /node_modules[\\/](recharts|d3-|victory-vendor|decimal\.js|es-toolkit|@reduxjs|redux|react-redux|immer|reselect|use-sync-external-store|eventemitter3|tiny-invariant)/;

/** What only dialogs use (React Aria) and only lists use (TanStack Virtual): loaded after the first view. */
const DIALOG_LIBRARIES =
  /node_modules[\\/](react-aria-components|react-aria|react-stately|@react-aria|@react-stately|@react-types|@internationalized|@swc[\\/]helpers|client-only)[\\/]/;
const LIST_LIBRARIES = /node_modules[\\/]@tanstack[\\/](react-virtual|virtual-core)[\\/]/;
const LATER = (id: string): boolean => CHART_LIBRARIES.test(id) || DIALOG_LIBRARIES.test(id) || LIST_LIBRARIES.test(id);

export default defineConfig({
  main: {
    build: {
      // Pure-JS dependencies are bundled: one file loads much faster than hundreds (CLI start-up
      // is part of every import's time). better-sqlite3 is native and stays external.
      externalizeDeps: { exclude: ['zod', 'libphonenumber-js', 'yauzl', 'intl-messageformat'] },
      // The CLI and the browser host are built beside the main process: same services, plain Node.
      rolldownOptions: {
        input: {
          index: 'electron/main/index.ts',
          cli: 'electron/cli.ts',
          host: 'electron/host-main.ts',
          // Big message files are parsed in worker threads (importers/parallel.ts).
          'parse-worker': 'electron/services/importers/parse-worker.ts',
          // Big ZIP entries are inflated in a worker thread of their own (importers/inflate.ts).
          'inflate-worker': 'electron/services/importers/inflate-worker.ts',
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be CommonJS.
      lib: { entry: 'electron/preload/index.ts', formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rolldownOptions: {
        input: 'renderer/index.html',
        // Libraries apart from our code (they change less often); screens load when first opened. The
        // charts' libraries load only with a screen that draws charts: React and what the app itself
        // needs go to `vendor` first (a group takes its modules' dependencies along, and the charts'
        // group would otherwise take React with it into a chunk every page loads).
        output: {
          codeSplitting: {
            groups: [
              { name: 'vendor', test: (id) => NODE_MODULES.test(id) && !LATER(id), priority: 2 },
              { name: 'charts', test: CHART_LIBRARIES, priority: 1 },
              { name: 'dialogs', test: DIALOG_LIBRARIES, priority: 1 },
              { name: 'lists', test: LIST_LIBRARIES, priority: 1 },
            ],
          },
        },
      },
    },
  },
});
