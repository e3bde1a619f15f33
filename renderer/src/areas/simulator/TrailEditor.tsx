import { useEffect, useState } from 'react';
import { useSim } from './sim-context';
import { ResultLine } from './ActionForm';
import { EMPTY_PICKS, loadPickLists, type PickLists } from './pick-sources';
import { emptyTrailForm, eventSelectors, formFromTrail, trailFormErrors, trailParams, type ReadWrite, type TrailForm } from './trail-form-model';
import type { TrailView } from './TrailsPanel';
import type { CallOutcome } from './worker/protocol';

/** Create or edit a trail with every option the simulator supports; saving makes the real calls. */
export function TrailEditor({ trail, onDone }: { trail: TrailView | null; onDone: () => void }) {
  const { client, ctx, accountId, run, revision } = useSim();
  const region = trail?.homeRegion ?? ctx.region;
  const [form, setForm] = useState<TrailForm>(() => (trail ? formFromTrail(trail.description, trail.selectors) : emptyTrailForm()));
  const [startNow, setStartNow] = useState(true);
  const [picks, setPicks] = useState<PickLists>(EMPTY_PICKS);
  const [errors, setErrors] = useState<string[]>([]);
  const [results, setResults] = useState<CallOutcome[]>([]);
  const [newBucket, setNewBucket] = useState(`trail-logs-${accountId}`);

  useEffect(() => void loadPickLists(client, region).then(setPicks), [client, region, revision]);
  useEffect(() => {
    if (!form.bucket && picks.buckets[0]) setForm((f) => ({ ...f, bucket: picks.buckets[0]!.value }));
  }, [picks, form.bucket]);

  const set = <K extends keyof TrailForm>(k: K, v: TrailForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const as = { ...ctx, region };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const errs = trailFormErrors(form);
    setErrors(errs);
    if (errs.length) return;
    const done: CallOutcome[] = [];
    const step = async (api: string, params: Record<string, unknown>) => {
      const r = await run(api, params, as);
      done.push(r);
      setResults([...done]);
      return r.ok;
    };
    const name = trail?.arn ?? form.name.trim();
    if (!(await step(trail ? 'cloudtrail:UpdateTrail' : 'cloudtrail:CreateTrail', trailParams(form, !!trail)))) return;
    if (!(await step('cloudtrail:PutEventSelectors', { TrailName: name, EventSelectors: eventSelectors(form, region, accountId) }))) return;
    if (!trail && startNow) await step('cloudtrail:StartLogging', { Name: name });
  };

  /** A bucket CloudTrail may write to: CreateBucket, then the bucket policy CloudTrail requires. */
  const makeBucket = async () => {
    const done: CallOutcome[] = [];
    const b = newBucket.trim();
    const create = await run('s3:CreateBucket', region === 'us-east-1' ? { Bucket: b } : { Bucket: b, CreateBucketConfiguration: { LocationConstraint: region } }, as);
    done.push(create);
    if (create.ok) {
      const policy = {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${b}` },
          { Sid: 'AWSCloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${b}/AWSLogs/${accountId}/*`, Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } } },
        ],
      };
      done.push(await run('s3:PutBucketPolicy', { Bucket: b, Policy: JSON.stringify(policy) }, as));
      set('bucket', b);
    }
    setResults(done);
  };

  return (
    <form className="card sim-trail-form" onSubmit={(e) => void save(e)} aria-label={trail ? `트레일 ${trail.name} 편집` : '트레일 만들기'} noValidate>
      <div className="row sim-space">
        <h2>{trail ? `트레일 편집: ${trail.name}` : '트레일 만들기'}</h2>
        <span className="muted small">{region}에서 {ctx.as}(으)로 호출합니다{trail ? ' (트레일의 홈 리전)' : ''}</span>
      </div>
      <fieldset className="sim-fs">
        <legend>일반</legend>
        <label className="sim-fieldrow"><span>트레일 이름</span><input className="sim-input" aria-label="트레일 이름" value={form.name} disabled={!!trail} onChange={(e) => set('name', e.target.value)} /></label>
        <label className="sim-fieldrow">
          <span>S3 버킷</span>
          <select className="sim-input" aria-label="S3 버킷" value={form.bucket} onChange={(e) => set('bucket', e.target.value)}>
            <option value="">(버킷 선택)</option>
            {picks.buckets.map((b) => <option key={b.value} value={b.value}>{b.label}</option>)}
          </select>
        </label>
        <div className="sim-fieldrow">
          <span>새 버킷</span>
          <div className="row">
            <input className="sim-input" aria-label="새 버킷 이름" value={newBucket} onChange={(e) => setNewBucket(e.target.value)} />
            <button type="button" className="btn small" onClick={() => void makeBucket()}>버킷 + CloudTrail 버킷 정책 만들기</button>
          </div>
        </div>
        <label className="sim-fieldrow"><span>S3 키 접두사</span><input className="sim-input" aria-label="S3 키 접두사" value={form.prefix} placeholder="(선택)" onChange={(e) => set('prefix', e.target.value)} /></label>
        <label className="radio"><input type="checkbox" checked={form.multiRegion} onChange={(e) => set('multiRegion', e.target.checked)} /> 모든 리전에 적용(IsMultiRegionTrail)</label>
        <label className="radio"><input type="checkbox" checked={form.globalEvents} onChange={(e) => set('globalEvents', e.target.checked)} /> 글로벌 서비스 이벤트 포함(IAM, STS 등)</label>
        <label className="radio"><input type="checkbox" checked={form.validation} onChange={(e) => set('validation', e.target.checked)} /> 로그 파일 무결성 검증(다이제스트 파일)</label>
      </fieldset>
      <fieldset className="sim-fs">
        <legend>관리 이벤트</legend>
        <label className="radio"><input type="checkbox" checked={form.management} onChange={(e) => set('management', e.target.checked)} /> 관리 이벤트 기록</label>
        <div className="sim-seg" role="radiogroup" aria-label="API 활동">
          {(['All', 'ReadOnly', 'WriteOnly'] as ReadWrite[]).map((rw) => (
            <button type="button" key={rw} role="radio" aria-checked={form.readWrite === rw} className={form.readWrite === rw ? 'on' : ''} onClick={() => set('readWrite', rw)}>{rw}</button>
          ))}
        </div>
      </fieldset>
      <fieldset className="sim-fs">
        <legend>데이터 이벤트 (기본적으로 기록되지 않음)</legend>
        <ListEditor label="S3 버킷/접두사" hint="버킷 이름, 버킷/접두사, 또는 * (모든 버킷)" values={form.s3Data} choices={picks.buckets.map((b) => b.value)} onChange={(v) => set('s3Data', v)} />
        <ListEditor label="Lambda 함수" hint="함수 이름 또는 ARN, 또는 * (모든 함수)" values={form.lambdaData} choices={picks.functions.map((f) => f.value)} onChange={(v) => set('lambdaData', v)} />
      </fieldset>
      <fieldset className="sim-fs">
        <legend>CloudWatch Logs (선택)</legend>
        <label className="sim-fieldrow"><span>로그 그룹 ARN</span><input className="sim-input" aria-label="로그 그룹 ARN" value={form.logGroupArn} placeholder={`arn:aws:logs:${region}:${accountId}:log-group:CloudTrail/logs:*`} onChange={(e) => set('logGroupArn', e.target.value)} /></label>
        <label className="sim-fieldrow"><span>역할 ARN</span><input className="sim-input" aria-label="역할 ARN" value={form.logsRoleArn} list="sim-role-arns" onChange={(e) => set('logsRoleArn', e.target.value)} /></label>
        <datalist id="sim-role-arns">{picks.roleArns.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}</datalist>
      </fieldset>
      {!trail ? <label className="radio"><input type="checkbox" checked={startNow} onChange={(e) => setStartNow(e.target.checked)} /> 만든 뒤 바로 로깅 시작(StartLogging)</label> : null}
      {errors.length ? <ul className="message error sim-errors" role="alert">{errors.map((m) => <li key={m}>{m}</li>)}</ul> : null}
      <div className="row">
        <button className="btn primary" type="submit">{trail ? '저장 (UpdateTrail + PutEventSelectors)' : '만들기 (CreateTrail + PutEventSelectors)'}</button>
        <button className="btn" type="button" onClick={onDone}>닫기</button>
      </div>
      {results.length ? (
        <ol className="sim-steps">{results.map((r, i) => <li key={i}><ResultLine outcome={r} /></li>)}</ol>
      ) : null}
    </form>
  );
}

function ListEditor({ label, hint, values, choices, onChange }: { label: string; hint: string; values: string[]; choices: string[]; onChange: (v: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const id = `list-${label}`;
  const add = () => {
    if (draft.trim()) onChange([...values, draft.trim()]);
    setDraft('');
  };
  return (
    <div className="sim-fieldrow">
      <span>{label}</span>
      <div>
        <ul className="sim-chips">
          {values.map((v, i) => (
            <li key={`${v}-${i}`} className="sim-chip">{v}<button type="button" aria-label={`${v} 빼기`} onClick={() => onChange(values.filter((_, j) => j !== i))}>×</button></li>
          ))}
        </ul>
        <div className="row">
          <input className="sim-input" aria-label={`${label} 추가`} list={id} placeholder={hint} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }} />
          <datalist id={id}>{choices.map((c) => <option key={c} value={c} />)}</datalist>
          <button type="button" className="btn small" onClick={add}>추가</button>
        </div>
      </div>
    </div>
  );
}
