/**
 * The electron-vite config: every electron-vite call passes `--config electron.config.ts`.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * electron is an optional dependency (its postinstall downloads a binary, which fails on closed
 * networks, and npm then drops the package instead of failing `npm ci`). electron-vite picks its
 * build targets from electron/package.json; where npm dropped it, take the version the lockfile pins.
 */
function electronMajorVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require('electron/package.json') as { version: string }).version.split('.')[0]!;
  } catch {
    const lock = JSON.parse(readFileSync(new URL('./package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const version = lock.packages['node_modules/electron']?.version;
    if (!version) throw new Error('electron.config.ts: electron is neither installed nor pinned in package-lock.json');
    return version.split('.')[0]!;
  }
}
process.env.ELECTRON_MAJOR_VER ??= electronMajorVersion();

export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: 'electron/main/index.ts' } },
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
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: 'renderer/index.html' },
    },
  },
});
