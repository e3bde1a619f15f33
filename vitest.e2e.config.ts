import { defineConfig } from 'vitest/config';

// End-to-end: the built web app in Debian's Chromium through playwright-core, one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A page does real work (the quiz bank is generated from the simulator on first use): poll like a patient user.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
