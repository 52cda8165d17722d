import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { catalogPlugin } from './scripts/lib/vite-catalog-plugin';
import { domainOwnersPlugin } from './scripts/lib/vite-domain-owners-plugin';

export default defineConfig({
  plugins: [catalogPlugin(), domainOwnersPlugin(), preact()],
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/support/english-messages.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One browser at a time: the machine has two cores and each test launches Chromium.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A real browser and worker under CI load: what must show up gets more than the default second.
          expect: { poll: { timeout: 8_000, interval: 50 } },
        },
      },
    ],
  },
});
