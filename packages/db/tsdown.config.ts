import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/pothos.ts'],
  format: 'esm',
  dts: true,
  platform: 'node',
  target: 'node20',
  fixedExtension: false,
});
