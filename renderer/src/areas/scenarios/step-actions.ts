// What the scenario screen derives from a step's data: the actions it is about, whether it needs generated
// traffic, and how a solution reads as text.
import type { ScenarioAction, ScenarioDef, ScenarioStep } from '../../../../content/scenarios/types';
import type { UiCallContext } from '../simulator/worker/protocol';
import { CHANNEL_KO } from '../simulator/format';

/** The APIs a step's solution calls, in order and without repeats (computed entries are not known yet). */
export function relevantApis(step: ScenarioStep): string[] {
  const apis: string[] = [];
  for (const a of step.solution) {
    if (typeof a === 'function' || 'advance' in a) continue;
    const api = 'traffic' in a ? a.traffic.api : a.api;
    if (!apis.includes(api)) apis.push(api);
  }
  return apis;
}

export function needsTraffic(step: ScenarioStep): boolean {
  return step.solution.some((a) => typeof a !== 'function' && 'traffic' in a);
}

/** ISO 8601 duration to Korean: PT10M → 10분, P91D → 91일, PT2H5M → 2시간 5분. */
export function durationTextKo(iso: string): string {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) return iso;
  const units = ['주', '일', '시간', '분', '초'];
  const parts = m.slice(1).map((v, i) => (v ? `${Number(v)}${units[i]}` : '')).filter(Boolean);
  return parts.join(' ') || iso;
}

function who(a: { as?: string; region?: string; via?: string }): string {
  const parts = [a.as ? `${a.as}(으)로` : '', a.region ? `${a.region}에서` : '', a.via ? `${CHANNEL_KO[a.via] ?? a.via}를 통해` : ''].filter(Boolean);
  return parts.length ? ` — ${parts.join(' ')}` : '';
}

/** One solution action as the learner would read it. */
export function actionText(a: ScenarioAction): string {
  if ('advance' in a) return `시계를 ${durationTextKo(a.advance)} 앞으로 (${a.advance})`;
  if ('traffic' in a) {
    const t = a.traffic;
    return `트래픽 생성: ${t.api} ${JSON.stringify(t.params)}를 분당 ${t.perMinute}회 × ${t.minutes}분${who(t)}`;
  }
  return `${a.api} ${JSON.stringify(a.params)}${who(a)}`;
}

/** A step's solution before it is performed: computed entries are described, not guessed. */
export function solutionPreview(step: ScenarioStep): string[] {
  return step.solution.map((a) => (typeof a === 'function' ? '(앞 호출의 결과로 정해지는 호출 — 실행할 때 계산됩니다)' : actionText(a)));
}

export const CLOCK_JUMPS: { label: string; iso: string }[] = [
  { label: '+1분', iso: 'PT1M' },
  { label: '+5분', iso: 'PT5M' },
  { label: '+10분', iso: 'PT10M' },
  { label: '+1시간', iso: 'PT1H' },
  { label: '+1일', iso: 'P1D' },
  { label: '+7일', iso: 'P7D' },
  { label: '+91일', iso: 'P91D' },
];

/** Who acts, where and how when a scenario opens: its own defaults (a learner never acts as an AWS service). */
export function defaultCtx(def: ScenarioDef): UiCallContext {
  return { as: def.defaults.as, region: def.defaults.region, via: def.defaults.via === 'service' ? 'console' : def.defaults.via };
}
