import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Four static pages, each with its own entry so the phone page never loads
 * the host's QR code or chart code. The server serves client/dist at "/".
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    rolldownOptions: {
      input: {
        index: resolve(root, 'index.html'),
        host: resolve(root, 'host.html'),
        play: resolve(root, 'play.html'),
        history: resolve(root, 'history.html'),
        bank: resolve(root, 'bank.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
