/**
 * The dashboard is served from the same origin as the API it reads: the Vite server (in
 * development, `vite`, and for the built files, `vite preview`) passes /graphql and the
 * report downloads (/reports) on to the antq server at ANTQ_URL (default: `pnpm start`'s
 * http://127.0.0.1:4000). Nothing is loaded from another host.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

export function apiProxy(target: string): Record<string, ProxyOptions> {
  return { '/graphql': { target, changeOrigin: true }, '/reports': { target, changeOrigin: true } };
}

const target = new URL(process.env.ANTQ_URL ?? 'http://127.0.0.1:4000').origin;

export default defineConfig({
  plugins: [react()],
  server: { proxy: apiProxy(target) },
  preview: { proxy: apiProxy(target) },
  build: { chunkSizeWarningLimit: 1024 },
});
