import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { S3Model } from '../../../simulator/s3/model';

// Objects whose bytes come on first read (CloudTrail digests) must look exactly like objects put with the
// same bytes: ETag, size, metadata, snapshot. The MD5 ETag of every object is computed only when read.
const bytes = new TextEncoder().encode('{"Records":[]}');
const meta = { signature: 'ab'.repeat(8), 'signature-algorithm': 'SHA256withRSA' };

function models(): { eager: S3Model; computed: S3Model; produced: () => number } {
  let produced = 0;
  const eager = new S3Model(() => 1_000);
  const computed = new S3Model(() => 1_000);
  for (const m of [eager, computed]) m.buckets.set('b', { name: 'b', region: 'us-east-1', creationDate: 0, policy: null, objects: new Map() });
  eager.putObject('b', 'k', bytes, 'application/json', meta);
  computed.putComputedObject('b', 'k', 'application/json', () => {
    produced++;
    return { body: bytes, metadata: meta };
  });
  return { eager, computed, produced: () => produced };
}

describe('objects computed on first read', () => {
  it('exist at once without being produced, then produce once and look like a put object', () => {
    const { eager, computed, produced } = models();
    expect(computed.listKeys('b')).toEqual(['k']);
    const o = computed.buckets.get('b')!.objects.get('k')!;
    expect(o.lastModified).toBe(1_000);
    expect(o.contentType).toBe('application/json');
    expect(o.pending).toBe(true);
    expect(produced()).toBe(0);
    expect(o.etag).toBe(`"${createHash('md5').update(bytes).digest('hex')}"`);
    expect(o.size).toBe(bytes.length);
    expect(computed.objectMetadata('b', 'k')).toEqual(meta);
    expect(computed.getObject('b', 'k')).toEqual(bytes);
    expect(produced()).toBe(1);
    expect(JSON.stringify(computed.snapshot())).toBe(JSON.stringify(eager.snapshot()));
  });

  it('are produced by a snapshot, which restores to the same objects', () => {
    const { eager, computed, produced } = models();
    const snap = JSON.stringify(computed.snapshot());
    expect(produced()).toBe(1);
    expect(snap).toBe(JSON.stringify(eager.snapshot()));
    const restored = new S3Model(() => 0);
    restored.restore(JSON.parse(snap));
    expect(JSON.stringify(restored.snapshot())).toBe(snap);
    expect(restored.objectMetadata('b', 'k')).toEqual(meta);
  });

  it('vanish unproduced when deleted, and an overwrite replaces them', () => {
    const { computed, produced } = models();
    computed.deleteObject('b', 'k');
    expect(computed.getObject('b', 'k')).toBeUndefined();
    computed.putComputedObject('b', 'k', 'application/json', () => ({ body: bytes }));
    computed.putObject('b', 'k', new TextEncoder().encode('new'));
    expect(new TextDecoder().decode(computed.getObject('b', 'k'))).toBe('new');
    expect(computed.objectMetadata('b', 'k')).toEqual({});
    expect(produced()).toBe(0);
  });

  it('a reproducible object keeps no bytes: made again on reads, its size and ETag kept, its recipe always saved', () => {
    const m = new S3Model(() => 5);
    m.buckets.set('b', { name: 'b', region: 'us-east-1', creationDate: 0, policy: null, objects: new Map() });
    let made = 0;
    m.putReproducibleObject('b', 'k', 'application/json', { body: () => (made++, bytes.slice()), recipe: () => ({ ids: 'x' }) });
    const o = m.buckets.get('b')!.objects.get('k')!;
    expect(o.pending).toBe(true);
    expect(made).toBe(0);
    expect(Buffer.from(m.getObject('b', 'k')!).equals(Buffer.from(bytes))).toBe(true);
    expect(o.size).toBe(bytes.length);
    expect(o.etag).toBe(`"${createHash('md5').update(bytes).digest('hex')}"`);
    // One read: body, size and ETag from one making (the last few bodies are remembered).
    expect(made).toBe(1);
    expect(o.pending).toBe(false);
    expect(m.objectMetadata('b', 'k')).toEqual({});
    // Reading many other reproducible objects pushes it out: the next read makes it again, the same bytes.
    for (let i = 0; i < 20; i++) {
      m.putReproducibleObject('b', `o${i}`, 'application/json', { body: () => new Uint8Array([i]), recipe: () => i });
      m.getObject('b', `o${i}`);
    }
    expect(Buffer.from(m.getObject('b', 'k')!).equals(Buffer.from(bytes))).toBe(true);
    expect(made).toBe(2);
    const saved = (m.snapshot() as { objects: { key: string; computed?: unknown; body?: string }[] }[])[0]!.objects.find((x) => x.key === 'k')!;
    expect(saved.computed).toEqual({ ids: 'x' });
    expect(saved.body).toBeUndefined();
  });

  it('objects sharing one reproducible content (trails delivering the same records) make its bytes once for size and ETag', () => {
    const m = new S3Model(() => 5);
    for (const name of ['b1', 'b2', 'b3']) m.buckets.set(name, { name, region: 'us-east-1', creationDate: 0, policy: null, objects: new Map() });
    let made = 0;
    const shared = { body: () => (made++, bytes.slice()), recipe: () => ({ ids: 'x' }) };
    let otherMade = 0;
    const other = new TextEncoder().encode('{"Records":[{}]}');
    m.putReproducibleObject('b1', 'k', 'application/json', shared);
    m.putReproducibleObject('b2', 'k', 'application/json', shared);
    m.putReproducibleObject('b3', 'k', 'application/json', { body: () => (otherMade++, other.slice()), recipe: () => ({ ids: 'y' }) });
    const [a, b, c] = ['b1', 'b2', 'b3'].map((n) => m.buckets.get(n)!.objects.get('k')!);
    expect([a!.pending, b!.pending, c!.pending]).toEqual([true, true, true]);
    // The second object's ETag first, so that its MD5 is the one filed for the content.
    expect(b!.etag).toBe(`"${createHash('md5').update(bytes).digest('hex')}"`);
    expect(made).toBe(1);
    expect([a!.pending, b!.pending, c!.pending]).toEqual([false, false, true]);
    expect([a!.size, a!.etag]).toEqual([bytes.length, b!.etag]);
    expect(made).toBe(1);
    // A different content is its own: nothing of the shared one is taken for it.
    expect([c!.size, c!.etag]).toEqual([other.length, `"${createHash('md5').update(other).digest('hex')}"`]);
    expect(otherMade).toBe(1);
    // Each still makes the shared bytes itself when its body is read, and saves its recipe.
    expect(Buffer.from(m.getObject('b1', 'k')!).equals(Buffer.from(bytes))).toBe(true);
    expect(made).toBe(2);
    expect(a!.recipe()).toEqual({ ids: 'x' });
  });

  it('an empty object put by anyone stays an empty object; a reproducible one made without bytes has none to show', () => {
    const m = new S3Model(() => 5);
    m.buckets.set('b', { name: 'b', region: 'us-east-1', creationDate: 0, policy: null, objects: new Map() });
    m.putObject('b', 'empty', new Uint8Array(0), 'text/plain', { a: '1' });
    m.putReproducibleObject('b', 'made', 'application/json', { body: () => bytes.slice(), recipe: () => 'r' });
    const empty = m.buckets.get('b')!.objects.get('empty')!;
    expect([empty.size, empty.pending, empty.metadata, empty.etag]).toEqual([0, false, { a: '1' }, '"d41d8cd98f00b204e9800998ecf8427e"']);
    expect(empty.recipe()).toBeUndefined();
    const made = m.buckets.get('b')!.objects.get('made')!;
    expect([made.pending, made.metadata, made.recipe()]).toEqual([true, undefined, 'r']);
    expect(made.size).toBe(bytes.length);
  });

  it('putObject keeps its own copy and getObject hands out copies', () => {
    const m = new S3Model(() => 0);
    m.buckets.set('b', { name: 'b', region: 'us-east-1', creationDate: 0, policy: null, objects: new Map() });
    const body = new Uint8Array([1, 2, 3]);
    m.putObject('b', 'k', body);
    body[0] = 9;
    m.getObject('b', 'k')![1] = 9;
    expect(m.getObject('b', 'k')).toEqual(new Uint8Array([1, 2, 3]));
    expect(m.buckets.get('b')!.objects.get('k')!.etag).toBe(`"${createHash('md5').update(new Uint8Array([1, 2, 3])).digest('hex')}"`);
  });
});
