// How the packing worker shares this machine with the learner. Packing a big sandbox (joining, gzip, base64) takes
// about a second of one core at 100,000 records; on two cores it competed with the page and the simulator's worker
// for every click made meanwhile: in the bench's web phase, two runs with a save among the clicks had clicks p95 51
// and 53 ms (the slowest 101 and 113 ms), two runs without one 33 and 40 ms. The packer now stops between slices of
// its work while the learner is busy (the simulator's worker tells it of every request the page makes and every
// answer, at most one message every 50 ms, the last always told), and goes on QUIET_MS after the last of them; never
// for longer than MAX_DEFER_MS in all, so a save is stored at most that much later than it would have been (a
// learner who closes the app meanwhile loses what that save held).

/** Quiet this long after the learner's last request before packing goes on. */
export const QUIET_MS = 200;
/** Packing gives way for at most this long in all, per save (while the clock runs, the screen's views keep asking). */
export const MAX_DEFER_MS = 3_000;
/** Work runs in slices of about this long between looks at the learner's requests. */
export const SLICE_MS = 8;

export interface PacerDeps {
  now(): number;
  /** Resolves after `ms` (a timer). */
  sleep(ms: number): Promise<void>;
  /** Resolves in a task of its own, so messages waiting (the learner's activity) are handled first. */
  nextTask(): Promise<void>;
}

/** Learner activity as the packing worker hears of it, and the pace function one save's packing calls. */
export class PackPacer {
  private busyAt = -Infinity;

  constructor(private readonly deps: PacerDeps) {}

  /** The simulator's worker was asked something by the page. */
  busy(): void {
    this.busyAt = this.deps.now();
  }

  /** A pace function for one save: call it between slices of work. */
  forSave(): () => Promise<void> {
    const { now, sleep, nextTask } = this.deps;
    const start = now();
    let sliceStart = start;
    let deferred = 0;
    return async () => {
      if (now() - sliceStart < SLICE_MS) return;
      await nextTask();
      for (;;) {
        const quietFor = now() - this.busyAt;
        if (quietFor >= QUIET_MS || deferred >= MAX_DEFER_MS) break;
        const wait = Math.min(QUIET_MS - quietFor, MAX_DEFER_MS - deferred);
        const t = now();
        await sleep(wait);
        deferred += now() - t;
      }
      sliceStart = now();
    };
  }
}
