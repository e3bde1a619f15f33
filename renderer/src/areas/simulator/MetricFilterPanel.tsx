// Metric filters of the Region (DescribeMetricFilters) and the console's "패턴 테스트": a real TestMetricFilter
// call on sample lines the learner types, showing which lines match and the values the pattern extracted.
import { useEffect, useState } from 'react';
import { useSim } from './sim-context';

type Obj = Record<string, unknown>;

const SAMPLE = ['2026-11-23T09:00:00Z ERROR payment failed id=42', '2026-11-23T09:00:05Z INFO payment ok id=43'].join('\n');

export function MetricFilterPanel() {
  const { client, ctx, revision, run } = useSim();
  const [filters, setFilters] = useState<Obj[]>([]);
  const [pattern, setPattern] = useState('ERROR');
  const [lines, setLines] = useState(SAMPLE);
  const [result, setResult] = useState<{ matches: Obj[]; tested: string[] } | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void client.request({ kind: 'inspect', action: 'logs:DescribeMetricFilters', params: {}, region: ctx.region }).then((r) => {
      if (live) setFilters((r.response?.['metricFilters'] as Obj[] | undefined) ?? []);
    });
    return () => {
      live = false;
    };
  }, [client, ctx.region, revision]);

  const test = async () => {
    const messages = lines.split('\n').filter((l) => l.length > 0);
    setBusy(true);
    try {
      const o = await run('logs:TestMetricFilter', { filterPattern: pattern, logEventMessages: messages });
      setResult(o.ok ? { matches: (o.response?.['matches'] as Obj[] | undefined) ?? [], tested: messages } : { error: `${o.error?.code}: ${o.error?.message}` });
    } catch (e) {
      setResult({ error: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const matched = result && 'matches' in result ? new Map(result.matches.map((m) => [Number(m['eventNumber']), m])) : null;
  return (
    <div className="sim-watch">
      <div className="card">
        <h2>지표 필터 <span className="muted small">(CloudWatch Logs, {ctx.region})</span></h2>
        {filters.length === 0 ? (
          <p className="muted">지표 필터가 없습니다. 팔레트의 Logs → PutMetricFilter로 로그 그룹에 만들 수 있습니다.</p>
        ) : (
          <table className="sim-grid-table" aria-label="지표 필터 목록">
            <thead><tr><th>이름</th><th>로그 그룹</th><th>패턴</th><th>지표</th><th></th></tr></thead>
            <tbody>
              {filters.map((f) => {
                const t = ((f['metricTransformations'] as Obj[] | undefined) ?? [])[0] ?? {};
                return (
                  <tr key={`${String(f['logGroupName'])}/${String(f['filterName'])}`}>
                    <td><strong>{String(f['filterName'])}</strong></td>
                    <td className="small"><code>{String(f['logGroupName'])}</code></td>
                    <td className="small"><code className="sim-key">{String(f['filterPattern'])}</code></td>
                    <td className="small">{String(t['metricNamespace'] ?? '')}/{String(t['metricName'] ?? '')} = {String(t['metricValue'] ?? '')}</td>
                    <td><button className="btn" onClick={() => setPattern(String(f['filterPattern']))}>패턴 시험</button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <div className="card sim-test-panel">
        <h2>패턴 테스트 <span className="muted small">(logs:TestMetricFilter — 실제 호출로 기록됩니다)</span></h2>
        <div className="sim-two">
          <label className="sim-fieldrow"><span>필터 패턴 (filterPattern)</span>
            <input className="sim-input mono" value={pattern} onChange={(e) => setPattern(e.target.value)} aria-label="필터 패턴" spellCheck={false} />
          </label>
          <label className="sim-fieldrow"><span>예시 로그 메시지 (한 줄에 하나)</span>
            <textarea className="sim-input mono" rows={5} value={lines} onChange={(e) => setLines(e.target.value)} aria-label="예시 로그 메시지" spellCheck={false} />
          </label>
        </div>
        <div className="row">
          <button className="btn primary" onClick={() => void test()} disabled={busy}>패턴 테스트</button>
          {result && 'matches' in result ? <span className="small" role="status" data-testid="filter-summary">{result.tested.length}줄 중 {result.matches.length}줄 일치</span> : null}
        </div>
        {result && 'error' in result ? <p className="sim-result err" role="alert">{result.error}</p> : null}
        {result && 'matches' in result ? (
          <table className="sim-grid-table" aria-label="패턴 테스트 결과">
            <thead><tr><th>#</th><th>결과</th><th>메시지</th><th>추출한 값</th></tr></thead>
            <tbody>
              {result.tested.map((line, i) => {
                const m = matched?.get(i + 1);
                const values = m ? Object.entries((m['extractedValues'] as Obj | undefined) ?? {}) : [];
                return (
                  <tr key={i}>
                    <td className="small">{i + 1}</td>
                    <td><span className={`sim-badge ${m ? 'landed' : 'no'}`}>{m ? '일치' : '불일치'}</span></td>
                    <td className="small"><code>{line}</code></td>
                    <td className="small">{values.map(([k, v]) => <code key={k} className="sim-kv">{k}={String(v)}</code>)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}
