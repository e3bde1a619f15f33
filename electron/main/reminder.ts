/**
 * When the next weekend-review reminder is due: the first review day (0 = Sunday … 6 = Saturday) at "HH:MM"
 * local time that is strictly after `now`. Null when there are no review days or no reminder time.
 */
export function nextReminder(now: Date, reviewDays: number[], time: string | null): Date | null {
  if (!time || reviewDays.length === 0) return null;
  const [h, m] = time.split(':').map(Number) as [number, number];
  for (let ahead = 0; ahead <= 7; ahead++) {
    const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ahead, h, m, 0, 0);
    if (reviewDays.includes(at.getDay()) && at.getTime() > now.getTime()) return at;
  }
  return null;
}

export interface ReminderDeps {
  now(): Date;
  /** Shows the system notification. */
  notify(title: string, body: string): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

// Long timeouts overflow Node's 32-bit timer, so a far reminder is reached in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Keeps exactly one reminder scheduled for the current settings; call `update` whenever they change. */
export function createReminderScheduler(deps: ReminderDeps) {
  let handle: unknown = null;
  let settings: { reviewDays: number[]; reminderTime: string | null } = { reviewDays: [], reminderTime: null };

  function schedule(): Date | null {
    if (handle !== null) deps.clearTimer(handle);
    handle = null;
    const at = nextReminder(deps.now(), settings.reviewDays, settings.reminderTime);
    if (!at) return null;
    const wait = at.getTime() - deps.now().getTime();
    handle = deps.setTimer(() => {
      handle = null;
      if (wait <= MAX_TIMER_MS) deps.notify('Trailwatch 주말 복습', '오늘은 복습하는 날입니다. 복습 세션을 시작해 볼까요?');
      schedule();
    }, Math.min(wait, MAX_TIMER_MS));
    return at;
  }

  return {
    update(next: { reviewDays: number[]; reminderTime: string | null }): Date | null {
      settings = next;
      return schedule();
    },
    stop() {
      if (handle !== null) deps.clearTimer(handle);
      handle = null;
    },
  };
}
