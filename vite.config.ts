import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compressPlugin } from './build/compress.js';
import { iconsPlugin } from './build/icons.js';

const root = path.dirname(fileURLToPath(import.meta.url));

// The client lives in client/ and imports shared/; the server serves dist/client.
export default defineConfig({
  root: path.join(root, 'client'),
  plugins: [react(), iconsPlugin(), compressPlugin()],
  build: {
    outDir: path.join(root, 'dist/client'),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1500,
    // The e2e check reads which chunk is which from .vite/manifest.json (the server never serves it).
    manifest: true,
    // Brotli at its best quality takes a few seconds, once per build, for every phone's sake.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: { '/socket.io': { target: 'http://localhost:3000', ws: true }, '/api': 'http://localhost:3000' },
  },
});
