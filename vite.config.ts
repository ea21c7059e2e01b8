import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compressPlugin } from './build/compress.js';
import { iconsPlugin } from './build/icons.js';
import { joinShellsPlugin } from './build/joinShells.js';
import { messagesPlugin } from './build/messages.js';
import { partOfFile } from './client/src/i18n/parts.js';

const root = path.dirname(fileURLToPath(import.meta.url));

// The client lives in client/ and imports shared/; the server serves dist/client.
export default defineConfig({
  root: path.join(root, 'client'),
  plugins: [messagesPlugin(), react(), iconsPlugin(), joinShellsPlugin(root), compressPlugin()],
  build: {
    outDir: path.join(root, 'dist/client'),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1500,
    // The e2e check reads which chunk is which from .vite/manifest.json (the server never serves it).
    manifest: true,
    // Brotli at its best quality takes a few seconds, once per build, for every phone's sake.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      output: {
        // The catalogue's area files, one chunk per part and language (client/src/i18n/parts.ts):
        // the join page fetches its few words, not every screen's.
        codeSplitting: {
          groups: [
            {
              name: (id: string) => {
                const p = partOfFile(id);
                return p ? `i18n-${p.part}-${p.lang}` : null;
              },
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/socket.io': { target: 'http://localhost:3000', ws: true }, '/api': 'http://localhost:3000' },
  },
});
