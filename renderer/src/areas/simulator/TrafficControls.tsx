import { koNumber } from './format';
import { useEffect, useState } from 'react';
import { useSim } from './sim-context';
import { TRAFFIC_MAX_CALLS, TRAFFIC_MAX_MINUTES, TRAFFIC_MAX_PER_MINUTE, type ValueOf } from './worker/protocol';

type Built = { ok: true; params: Record<string, unknown> } | { ok: false; errorsKo: string[] };

/** Reads a whole number in [min, max] from a form field, or says in Korean why not. */
export function wholeNumber(text: string, label: string, min: number, max: number): { ok: true; n: number } | { ok: false; errorKo: string } {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+$/.test(t)) return { ok: false, errorKo: `${label}: ${koNumber(min)}~${koNumber(max)} 사이의 정수를 입력하세요.` };
  const n = Number(t);
  if (n < min || n > max) return { ok: false, errorKo: `${label}: ${koNumber(min)}~${koNumber(max)} 사이여야 합니다(입력: ${koNumber(n)}).` };
  return { ok: true, n };
}

/** The selected call repeated as background traffic: N calls a minute for M minutes of simulated time, every
 *  one a real, recorded call (an Insights baseline, a busy event history). Runs in the worker with progress. */
export function TrafficControls({ api, build }: { api: string; build: () => Built }) {
  const { client, ctx } = useSim();
  const [perMinute, setPerMinute] = useState('20');
  const [minutes, setMinutes] = useState('60');
  const [errors, setErrors] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ValueOf<'traffic'> | null>(null);

  useEffect(() => client.on((p) => (p.push === 'traffic' ? setProgress({ done: p.done, total: p.total }) : undefined)), [client]);

  const start = async () => {
    const built = build();
    const rate = wholeNumber(perMinute, '분당 호출 수', 1, TRAFFIC_MAX_PER_MINUTE);
    const span = wholeNumber(minutes, '기간(분)', 1, TRAFFIC_MAX_MINUTES);
    const errs = [...(built.ok ? [] : built.errorsKo), ...(rate.ok ? [] : [rate.errorKo]), ...(span.ok ? [] : [span.errorKo])];
    if (rate.ok && span.ok && rate.n * span.n > TRAFFIC_MAX_CALLS) errs.push(`한 번에 ${koNumber(TRAFFIC_MAX_CALLS)}회까지 반복할 수 있습니다(요청: ${koNumber(rate.n * span.n)}회).`);
    setErrors(errs);
    if (errs.length || !built.ok || !rate.ok || !span.ok) return;
    setResult(null);
    setProgress({ done: 0, total: rate.n * span.n });
    try {
      setResult(await client.request({ kind: 'traffic', api, params: built.params, ctx, perMinute: rate.n, minutes: span.n }));
    } catch (e) {
      setErrors([(e as Error).message]);
    } finally {
      setProgress(null);
    }
  };

  return (
    <details className="sim-traffic">
      <summary>반복 호출 (배경 트래픽)</summary>
      <p className="muted small">
        위 호출을 1분에 N번씩, 시뮬레이션 시계로 M분 동안 되풀이합니다. 모두 실제로 기록되는 호출이라 이벤트 기록·트레일·지표·Insights 기준선에 그대로 반영됩니다.
      </p>
      <div className="row">
        <label>
          분당 호출 수 <input className="sim-input" inputMode="numeric" value={perMinute} onChange={(e) => setPerMinute(e.target.value)} aria-label="분당 호출 수" size={7} />
        </label>
        <label>
          기간(분) <input className="sim-input" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-label="기간(분)" size={7} />
        </label>
        <button type="button" className="btn" disabled={progress !== null} onClick={() => void start()}>
          반복 시작
        </button>
      </div>
      {progress ? (
        <p className="row small" role="status">
          <progress max={progress.total} value={progress.done} /> {koNumber(progress.done)} / {koNumber(progress.total)}회
        </p>
      ) : null}
      {result ? (
        <p className="small" role="status" data-testid="traffic-result">
          {koNumber(result.calls)}회 호출했습니다{result.failed ? ` (오류 ${koNumber(result.failed)}회: ${result.errorCodes.join(', ')})` : ''}. 시계: {new Date(result.nowMs).toISOString().replace('.000Z', 'Z')}
        </p>
      ) : null}
      {errors.length ? (
        <ul className="message error sim-errors" role="alert">
          {errors.map((m) => <li key={m}>{m}</li>)}
        </ul>
      ) : null}
    </details>
  );
}
