// Bundles main and preload into CommonJS (the preload must be CommonJS for a sandboxed renderer).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', external: ['electron'], sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist-electron/main/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist-electron/preload/preload.cjs' });
console.log('built dist-electron/main/main.cjs and dist-electron/preload/preload.cjs');
