import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './src/main/window/security';

/** Writes the app's Content-Security-Policy into the page's head (dev server and build). */
const contentSecurityPolicy = (): Plugin => ({
  name: 'balise-content-security-policy',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // importWorker, integrityWorker: the contained processes (src/main/imports/contained.ts),
        // separate entries that contained.ts finds beside the bundle; chunks stay in out/main.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          importWorker: resolve(__dirname, 'src/main/imports/worker.ts'),
          integrityWorker: resolve(__dirname, 'src/main/vault/integrityWorker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
        external: ['better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be a single CommonJS file.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
      // electron-vite leaves the renderer unminified; minified, the JavaScript read and parsed
      // at start-up is about half as large.
      minify: true,
    },
    plugins: [contentSecurityPolicy(), react()],
  },
});
