import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// electron-builder validates its configuration against its own JSON schema before building; we run that step.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add(): void }) => Promise<void>;
};
const config = require('../../electron-builder.config.cjs') as Record<string, unknown> & {
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  files: string[];
};
const logger = { isEnabled: false, add() {} };

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
  });

  it('is rejected by that validation when an option is misplaced, so the check is real', async () => {
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, title: 'x' } }, logger)).rejects.toThrow();
  });

  it('builds AppImage and deb, nsis and dmg from the built renderer and Electron bundles', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'dist-electron/**/*']));
  });
});
