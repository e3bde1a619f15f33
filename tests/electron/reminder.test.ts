import { describe, expect, it } from 'vitest';
import { createReminderScheduler, nextReminder } from '../../electron/main/reminder';

// 2026-11-26 is a Thursday.
const thu = new Date(2026, 10, 26, 15, 0);

describe('weekend review reminder', () => {
  it('is due on the next review day at the chosen time', () => {
    expect(nextReminder(thu, [6, 0], '09:30')).toEqual(new Date(2026, 10, 28, 9, 30));
    expect(nextReminder(new Date(2026, 10, 28, 9, 29), [6, 0], '09:30')).toEqual(new Date(2026, 10, 28, 9, 30));
    expect(nextReminder(new Date(2026, 10, 28, 9, 30), [6, 0], '09:30')).toEqual(new Date(2026, 10, 29, 9, 30));
    expect(nextReminder(new Date(2026, 10, 29, 10, 0), [6, 0], '09:30')).toEqual(new Date(2026, 11, 5, 9, 30));
    expect(nextReminder(new Date(2026, 11, 31, 20, 0), [4], '08:00')).toEqual(new Date(2027, 0, 7, 8, 0));
  });

  it('is off without review days or without a time', () => {
    expect(nextReminder(thu, [], '09:30')).toBeNull();
    expect(nextReminder(thu, [6, 0], null)).toBeNull();
  });

  it('keeps one timer, notifies when it fires, and reschedules for the next review day', () => {
    let now = thu;
    const timers = new Map<number, { fn: () => void; ms: number }>();
    let nextId = 0;
    const shown: string[] = [];
    const scheduler = createReminderScheduler({
      now: () => now,
      notify: (title) => shown.push(title),
      setTimer: (fn, ms) => (timers.set(++nextId, { fn, ms }), nextId),
      clearTimer: (h) => timers.delete(h as number),
    });
    expect(scheduler.update({ reviewDays: [6, 0], reminderTime: '09:30' })).toEqual(new Date(2026, 10, 28, 9, 30));
    scheduler.update({ reviewDays: [0], reminderTime: '09:30' });
    expect(timers.size).toBe(1);
    const [id, timer] = [...timers.entries()][0]!;
    expect(timer.ms).toBe(new Date(2026, 10, 29, 9, 30).getTime() - thu.getTime());
    now = new Date(2026, 10, 29, 9, 30);
    timers.delete(id);
    timer.fn();
    expect(shown).toEqual(['Trailwatch 주말 복습']);
    expect(timers.size).toBe(1);
    scheduler.update({ reviewDays: [0], reminderTime: null });
    expect(timers.size).toBe(0);
  });
});
