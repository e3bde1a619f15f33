import { useEffect, useRef, useState } from 'react';
import { useSim } from './sim-context';
import { ResultLine } from './ActionForm';
import { koNumber, utc } from './format';
import type { TrailView } from './TrailsPanel';
import type { CallOutcome } from './worker/protocol';

type ObjectRow = { key: string; size: number; lastModified: string };
type Report = { valid?: boolean; lines?: string[] };

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A listing that takes longer than this says it is on its way. */
const WAIT_NOTICE_MS = 300;

/** The folder holding a key ('' at the bucket's top). */
function folderOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/') + 1);
}

/** The folders from the bucket's top down to `prefix`, each with its own name, for the path bar. */
function crumbs(prefix: string): { name: string; prefix: string }[] {
  const parts = prefix.split('/').filter(Boolean);
  return parts.map((name, i) => ({ name, prefix: parts.slice(0, i + 1).join('/') + '/' }));
}

/** The trail bucket as the S3 console shows it, folder by folder under the real keys: open files (gunzipped),
 *  edit or delete them (real S3 calls), validate. Only the open folder is listed, so a bucket holding months
 *  of log files and digests opens at once. */
export function BucketBrowser({ bucket, setBucket, trails }: { bucket: string; setBucket: (b: string) => void; trails: TrailView[] }) {
  const { client, ctx, run, revision, fileRequest, nowMs } = useSim();
  const [buckets, setBuckets] = useState<string[]>([]);
  const [prefix, setPrefix] = useState('');
  const [folders, setFolders] = useState<string[]>([]);
  const [objects, setObjects] = useState<ObjectRow[]>([]);
  const [open, setOpen] = useState<{ bucket: string; key: string; text: string; gzip: boolean } | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [result, setResult] = useState<CallOutcome | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<'digests' | 'list' | null>(null);

  useEffect(() => {
    void client.request({ kind: 'inspect', action: 's3:ListBuckets', params: {}, region: ctx.region }).then((r) => setBuckets(((r.response?.['Buckets'] as { Name: string }[] | undefined) ?? []).map((b) => b.Name)));
  }, [client, ctx.region, revision]);

  useEffect(() => {
    if (!bucket) {
      setFolders([]);
      setWaiting(null);
      return setObjects([]);
    }
    // A listing may wait (digests not signed yet after a fast-forward are signed first): one answered after the
    // learner moved on is dropped, and a wait longer than a moment says so.
    let current = true;
    const slow = setTimeout(() => setWaiting(prefix.includes('/CloudTrail-Digest/') ? 'digests' : 'list'), WAIT_NOTICE_MS);
    client.request({ kind: 'objects', bucket, region: ctx.region, prefix }).then(
      (o) => { if (current) { setFolders(o.folders); setObjects(o.objects); setError(null); } },
      (e: Error) => { if (current) setError(e.message); },
    ).finally(() => {
      clearTimeout(slow);
      if (current) setWaiting(null);
    });
    return () => {
      current = false;
      clearTimeout(slow);
      setWaiting(null);
    };
  }, [client, bucket, prefix, ctx.region, revision]);

  /** The file asked for last: a slower answer for one asked before it is not shown. */
  const lastOpened = useRef(0);
  const openKey = async (key: string, from = bucket) => {
    setPrefix(folderOf(key));
    setDraft(null);
    setResult(null);
    const mine = ++lastOpened.current;
    const o = await client.request({ kind: 'object', bucket: from, key, region: ctx.region });
    if (mine === lastOpened.current) setOpen({ bucket: from, key, text: pretty(o.text), gzip: o.gzip });
  };

  useEffect(() => {
    if (!fileRequest) return;
    setBucket(fileRequest.bucket);
    void openKey(fileRequest.key, fileRequest.bucket);
    requestAnimationFrame(() => document.getElementById('bucket-title')?.scrollIntoView({ block: 'start' }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fileRequest]);

  const saveEdit = async () => {
    if (!open || draft === null) return;
    // The file's own bucket: the one picked may have changed since it was opened.
    const r = await run('s3:PutObject', { Bucket: open.bucket, Key: open.key, Body: draft, ContentType: 'application/json' });
    if (r.ok) await openKey(open.key, open.bucket);
    setResult(r);
  };

  const remove = async (file: { bucket: string; key: string }) => {
    const r = await run('s3:DeleteObject', { Bucket: file.bucket, Key: file.key });
    setResult(r);
    if (r.ok && open?.bucket === file.bucket && open.key === file.key) setOpen(null);
  };

  const bucketTrails = trails.filter((t) => t.description['S3BucketName'] === bucket);
  const [validating, setValidating] = useState<string | null>(null);
  const validate = async (t: TrailView) => {
    setValidating(t.name);
    try {
      await runValidation(t);
    } finally {
      setValidating(null);
    }
  };
  const runValidation = async (t: TrailView) => {
    // `aws cloudtrail validate-logs` runs on the learner's machine with their credentials, in the trail's Region.
    // --start-time as a learner would pick it: just before the oldest file in the bucket.
    const [, , , , accountId = ''] = t.arn.split(':');
    const keyPrefix = typeof t.description['S3KeyPrefix'] === 'string' ? t.description['S3KeyPrefix'] : '';
    const first = await client.request({ kind: 'oldestLogFile', bucket, region: ctx.region, keyPrefix, accountId });
    const oldest = Math.min(first.lastModified ? Date.parse(first.lastModified) : nowMs, nowMs);
    const r = await client.request({ kind: 'sim', api: 'sim:ValidateLogs', params: { TrailARN: t.arn, StartTime: Math.floor((oldest - 3_600_000) / 1000) }, ctx: { ...ctx, via: 'cli', region: t.homeRegion } });
    setReport(r.ok ? (r.response as Report) : { valid: false, lines: [`${r.error?.code}: ${r.error?.message}`] });
  };

  return (
    <div className="card sim-bucket">
      <div className="row sim-space">
        <h2 id="bucket-title">S3 버킷 둘러보기</h2>
        <label className="sim-field inline">
          <span>버킷</span>
          <select className="sim-input" aria-label="버킷 선택" value={bucket} onChange={(e) => { lastOpened.current++; setBucket(e.target.value); setPrefix(''); setOpen(null); }}>
            <option value="">(버킷 선택)</option>
            {buckets.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
        {bucketTrails.map((t) => (
          <button key={t.arn} className="btn small" disabled={validating !== null} onClick={() => void validate(t)}>무결성 검증: {t.name}</button>
        ))}
      </div>
      <p className="muted small">CloudTrail은 약 5분마다 로그 파일을 <code>AWSLogs/계정/CloudTrail/리전/연/월/일/</code> 아래에 gzip으로 전달합니다. 파일을 고치거나 지우면 무결성 검증이 잡아냅니다. 고친 파일은 PutObject로 평문 JSON으로 저장됩니다.</p>
      {error ? <p className="message error">{error}</p> : null}
      {validating ? (
        <p className="message sim-report" role="status">
          {validating} 검증 중입니다. 가장 최근 다이제스트부터 체인을 거슬러 가며 서명과 로그 파일 해시를 확인합니다(오래 빨리 감은 뒤에는 몇 초 걸립니다)…
        </p>
      ) : null}
      {!validating && report ? (
        <div className={`message ${report.valid ? 'ok' : 'error'} sim-report`} role="status">
          <strong>{report.valid ? '검증 통과: 모든 파일이 전달된 그대로입니다' : '검증 실패: 변경·삭제된 파일이 있습니다'}</strong>
          <pre className="sim-pre small">{(report.lines ?? []).join('\n')}</pre>
        </div>
      ) : null}
      {bucket ? (
        <nav className="sim-crumbs small" aria-label="폴더 경로">
          <button className="btn link small" onClick={() => setPrefix('')}>{bucket}</button>
          {crumbs(prefix).map((c) => (
            <span key={c.prefix}>
              {' / '}
              <button className="btn link small" onClick={() => setPrefix(c.prefix)}>{c.name}</button>
            </span>
          ))}
          {' /'}
        </nav>
      ) : null}
      <div className="sim-bucket-body">
        <ul className="sim-objects" aria-label="객체 목록">
          {waiting ? (
            <li className="muted small sim-empty" role="status">
              {waiting === 'digests' ? '빨리 감는 동안 전달된 다이제스트 파일에 서명하는 중입니다(이 폴더까지의 체인). 잠시만 기다려 주세요…' : '목록을 불러오는 중입니다…'}
            </li>
          ) : null}
          {!waiting && folders.length === 0 && objects.length === 0 ? (
            <li className="muted small sim-empty">{prefix ? '이 폴더는 비어 있습니다.' : '객체가 없습니다. 트레일이 로깅 중이면 약 5분 뒤 첫 파일이 옵니다.'}</li>
          ) : null}
          {waiting ? null : folders.map((f) => (
            <li key={f}>
              <button className="sim-object sim-folder" onClick={() => setPrefix(f)} title={f}>
                <span className="sim-object-key">📁 {f.slice(prefix.length)}</span>
              </button>
            </li>
          ))}
          {waiting ? null : objects.map((o) => (
            <li key={o.key} className={open?.key === o.key ? 'active' : ''}>
              <button className="sim-object" onClick={() => void openKey(o.key)} title={o.key}>
                <span className="sim-object-key">{o.key.slice(prefix.length)}</span>
                <span className="muted small">{koNumber(o.size)} B · {utc(Date.parse(o.lastModified))}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="sim-object-view">
          {open ? (
            <>
              <div className="row sim-space">
                <code className="sim-key">{open.key}</code>
                <span className="row">
                  {open.gzip ? <span className="sim-tag">gzip 해제해서 표시</span> : null}
                  {draft === null ? <button className="btn small" onClick={() => setDraft(open.text)}>편집</button> : <button className="btn small primary" onClick={() => void saveEdit()}>저장 (s3:PutObject)</button>}
                  <button className="btn small danger" onClick={() => void remove(open)}>삭제 (s3:DeleteObject)</button>
                </span>
              </div>
              {draft === null ? <pre className="sim-pre" data-testid="object-text">{open.text}</pre> : <textarea className="sim-input mono sim-editor" aria-label="파일 내용 편집" value={draft} onChange={(e) => setDraft(e.target.value)} />}
            </>
          ) : (
            <p className="muted small">왼쪽에서 파일을 고르세요.</p>
          )}
          {result ? <ResultLine outcome={result} /> : null}
        </div>
      </div>
    </div>
  );
}
