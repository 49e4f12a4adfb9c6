import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:3001';

export default defineConfig({
  plugins: [react()],
  build: {
    // Maven packages target/classes as the jar: the UI ends up under /web on the classpath.
    outDir: 'target/classes/web',
    emptyOutDir: true,
    // The CSP forbids inline scripts: no injected module-preload polyfill.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs in JS/CSS beyond tiny ones (img-src allows data:, fonts do not).
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/ws': { target: backend, ws: true, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // CI shares two cores with the JVM builds; a test that needs 5 s there is slow, not wrong.
    testTimeout: 30_000,
  },
});
