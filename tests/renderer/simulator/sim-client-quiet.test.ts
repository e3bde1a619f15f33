import { describe, expect, it } from 'vitest';
import { INPUT_NOTICE_EVERY_MS, SimClient, type MessagePort } from '../../../renderer/src/areas/simulator/sim-client';
import { envelopeSchema, inputNoticeSchema } from '../../../renderer/src/areas/simulator/worker/protocol';

function fakePort() {
  const sent: { id: number; req: { kind: string } }[] = [];
  const port: MessagePort = { onmessage: null, postMessage: (m) => sent.push(m as (typeof sent)[number]) };
  const answer = (id: number, value: unknown) => port.onmessage?.({ data: { id, ok: true, value } } as MessageEvent);
  return { port, sent, answer };
}

describe('SimClient quietness (when a save may run)', () => {
  it('is not quiet while a request waits on the worker, however long ago it was made; saves do not count', async () => {
    const { port, sent, answer } = fakePort();
    const client = new SimClient(port);
    expect(client.quietForMs).toBe(Infinity);
    const pending = client.request({ kind: 'advance', ms: 60_000 });
    expect(client.quietForMs).toBe(0);
    await new Promise((r) => setTimeout(r, 30));
    expect(client.quietForMs).toBe(0);
    answer(sent[0]!.id, { nowMs: 1 });
    await pending;
    expect(client.quietForMs).toBeGreaterThanOrEqual(0);
    expect(client.quietForMs).toBeLessThan(30);
    await new Promise((r) => setTimeout(r, 30));
    const save = client.request({ kind: 'save' });
    expect(client.quietForMs).toBeGreaterThanOrEqual(25);
    answer(sent[1]!.id, { format: 'trailwatch-snapshot-parts+json+gzip+base64', data: '', jsonChars: 0, marker: `trailwatch-bytes-${'0'.repeat(32)}-`, parts: [] });
    await save;
  });
});

describe('SimClient closing', () => {
  it('ends the worker and drops the requests still waiting, neither answering nor rejecting them', async () => {
    let terminated = 0;
    const port: MessagePort = { onmessage: null, postMessage: () => {}, terminate: () => void terminated++ };
    const client = new SimClient(port);
    // A panel that asks and forgets: a rejection would be the page's unhandled error.
    const forgotten = client.request({ kind: 'catalog' }).then((c) => c.length);
    client.close();
    expect(terminated).toBe(1);
    const state = await Promise.race([forgotten.then(() => 'answered', () => 'rejected'), new Promise((r) => setTimeout(() => r('waiting'), 30))]);
    expect(state).toBe('waiting');
  });
});


describe('SimClient and the learner\'s input in the page', () => {
  it('makes saves wait for a quiet moment after input, as after a request', async () => {
    const { port, sent } = fakePort();
    const client = new SimClient(port);
    expect(client.quietForMs).toBe(Infinity);
    client.noteInput();
    expect(client.quietForMs).toBeLessThan(25);
    await new Promise((r) => setTimeout(r, 30));
    expect(client.quietForMs).toBeGreaterThanOrEqual(25);
    // Nothing is being packed: the worker hears nothing of it.
    expect(sent).toEqual([]);
  });

  it('tells the worker of input only while a save is being packed, at most once every INPUT_NOTICE_EVERY_MS', async () => {
    const { port, sent, answer } = fakePort();
    const client = new SimClient(port);
    const held = client.request({ kind: 'saveHeld' });
    expect(sent).toHaveLength(1);
    client.noteInput();
    client.noteInput();
    expect(sent.slice(1)).toEqual([{ input: true }]);
    await new Promise((r) => setTimeout(r, INPUT_NOTICE_EVERY_MS + 5));
    client.noteInput();
    expect(sent.slice(1)).toEqual([{ input: true }, { input: true }]);
    // Every notice is one the worker reads as such, and never as a request.
    for (const m of sent.slice(1)) {
      expect(inputNoticeSchema.safeParse(m).success).toBe(true);
      expect(envelopeSchema.safeParse(m).success).toBe(false);
    }
    answer(sent[0]!.id, { id: 7, jsonChars: 10 });
    await held;
    await new Promise((r) => setTimeout(r, INPUT_NOTICE_EVERY_MS + 5));
    client.noteInput();
    expect(sent).toHaveLength(3);
  });

  it('stops telling once a packing fails, too', async () => {
    const { port, sent } = fakePort();
    const client = new SimClient(port);
    const held = client.request({ kind: 'saveHeld' }).catch((e: Error) => e.message);
    port.onmessage?.({ data: { id: sent[0]!.id, ok: false, errorKo: '저장 실패' } } as MessageEvent);
    expect(await held).toBe('저장 실패');
    client.noteInput();
    expect(sent).toHaveLength(1);
  });
});
