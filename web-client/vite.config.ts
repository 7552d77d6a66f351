import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// The dev server and the preview server both proxy /api to the API, so the browser calls one origin.
const api = process.env.SYLLABUS_API_PROXY ?? 'http://localhost:8080';
const proxy = { '/api': { target: api, changeOrigin: false } };

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, strictPort: true, proxy },
  // Source maps only where asked (SOURCEMAP=true): the production build and its image ship none.
  build: { target: 'es2022', sourcemap: process.env.SOURCEMAP === 'true' },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
});
