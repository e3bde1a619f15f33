// @vitest-environment happy-dom
// The bucket browser after a fast-forward: a digest folder's listing may wait while the worker signs the
// digests first. It says so, and an answer that arrives after the learner moved on is not shown.
import { describe, expect, it } from 'vitest';
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BucketBrowser } from '../../../renderer/src/areas/simulator/BucketBrowser';
import { SimContext, type SimSession } from '../../../renderer/src/areas/simulator/sim-context';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const BUCKET = 'trail-logs-123456789012';
const DIGESTS = 'AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2027/02/21/';
const LOGS = 'AWSLogs/123456789012/CloudTrail/us-east-1/2027/02/21/';

function session() {
  const held: (() => void)[] = [];
  const client = {
    request: async (req: { kind: string; prefix?: string }) => {
      if (req.kind === 'inspect') return { ok: true, response: { Buckets: [{ Name: BUCKET }] } };
      if (req.kind !== 'objects') throw new Error(`unexpected ${req.kind}`);
      const prefix = req.prefix ?? '';
      if (prefix === '') return { folders: ['AWSLogs/'], objects: [] };
      if (prefix === 'AWSLogs/') return { folders: [DIGESTS, LOGS], objects: [] };
      const name = prefix === DIGESTS ? 'digest.json.gz' : 'log.json.gz';
      // The digest folder's answer waits until the test lets it go.
      if (prefix === DIGESTS) await new Promise<void>((r) => held.push(r));
      return { folders: [], objects: [{ key: `${prefix}${name}`, size: 10, lastModified: '2027-02-21T00:00:00.000Z' }] };
    },
  };
  const s = { client, ctx: { as: 'root', region: 'us-east-1', via: 'console' }, revision: 0, refresh: () => {}, run: async () => ({}), fileRequest: null, nowMs: 0 } as unknown as SimSession;
  return { s, held };
}

const wait = (ms: number) => act(async () => {
  await new Promise((r) => setTimeout(r, ms));
});

describe('BucketBrowser', () => {
  it('says a slow listing is on its way, and drops it if the learner moved to another folder meanwhile', async () => {
    const { s, held } = session();
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(<SimContext.Provider value={s}><BucketBrowser bucket={BUCKET} setBucket={() => {}} trails={[]} /></SimContext.Provider>));
    await wait(10);
    const button = (selector: string, text: string) => [...host.querySelectorAll<HTMLButtonElement>(selector)].find((b) => b.textContent?.includes(text))!;
    const listed = () => [...host.querySelectorAll('.sim-objects .sim-object:not(.sim-folder)')].map((b) => b.getAttribute('title'));
    await act(async () => button('.sim-folder', 'AWSLogs/').click());
    await wait(10);
    await act(async () => button('.sim-folder', 'CloudTrail-Digest').click());
    await wait(10);
    expect(held).toHaveLength(1);
    // Nothing said for a moment, then that the digests are being signed; the folder before is not shown.
    expect(host.querySelector('.sim-objects [role=status]')).toBeNull();
    await wait(400);
    expect(host.querySelector('.sim-objects [role=status]')?.textContent).toContain('다이제스트 파일에 서명하는 중');
    expect(host.querySelectorAll('.sim-objects .sim-folder')).toHaveLength(0);
    // The learner goes back up and into the log files' folder, which answers at once.
    await act(async () => button('.sim-crumbs button', 'AWSLogs').click());
    await wait(10);
    await act(async () => button('.sim-folder', '/CloudTrail/').click());
    await wait(10);
    expect(listed()).toEqual([`${LOGS}log.json.gz`]);
    expect(host.querySelector('.sim-objects [role=status]')).toBeNull();
    // The digest listing's late answer does not replace it.
    await act(async () => held[0]!());
    await wait(10);
    expect(listed()).toEqual([`${LOGS}log.json.gz`]);
    await act(async () => root.unmount());
  });

  it('does not show a file of the bucket left meanwhile, and the waiting note goes with the bucket', async () => {
    const A = 'bucket-a';
    const B = 'bucket-b';
    const held: (() => void)[] = [];
    const runs: unknown[] = [];
    const client = {
      request: async (req: { kind: string; prefix?: string; bucket?: string }) => {
        if (req.kind === 'inspect') return { ok: true, response: { Buckets: [{ Name: A }, { Name: B }] } };
        // Every read of A waits (a digest's, after a fast-forward) until the test lets it go.
        if (req.bucket === A && (req.kind === 'object' || req.prefix === DIGESTS)) await new Promise<void>((r) => held.push(r));
        if (req.kind === 'object') return { text: '{"x":1}', gzip: true };
        if (req.bucket === A && req.prefix === '') return { folders: [], objects: [{ key: `${DIGESTS}d.json.gz`, size: 1, lastModified: '2027-02-21T00:00:00.000Z' }] };
        if (req.bucket === A) return { folders: [], objects: [] };
        return { folders: ['AWSLogs/'], objects: [] };
      },
    };
    const run = async (api: string, params: unknown) => {
      runs.push([api, params]);
      return { ok: true, api, response: {}, records: [], routing: [], ctx: {}, atMs: 0 };
    };
    const s = { client, ctx: { as: 'root', region: 'us-east-1', via: 'console' }, revision: 0, refresh: () => {}, run, fileRequest: null, nowMs: 0 } as unknown as SimSession;
    function Host() {
      const [bucket, setBucket] = useState(A);
      return <SimContext.Provider value={s}><BucketBrowser bucket={bucket} setBucket={setBucket} trails={[]} /></SimContext.Provider>;
    }
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const choose = (value: string) => act(async () => {
      const select = host.querySelector<HTMLSelectElement>('select')!;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => root.render(<Host />));
    await wait(10);
    // Opening the digest opens its folder, whose listing waits too.
    await act(async () => host.querySelector<HTMLButtonElement>('.sim-objects .sim-object')!.click());
    await wait(400);
    expect(held).toHaveLength(2);
    expect(host.querySelector('.sim-objects [role=status]')?.textContent).toContain('다이제스트');
    await choose(B);
    await wait(10);
    expect(host.querySelector('.sim-objects [role=status]')).toBeNull();
    for (const release of held) await act(async () => release());
    await wait(10);
    // B's listing, and no file of A opened under B (whose save would have written into B).
    expect(host.querySelector('.sim-key')).toBeNull();
    expect(host.textContent).toContain('AWSLogs/');
    await choose('');
    await wait(400);
    expect(host.querySelector('.sim-objects [role=status]')).toBeNull();
    expect(runs).toEqual([]);
    await act(async () => root.unmount());
  });

  it('drops the waiting note when the learner picks no bucket while a listing waits', async () => {
    const { s, held } = session();
    function Host() {
      const [bucket, setBucket] = useState(BUCKET);
      return <SimContext.Provider value={s}><BucketBrowser bucket={bucket} setBucket={setBucket} trails={[]} /></SimContext.Provider>;
    }
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => root.render(<Host />));
    await wait(10);
    const button = (text: string) => [...host.querySelectorAll<HTMLButtonElement>('.sim-folder')].find((b) => b.textContent?.includes(text))!;
    await act(async () => button('AWSLogs/').click());
    await wait(10);
    await act(async () => button('CloudTrail-Digest').click());
    await wait(400);
    expect(host.querySelector('.sim-objects [role=status]')).not.toBeNull();
    await act(async () => {
      const select = host.querySelector<HTMLSelectElement>('select')!;
      select.value = '';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => held[0]!());
    await wait(400);
    expect(host.querySelector('.sim-objects [role=status]')).toBeNull();
    await act(async () => root.unmount());
  });
});
