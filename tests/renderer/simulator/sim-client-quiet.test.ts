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
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const noticesIn = (sent: unknown[]) => sent.filter((m) => inputNoticeSchema.safeParse(m).success).length;

  it('leaves when a save starts as it was: input is not a request', async () => {
    const { port, sent } = fakePort();
    const client = new SimClient(port);
    client.noteInput();
    expect(client.quietForMs).toBe(Infinity);
    // Nothing is being packed: the worker hears nothing of it.
    expect(sent).toEqual([]);
  });

  it('tells the worker of input only while a save is being packed, at most once every INPUT_NOTICE_EVERY_MS, the last input always', async () => {
    const { port, sent, answer } = fakePort();
    const client = new SimClient(port);
    const held = client.request({ kind: 'saveHeld' });
    expect(sent).toHaveLength(1);
    client.noteInput();
    client.noteInput();
    client.noteInput();
    expect(noticesIn(sent)).toBe(1);
    // The input after the first one told is told once the interval has passed.
    await wait(INPUT_NOTICE_EVERY_MS + 20);
    expect(noticesIn(sent)).toBe(2);
    await wait(INPUT_NOTICE_EVERY_MS + 20);
    expect(noticesIn(sent)).toBe(2);
    client.noteInput();
    expect(noticesIn(sent)).toBe(3);
    // Every notice is one the worker reads as such, and never as a request.
    for (const m of sent.slice(1)) {
      expect(inputNoticeSchema.safeParse(m).success).toBe(true);
      expect(envelopeSchema.safeParse(m).success).toBe(false);
    }
    answer(sent[0]!.id, { id: 7, jsonChars: 10 });
    await held;
    await wait(INPUT_NOTICE_EVERY_MS + 5);
    client.noteInput();
    expect(noticesIn(sent)).toBe(3);
  });

  it('goes on telling while either of two saves is being packed, and not while a held save is stored or dropped', async () => {
    const { port, sent, answer } = fakePort();
    const client = new SimClient(port);
    const first = client.request({ kind: 'saveHeld' });
    const second = client.request({ kind: 'saveHeld' });
    answer(sent[0]!.id, { id: 1, jsonChars: 1 });
    await first;
    client.noteInput();
    expect(noticesIn(sent)).toBe(1);
    answer(sent[1]!.id, { id: 2, jsonChars: 1 });
    await second;
    const stored = client.request({ kind: 'storeHeld', held: 2, savedAt: '2026-11-27T00:00:00Z' });
    const dropped = client.request({ kind: 'dropHeld', held: 1 });
    await wait(INPUT_NOTICE_EVERY_MS + 5);
    client.noteInput();
    expect(noticesIn(sent)).toBe(1);
    answer(sent[sent.length - 2]!.id, { stored: true });
    answer(sent[sent.length - 1]!.id, { dropped: true });
    await Promise.all([stored, dropped]);
  });

  it('stops telling once a packing fails, too, and a closed client tells nothing later', async () => {
    const { port, sent } = fakePort();
    const client = new SimClient(port);
    const held = client.request({ kind: 'saveHeld' }).catch((e: Error) => e.message);
    port.onmessage?.({ data: { id: sent[0]!.id, ok: false, errorKo: '저장 실패' } } as MessageEvent);
    expect(await held).toBe('저장 실패');
    client.noteInput();
    expect(sent).toHaveLength(1);
    const other = fakePort();
    const closing = new SimClient(other.port);
    void closing.request({ kind: 'save' });
    closing.noteInput();
    closing.noteInput();
    closing.close();
    await wait(INPUT_NOTICE_EVERY_MS + 20);
    // The first input was told; the one waiting for its turn went with the client.
    expect(noticesIn(other.sent)).toBe(1);
  });
});
