import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, ScriptError } from '../../../simulator/cli/script';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const SIM = join(process.cwd(), 'simulator', 'cli', 'sim.ts');

function scriptFile(doc: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-'));
  const file = join(dir, 'script.json');
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return file;
}

const script = {
  seed: 7,
  start: '2026-11-01T00:00:00Z',
  steps: [
    { call: 'ec2:CreateVpc', params: { CidrBlock: '10.0.0.0/16' }, as: 'root', region: 'ap-northeast-2', via: 'console' },
    { call: 'ec2:CreateSubnet', params: { VpcId: '{{steps[0].Vpc.VpcId}}', CidrBlock: '10.0.{{i}}.0/24' }, as: 'root', region: 'ap-northeast-2', via: 'console', repeat: 3, every: 'PT3S' },
    { advance: 'PT5M' },
    { call: 's3:CreateBucket', params: { Bucket: 'notes-bucket' }, as: 'root', region: 'us-east-1', via: 'console' },
    { call: 's3:PutObject', params: { Bucket: 'notes-bucket', Key: 'hello.txt', Body: '안녕 CloudTrail' }, as: 'root', region: 'us-east-1', via: 'console' },
    { call: 's3:GetObject', params: { Bucket: 'notes-bucket', Key: 'hello.txt' }, as: 'root', region: 'us-east-1', via: 'console' },
    { call: 's3:DeleteBucket', params: { Bucket: 'notes-bucket' }, as: 'root', region: 'us-east-1', via: 'console' },
  ],
};

describe('sim script runner', () => {
  it('prints identical JSON for the same script twice (separate processes)', () => {
    const file = scriptFile(script);
    const a = execFileSync(TSX, [SIM, file], { encoding: 'utf8' });
    const b = execFileSync(TSX, [SIM, file], { encoding: 'utf8' });
    expect(a).toBe(b);
    const out = JSON.parse(a) as { results: { step: number; response?: Record<string, unknown>; error?: { code: string } }[] };
    expect(out.results.map((r) => r.step)).toEqual([0, 1, 3, 4, 5, 6]);
  }, 60_000);

  it('substitutes {{steps[N].path}} and {{i}}, keeps the last repetition, and answers GetObject with base64', () => {
    const out = runScript(JSON.stringify(script));
    const answer = (i: number) => {
      const r = out.results[i];
      if (!r || !('response' in r)) throw new Error(`result ${i} is not an answer`);
      return r.response as Record<string, Record<string, string>>;
    };
    const vpcId = answer(0)['Vpc']?.['VpcId'];
    const sub = answer(1)['Subnet'] ?? {};
    expect(sub['VpcId']).toBe(vpcId);
    expect(sub['CidrBlock']).toBe('10.0.2.0/24');
    const body = answer(4)['Body'] as unknown as string;
    const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe('안녕 CloudTrail');
    expect(out.results[5]).toEqual({ step: 6, error: { code: 'BucketNotEmpty', message: 'The bucket you tried to delete is not empty' } });
  });

  it('a malformed script exits non-zero naming the bad step', () => {
    const bad = { ...script, steps: [script.steps[0], { call: 'ec2:CreateVpc', via: 'carrier-pigeon' }] };
    const r = spawnSync(TSX, [SIM, scriptFile(bad)], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('step 1: "via" must be one of console, cli, sdk, service');
  }, 60_000);

  it('refuses unknown calls, bad durations, bad JSON and missing fields before running anything', () => {
    const base = { seed: 1, start: '2026-11-01T00:00:00Z' };
    const err = (doc: unknown) => {
      try {
        runScript(typeof doc === 'string' ? doc : JSON.stringify(doc));
      } catch (e) {
        if (e instanceof ScriptError) return e.message;
        throw e;
      }
      return 'no error';
    };
    expect(err({ ...base, steps: [{ call: 'ec2:LaunchRocket' }] })).toBe('step 0: unknown call "ec2:LaunchRocket"');
    expect(err({ ...base, steps: [{ advance: 'five minutes' }] })).toMatch(/^step 0: not an ISO 8601 duration/);
    expect(err({ ...base, steps: [{ advance: 'PT1M' }, { params: {} }] })).toBe('step 1: needs "call" (e.g. "s3:PutObject") or "advance"');
    expect(err('{"seed": 1,')).toMatch(/^script is not valid JSON/);
    expect(err({ seed: 1, steps: [] })).toMatch(/^"start" must be/);
    expect(err({ ...base, steps: [{ call: 'iam:GetUser', params: { UserName: '{{steps[0].User.UserName}}' } }] })).toMatch(/^step 0: \{\{steps\[0\]…\}\} refers to a step/);
  });
});
