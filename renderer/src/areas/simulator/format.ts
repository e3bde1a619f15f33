// Small display helpers for the simulator screens (simulated time is shown in UTC, as CloudTrail writes it).

/** One formatter for every count shown: Number.prototype.toLocaleString builds a new one per call (about
 *  half a millisecond each in Chromium), and the traffic form's counts render with every call the learner makes. */
const KO_NUMBER = new Intl.NumberFormat('ko-KR');

/** 12,345 as Korean text writes it. */
export function koNumber(n: number): string {
  return KO_NUMBER.format(n);
}

export function utc(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/** "3분 후", "1시간 2분 전": how far a simulated moment is from now. */
export function relative(targetMs: number, nowMs: number): string {
  const diff = targetMs - nowMs;
  const abs = Math.abs(diff);
  const min = Math.round(abs / 60_000);
  let text: string;
  if (abs < 60_000) text = `${Math.max(1, Math.round(abs / 1000))}초`;
  else if (min < 60) text = `${min}분`;
  else if (min < 60 * 48) text = `${Math.floor(min / 60)}시간${min % 60 ? ` ${min % 60}분` : ''}`;
  else text = `${Math.floor(min / 1440)}일`;
  return diff >= 0 ? `${text} 후` : `${text} 전`;
}

export const CHANNEL_KO: Record<string, string> = { console: '콘솔', cli: 'CLI', sdk: 'SDK' };
