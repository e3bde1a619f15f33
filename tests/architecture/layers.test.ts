import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

// Folder names are the layering rules; this reads every import line and checks them, like VS Code's layer check.
const root = process.cwd();

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specs.map((m) => m[1]!);
}

/** Each import as a repo-relative folder path (for relative specifiers) or a package name. */
function targets(file: string): string[] {
  return importsOf(file).map((s) => (s.startsWith('.') ? relative(root, resolve(root, dirname(file), s)) : s));
}

function violations(dir: string, forbidden: (target: string) => boolean, skip: (file: string) => boolean = () => false): string[] {
  return sources(dir)
    .filter((f) => !skip(f))
    .flatMap((f) => targets(f).filter(forbidden).map((t) => `${f} → ${t}`));
}

const NODE_BUILTIN = /^(node:|fs$|path$|os$|child_process$|crypto$|zlib$|url$|util$|stream$|buffer$)/;

describe('layer rules', () => {
  it('simulator/ imports no platform, UI or Node code (its cli/ runner excepted)', () => {
    const bad = violations(
      'simulator',
      (t) => NODE_BUILTIN.test(t) || /^(electron|react|react-dom|zustand|lowdb)/.test(t) || /^(renderer|electron|content)\//.test(t),
      (f) => f.startsWith('simulator/cli/'),
    );
    expect(bad).toEqual([]);
  });

  it('simulator/ never reads the wall clock or unseeded randomness', () => {
    const bad = sources('simulator')
      .filter((f) => !f.startsWith('simulator/cli/'))
      .filter((f) => /Date\.now\(|new Date\(\)|Math\.random\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(bad).toEqual([]);
  });

  it('electron/common/ is the meeting point: no electron, no Node, no main or preload code', () => {
    expect(violations('electron/common', (t) => t === 'electron' || NODE_BUILTIN.test(t) || /^electron\/(main|preload)/.test(t))).toEqual([]);
  });

  it('the renderer reaches main only through electron/common, never electron or Node', () => {
    expect(violations('renderer', (t) => t === 'electron' || NODE_BUILTIN.test(t) || /^electron\/(main|preload)/.test(t))).toEqual([]);
  });

  it('the preload imports only electron/common and its own folder', () => {
    expect(violations('electron/preload', (t) => t.startsWith('electron/main') || NODE_BUILTIN.test(t))).toEqual([]);
  });

  it('the check itself sees imports (a known import is found)', () => {
    expect(targets('electron/main/main.ts')).toContain('electron');
    expect(targets('renderer/src/platform/bridge.ts')).toContain('electron/common/storage-core');
  });
});
