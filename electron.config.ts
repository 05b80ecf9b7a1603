/**
 * The electron-vite config: every electron-vite call passes `--config electron.config.ts`.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

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
