import { describe, expect, it } from 'vitest';
import { envelopeSchema, fromWorkerSchema, valueSchemas } from '../../../renderer/src/areas/simulator/worker/protocol';
import { SimClient, type MessagePort } from '../../../renderer/src/areas/simulator/sim-client';

const ctx = { as: 'alice', region: 'us-east-1', via: 'console' };

describe('the worker protocol', () => {
  it('accepts well-formed requests of every kind', () => {
    const ok = [
      { kind: 'start', snapshot: null },
      { kind: 'reset' },
      { kind: 'call', api: 's3:PutObject', params: { Bucket: 'b', Key: 'k' }, ctx },
      { kind: 'inspect', action: 'cloudtrail:LookupEvents', params: {}, region: 'us-east-1' },
      { kind: 'advance', ms: 300_000 },
      { kind: 'play', speed: 60 },
      { kind: 'history', query: { region: 'us-east-1', attribute: { key: 'EventName', value: 'ConsoleLogin' }, readOnly: 'false' } },
      { kind: 'download', query: { region: 'us-east-1' }, format: 'csv' },
      { kind: 'record', region: 'us-east-1', eventId: 'e' },
      { kind: 'objects', bucket: 'b', region: 'us-east-1' },
      { kind: 'objects', bucket: 'b', region: 'us-east-1', prefix: 'AWSLogs/123456789012/' },
      { kind: 'oldestLogFile', bucket: 'b', region: 'us-east-1', keyPrefix: '', accountId: '123456789012' },
      { kind: 'object', bucket: 'b', key: 'k', region: 'us-east-1' },
      { kind: 'snapshot' },
      { kind: 'catalog' },
      { kind: 'sim', api: 'sim:ReadInbox', params: {}, ctx },
    ];
    for (const req of ok) expect(envelopeSchema.safeParse({ id: 1, req }).success, JSON.stringify(req)).toBe(true);
  });

  it('refuses what the worker must never act on', () => {
    const bad = [
      { kind: 'call', api: 's3:PutObject', params: {}, ctx: { ...ctx, via: 'service' } },
      { kind: 'call', api: '', params: {}, ctx },
      { kind: 'call', api: 's3:PutObject', params: [], ctx },
      { kind: 'advance', ms: -1 },
      { kind: 'advance', ms: 1.5 },
      { kind: 'play', speed: 2 },
      { kind: 'history', query: { region: 'us-east-1', attribute: { key: 'Nope', value: 'x' } } },
      { kind: 'history', query: { region: 'us-east-1', attribute: { key: 'EventName', value: '' } } },
      { kind: 'download', query: { region: 'us-east-1' }, format: 'xml' },
      { kind: 'sim', api: 's3:PutObject', params: {}, ctx },
      { kind: 'format-disk' },
      { kind: 'oldestLogFile', bucket: 'b', region: 'us-east-1', keyPrefix: '', accountId: 'not-an-account' },
    ];
    for (const req of bad) expect(envelopeSchema.safeParse({ id: 1, req }).success, JSON.stringify(req)).toBe(false);
    expect(envelopeSchema.safeParse({ req: { kind: 'reset' } }).success).toBe(false);
  });

  it('checks messages from the worker too', () => {
    expect(fromWorkerSchema.safeParse({ push: 'clock', nowMs: 1, speed: 0 }).success).toBe(true);
    expect(fromWorkerSchema.safeParse({ push: 'sim', event: { type: 'alarm.stateChanged', to: 'ALARM' }, duringCall: false }).success).toBe(true);
    expect(fromWorkerSchema.safeParse({ push: 'sim', event: { to: 'ALARM' }, duringCall: false }).success).toBe(false);
    expect(fromWorkerSchema.safeParse({ push: 'clock', nowMs: '1' }).success).toBe(false);
    expect(valueSchemas.history.safeParse({ rows: [{ eventId: 'x' }], truncated: false }).success).toBe(false);
  });
});

describe('the UI client', () => {
  function fakePort() {
    const sent: { id: number; req: { kind: string } }[] = [];
    const port: MessagePort = { onmessage: null, postMessage: (m) => sent.push(m as (typeof sent)[number]) };
    const deliver = (data: unknown) => port.onmessage?.({ data } as MessageEvent);
    return { port, sent, deliver };
  }

  it('resolves a request with its validated answer and hands pushes to listeners', async () => {
    const { port, sent, deliver } = fakePort();
    const client = new SimClient(port);
    const pushes: unknown[] = [];
    client.on((p) => pushes.push(p));
    const answer = client.request({ kind: 'advance', ms: 1000 });
    deliver({ push: 'clock', nowMs: 5, speed: 0 });
    deliver({ id: sent[0]!.id, ok: true, value: { nowMs: 5 } });
    await expect(answer).resolves.toEqual({ nowMs: 5 });
    expect(pushes).toEqual([{ push: 'clock', nowMs: 5, speed: 0 }]);
  });

  it('rejects with the worker’s Korean message, or when the answer has the wrong shape', async () => {
    const { port, sent, deliver } = fakePort();
    const client = new SimClient(port);
    const a = client.request({ kind: 'reset' });
    deliver({ id: sent[0]!.id, ok: false, errorKo: '시뮬레이터 내부 오류: x' });
    await expect(a).rejects.toThrow('시뮬레이터 내부 오류: x');
    const b = client.request({ kind: 'advance', ms: 1 });
    deliver({ id: sent[1]!.id, ok: true, value: { nowMs: 'soon' } });
    await expect(b).rejects.toThrow('시뮬레이터 응답 형식이 올바르지 않습니다 (advance)');
  });
});
