// What a stretch of work cost in the kernel rather than in JavaScript. On these machines (Firecracker VMs) the
// first write to a fresh page of memory costs about 3 ms a megabyte, some ten times a desktop's: every byte an
// account keeps costs about 3 ns when it is first written, which the simulator's figures here include.
import { resourceUsage } from 'node:process';

export interface KernelCost {
  /** Minor page faults: mostly first writes to fresh pages (4 KB each). */
  minorFaults: number;
  systemSeconds: number;
}

/** Call once before the work; the function returned gives the work's cost when called after it. */
export function kernelCost(): () => KernelCost {
  const before = resourceUsage();
  return () => {
    const after = resourceUsage();
    return { minorFaults: after.minorPageFault - before.minorPageFault, systemSeconds: (after.systemCPUTime - before.systemCPUTime) / 1e6 };
  };
}

export interface FreshMemoryCost {
  /** Milliseconds to write one number into every 4 KB page of a megabyte never written before. */
  firstWriteMsPerMB: number;
  /** The same pages written again. */
  secondWriteMsPerMB: number;
}

/** Times first and second writes to 64 MB, three times; the medians. */
export function freshMemoryCost(): FreshMemoryCost {
  const MB = 64;
  const first: number[] = [];
  const second: number[] = [];
  for (let round = 0; round < 3; round++) {
    const words = new Int32Array((MB << 20) >> 2);
    const t0 = performance.now();
    for (let i = 0; i < words.length; i += 1024) words[i] = 1;
    const t1 = performance.now();
    for (let i = 0; i < words.length; i += 1024) words[i] = 2;
    const t2 = performance.now();
    first.push((t1 - t0) / MB);
    second.push((t2 - t1) / MB);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
  return { firstWriteMsPerMB: median(first), secondWriteMsPerMB: median(second) };
}
