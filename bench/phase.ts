// One measurement in its own process (so each starts with an empty heap and its memory peak is its own).
// Usage: tsx bench/phase.ts <throughput|allowed|bare|heavy|lookup|sandbox|sandboxHeavy|web|freshMemory> [budgetMs|records|calls|days]. Prints one JSON line.
import { rm } from 'node:fs/promises';
import { heavy90d, lookupAtScale, throughput } from './pipeline';
import { browserFigures, rendererSize } from './web';
import { freshMemoryCost } from './kernel';
import { heavySandboxSaveLoad, sandboxSaveLoad } from './sandbox';

const [name = '', arg = ''] = process.argv.slice(2);
const n = Number(arg);

async function main(): Promise<unknown> {
  switch (name) {
    case 'throughput':
      return throughput({ budgetMs: n, perMinute: 1000, bare: false });
    case 'allowed':
      return throughput({ budgetMs: n, perMinute: 1000, bare: false, publishAllowed: true });
    case 'bare':
      return throughput({ budgetMs: n, perMinute: 1000, bare: true });
    case 'heavy':
      return heavy90d({ budgetMs: n, advanceBudgetMs: 30_000 });
    case 'lookup':
      return lookupAtScale({ records: n, queries: 400, naiveQueries: 40 });
    case 'freshMemory':
      return freshMemoryCost();
    case 'sandbox':
      return sandboxSaveLoad(n);
    case 'sandboxHeavy':
      return heavySandboxSaveLoad(n);
    case 'web': {
      const size = await rendererSize();
      try {
        return { size, browser: await browserFigures(size.outDir, 5, 40, { perMinute: 1000, minutes: 100 }) };
      } catch (e) {
        await rm(size.outDir, { recursive: true, force: true });
        return { size, browserError: String(e instanceof Error ? e.message : e).split('\n')[0] };
      }
    }
    default:
      throw new Error(`unknown phase ${JSON.stringify(name)}`);
  }
}

console.log(JSON.stringify(await main()));
