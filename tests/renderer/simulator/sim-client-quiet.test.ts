import { describe, expect, it } from 'vitest';
import { SimClient, type MessagePort } from '../../../renderer/src/areas/simulator/sim-client';

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

