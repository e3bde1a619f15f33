import { describe, expect, it } from 'vitest';
import { buildParams, fillDefault, initialValues, parseJsonParams } from '../../../renderer/src/areas/simulator/param-build';
import { PARAM_SPECS, PARAM_SPEC_BY_API } from '../../../renderer/src/areas/simulator/param-specs';
import { Account } from '../../../simulator';

const ctx = { accountId: '123456789012', region: 'ap-northeast-2' };
const spec = (api: string) => {
  const s = PARAM_SPEC_BY_API.get(api);
  if (!s) throw new Error(api);
  return s;
};

describe('param specs → request parameters', () => {
  it('names only actions of the catalog, each once', () => {
    const apis = new Set(new Account({ seed: 0, startMs: 0 }).catalog().map((d) => d.api));
    for (const s of PARAM_SPECS) expect(apis.has(s.api), s.api).toBe(true);
    expect(new Set(PARAM_SPECS.map((s) => s.api)).size).toBe(PARAM_SPECS.length);
    expect(PARAM_SPECS.length).toBeGreaterThanOrEqual(25);
  });

  it('builds typed, nested members and leaves out empty optional ones', () => {
    const create = spec('s3:CreateBucket');
    const v = initialValues(create, ctx);
    expect(v).toEqual({ Bucket: 'trail-logs-123456789012', 'CreateBucketConfiguration.LocationConstraint': 'ap-northeast-2' });
    expect(buildParams(create, v)).toEqual({ ok: true, params: { Bucket: 'trail-logs-123456789012', CreateBucketConfiguration: { LocationConstraint: 'ap-northeast-2' } } });
    // us-east-1 takes no LocationConstraint, so the default is empty and the member is not sent.
    expect(buildParams(create, initialValues(create, { ...ctx, region: 'us-east-1' }))).toEqual({ ok: true, params: { Bucket: 'trail-logs-123456789012' } });
    const run = spec('ec2:RunInstances');
    expect(buildParams(run, { ...initialValues(run, ctx), InstanceType: 't3.small' })).toEqual({
      ok: true, params: { ImageId: 'ami-0fc5d935ebf8bc3bc', InstanceType: 't3.small', MinCount: 1, MaxCount: 1 },
    });
    expect(buildParams(spec('ec2:StopInstances'), { InstanceIds: 'i-1, i-2\ni-3' })).toEqual({ ok: true, params: { InstanceIds: ['i-1', 'i-2', 'i-3'] } });
    const alarm = spec('cloudwatch:PutMetricAlarm');
    const built = buildParams(alarm, { ...initialValues(alarm, ctx), Threshold: '0.5', AlarmActions: 'arn:aws:sns:ap-northeast-2:123456789012:alerts' });
    expect(built.ok && [built.params['Threshold'], built.params['AlarmActions'], built.params['Period']]).toEqual([0.5, ['arn:aws:sns:ap-northeast-2:123456789012:alerts'], 60]);
    expect(buildParams(alarm, { ...initialValues(alarm, ctx), Threshold: '1e' })).toEqual({ ok: false, errorsKo: ['Threshold: 숫자를 입력하세요.'] });
    expect(buildParams(spec('signin:ConsoleLogin'), { success: 'true', mfa: 'false', endpoint: '' })).toEqual({ ok: true, params: { success: true, mfa: false } });
  });

  it('sends policy documents as JSON text and selectors as structures', () => {
    const pol = spec('s3:PutBucketPolicy');
    const v = initialValues(pol, ctx);
    expect(v['Policy']).toContain('{Bucket}');
    const filled = { ...v, Bucket: 'logs-1', Policy: fillDefault(pol.fields[1]!.default!, ctx, { Bucket: 'logs-1' }) };
    const built = buildParams(pol, filled);
    if (!built.ok) throw new Error(built.errorsKo.join());
    expect(typeof built.params['Policy']).toBe('string');
    expect(JSON.parse(built.params['Policy'] as string).Statement[1].Resource).toBe('arn:aws:s3:::logs-1/AWSLogs/123456789012/*');
    const sel = buildParams(spec('cloudtrail:PutEventSelectors'), { TrailName: 't', EventSelectors: initialValues(spec('cloudtrail:PutEventSelectors'), ctx)['EventSelectors']! });
    expect(sel.ok && Array.isArray(sel.params['EventSelectors'])).toBe(true);
  });

  it('says in Korean what is wrong before anything is sent', () => {
    expect(buildParams(spec('ec2:CreateSubnet'), { VpcId: '', CidrBlock: '10.0.1.0/24' })).toEqual({ ok: false, errorsKo: ['VpcId: 필수 항목입니다.'] });
    expect(buildParams(spec('ec2:RunInstances'), { ...initialValues(spec('ec2:RunInstances'), ctx), MinCount: 'one' })).toEqual({ ok: false, errorsKo: ['MinCount: 정수를 입력하세요.'] });
    const bad = buildParams(spec('iam:CreateRole'), { RoleName: 'r', AssumeRolePolicyDocument: '{"Version":' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errorsKo[0]).toMatch(/^AssumeRolePolicyDocument: JSON 형식이 올바르지 않습니다/);
    expect(buildParams(spec('ec2:RunInstances'), { ...initialValues(spec('ec2:RunInstances'), ctx), InstanceType: 'x9.huge' })).toEqual({ ok: false, errorsKo: ['InstanceType: t3.micro, t3.small, m5.large 중 하나여야 합니다.'] });
  });

  it('checks the JSON editor’s text for actions without a spec', () => {
    expect(parseJsonParams('')).toEqual({ ok: true, params: {} });
    expect(parseJsonParams('{"FunctionName":"f"}')).toEqual({ ok: true, params: { FunctionName: 'f' } });
    expect(parseJsonParams('[1]')).toEqual({ ok: false, errorsKo: ['요청 파라미터는 JSON 객체({ … })여야 합니다.'] });
    expect(parseJsonParams('{').ok).toBe(false);
  });

  it('every default of every spec builds parameters the simulator accepts the shape of', () => {
    for (const s of PARAM_SPECS) {
      const v = initialValues(s, ctx);
      for (const f of s.fields) if (f.required && !v[f.name]) v[f.name] = f.type === 'list' ? 'x-1' : f.type === 'int' ? '1' : 'x-name';
      for (const f of s.fields) v[f.name] = fillDefault(v[f.name]!, ctx, { Bucket: 'b-1', ...v });
      const built = buildParams(s, v);
      expect(built.ok, `${s.api}: ${built.ok ? '' : built.errorsKo.join()}`).toBe(true);
    }
  });
});
