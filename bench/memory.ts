// Heap figures for the benchmark. The peak is the largest heap seen after a forced collection at each
// sample, so it counts what the account holds rather than garbage not yet collected.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export class MemoryPeak {
  peakMB = 0;
  lastMB = 0;
  settledMB(): number {
    gc();
    return process.memoryUsage().heapUsed / 1048576 + process.memoryUsage().external / 1048576;
  }
  sample(): void {
    this.lastMB = this.settledMB();
    this.peakMB = Math.max(this.peakMB, this.lastMB);
  }
}
