import { useCallback, useEffect, useState } from 'react';
import { useSim } from './sim-context';
import { TrailEditor } from './TrailEditor';
import { BucketBrowser } from './BucketBrowser';
import { utc } from './format';

type Obj = Record<string, unknown>;
export interface TrailView {
  arn: string;
  name: string;
  homeRegion: string;
  description: Obj;
  status: Obj;
  selectors: Obj;
}

/** Every trail of the account with its status, its create/edit form, and the browser of its bucket. */
export function TrailsPanel() {
  const { client, revision, run, ctx } = useSim();
  const [trails, setTrails] = useState<TrailView[]>([]);
  const [editing, setEditing] = useState<TrailView | 'new' | null>(null);
  const [bucket, setBucket] = useState<string>('');

  const load = useCallback(async () => {
    const list = await client.request({ kind: 'inspect', action: 'cloudtrail:ListTrails', params: {}, region: 'us-east-1' });
    const items = ((list.response?.['Trails'] as Obj[] | undefined) ?? []).map((t) => ({ arn: String(t['TrailARN']), name: String(t['Name']), homeRegion: String(t['HomeRegion']) }));
    const views = await Promise.all(
      items.map(async (t) => {
        const ask = (action: string, params: Obj) => client.request({ kind: 'inspect', action, params, region: t.homeRegion }).then((r) => r.response ?? {});
        const [d, status, selectors] = await Promise.all([
          ask('cloudtrail:DescribeTrails', { trailNameList: [t.arn] }),
          ask('cloudtrail:GetTrailStatus', { Name: t.arn }),
          ask('cloudtrail:GetEventSelectors', { TrailName: t.arn }),
        ]);
        return { ...t, description: ((d['trailList'] as Obj[] | undefined) ?? [])[0] ?? {}, status, selectors };
      }),
    );
    setTrails(views);
    setBucket((b) => b || String(views[0]?.description['S3BucketName'] ?? ''));
  }, [client]);

  useEffect(() => void load(), [load, revision]);

  const toggle = (t: TrailView) => void run(t.status['IsLogging'] ? 'cloudtrail:StopLogging' : 'cloudtrail:StartLogging', { Name: t.arn }, { ...ctx, region: t.homeRegion });

  return (
    <div className="sim-trails">
      <div className="card">
        <div className="row sim-space">
          <h2>트레일</h2>
          <button className="btn primary" onClick={() => setEditing('new')}>트레일 만들기</button>
        </div>
        {trails.length === 0 ? (
          <p className="muted">트레일이 없습니다. 트레일이 없으면 관리 이벤트는 이벤트 기록에 90일만 남고, 데이터 이벤트는 어디에도 남지 않습니다.</p>
        ) : (
          <table className="sim-grid-table" aria-label="트레일 목록">
            <thead>
              <tr><th>이름</th><th>홈 리전</th><th>범위</th><th>S3 버킷</th><th>로깅</th><th>마지막 전달</th><th>이벤트 선택기</th><th /></tr>
            </thead>
            <tbody>
              {trails.map((t) => (
                <tr key={t.arn}>
                  <td><strong>{t.name}</strong></td>
                  <td>{t.homeRegion}</td>
                  <td>{t.description['IsMultiRegionTrail'] ? '모든 리전' : '단일 리전'}</td>
                  <td><button className="linkish" onClick={() => setBucket(String(t.description['S3BucketName']))}>{String(t.description['S3BucketName'] ?? '')}{t.description['S3KeyPrefix'] ? `/${String(t.description['S3KeyPrefix'])}` : ''}</button></td>
                  <td><span className={`sim-badge ${t.status['IsLogging'] ? 'landed' : 'no'}`}>{t.status['IsLogging'] ? '로깅 중' : '꺼짐'}</span></td>
                  <td className="small">{typeof t.status['LatestDeliveryTime'] === 'string' ? utc(Date.parse(t.status['LatestDeliveryTime'])) : typeof t.status['LatestDeliveryTime'] === 'number' ? utc(Number(t.status['LatestDeliveryTime']) * 1000) : '—'}{t.status['LatestDeliveryError'] ? <span className="err"> {String(t.status['LatestDeliveryError'])}</span> : null}</td>
                  <td className="small">{selectorSummary(t.selectors)}</td>
                  <td className="row">
                    <button className="btn small" onClick={() => setEditing(t)}>편집</button>
                    <button className="btn small" onClick={() => toggle(t)}>{t.status['IsLogging'] ? 'StopLogging' : 'StartLogging'}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {editing ? <TrailEditor key={editing === 'new' ? 'new' : editing.arn} trail={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      <BucketBrowser bucket={bucket} setBucket={setBucket} trails={trails} />
    </div>
  );
}

function selectorSummary(sel: Obj): string {
  const basic = (sel['EventSelectors'] as Obj[] | undefined) ?? [];
  if ((sel['AdvancedEventSelectors'] as unknown[] | undefined)?.length) return '고급 이벤트 선택기';
  return basic
    .map((s) => {
      const mgmt = s['IncludeManagementEvents'] === false ? '관리 이벤트 제외' : `관리 이벤트(${String(s['ReadWriteType'] ?? 'All')})`;
      const data = ((s['DataResources'] as Obj[] | undefined) ?? []).map((d) => `${String(d['Type']).split('::')[1]} 데이터: ${((d['Values'] as string[]) ?? []).join(', ')}`);
      return [mgmt, ...data].join(' · ');
    })
    .join(' / ');
}
