import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { readFileSync } from 'node:fs';

// The dev server and the preview server both proxy /api to the API, so the browser calls one origin.
const api = process.env.SYLLABUS_API_PROXY ?? 'http://localhost:8080';
const proxy = { '/api': { target: api, changeOrigin: false } };

// The preview server sends the image's security headers (CSP included), read from the nginx
// template the image uses, so the browser tests of the production build run under them.
const securityHeaders = Object.fromEntries(
  [
    ...readFileSync('docker/security-headers.conf.template', 'utf8').matchAll(/^add_header (\S+) "?(.*?)"? always;$/gm),
  ].map(([, name, value]) => [name, (value ?? '').replace('@CONNECT_SRC@', "'self'")]),
);

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, strictPort: true, proxy, headers: securityHeaders },
  // Source maps only where asked (SOURCEMAP=true): the production build and its image ship none.
  build: { target: 'es2022', sourcemap: process.env.SOURCEMAP === 'true' },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
});
