// One S3 object. Its bytes may be produced on first read (ObjectStore.putComputedObject): CloudTrail's
// digests are signed only when someone reads them, and the MD5 ETag of any object is computed only when an
// answer or a snapshot shows it. Every reader sees the same values whichever it reads first.
//
// A reproducible object (ObjectStore.putReproducibleObject: CloudTrail's log files) never keeps its bytes:
// it makes them again when read, from a recipe that is also what a snapshot saves. Only its size and ETag
// are kept once known. The last few bodies made are remembered, because one read (GetObject, a listing, a
// digest) usually asks for the body, the size and the ETag in turn.
import type { Json, ObjectContent, ReproducibleContent } from '../core/contract';
import { md5Hex } from './md5';

/** Recently made bodies of reproducible objects, oldest first (a Map keeps insertion order). */
const recentBodies = new Map<object, Uint8Array>();
const RECENT_BODIES = 8;

function remember(o: object, body: Uint8Array): void {
  recentBodies.delete(o);
  recentBodies.set(o, body);
  if (recentBodies.size > RECENT_BODIES) recentBodies.delete(recentBodies.keys().next().value!);
}

/** The size and ETag of a reproducible content's bytes, once one of its objects made them. Trails that deliver the
 *  same records at one instant share one content (cloudtrail/delivery/lanes.ts): the first of their objects read
 *  spares the others the gzip and the MD5 (same bytes, same size and ETag). Weak: it goes with the content. */
const knownOfContent = new WeakMap<ReproducibleContent, { size: number; etag?: string }>();

/** Stands for "no bytes to keep" when a reproducible object is made: the same empty array each time, compared
 *  by identity, rather than a new one (and an object wrapping it) per delivered log file. */
const NOT_KEPT = new Uint8Array(0);

export class StoredObject {
  private bytes: Uint8Array | undefined;
  private meta: Record<string, string> | undefined;
  private md5: string | undefined;
  private produce: (() => ObjectContent) | undefined;

  /** While not produced: what a snapshot keeps instead of the bytes (undefined: produce and keep bytes). */
  private recipeOf: (() => Json | undefined) | undefined;

  private reproducible: ReproducibleContent | undefined;
  private knownSize: number | undefined;

  /** An object whose bytes are made again on every read that needs them (see the file's comment). */
  static reproducible(lastModified: number, contentType: string, r: ReproducibleContent): StoredObject {
    const o = new StoredObject(lastModified, contentType, NOT_KEPT);
    o.reproducible = r;
    return o;
  }

  constructor(
    readonly lastModified: number,
    readonly contentType: string,
    content: Uint8Array | (() => ObjectContent),
    metadata?: Record<string, string>,
    etag?: string,
    recipe?: () => Json | undefined,
  ) {
    if (content === NOT_KEPT) return;
    if (content instanceof Uint8Array) this.keep({ body: content, ...(metadata ? { metadata } : {}) });
    else {
      this.produce = content;
      this.recipeOf = recipe;
    }
    this.md5 = etag;
  }

  /** The recipe a snapshot saves for an object whose bytes do not exist yet; undefined once they do. */
  recipe(): Json | undefined {
    if (this.reproducible) return this.reproducible.recipe();
    return this.produce ? this.recipeOf?.() : undefined;
  }

  private keep(c: ObjectContent): void {
    this.bytes = c.body;
    // Only non-empty user metadata is stored, as before (an object without it has no metadata key).
    this.meta = c.metadata && Object.keys(c.metadata).length > 0 ? { ...c.metadata } : undefined;
  }

  private content(): Uint8Array {
    if (this.reproducible) {
      let body = recentBodies.get(this);
      if (!body) {
        body = this.reproducible.body();
        this.knownSize = body.length;
        if (!knownOfContent.has(this.reproducible)) knownOfContent.set(this.reproducible, { size: body.length });
      }
      remember(this, body);
      return body;
    }
    if (this.produce) {
      const produce = this.produce;
      this.produce = undefined;
      this.recipeOf = undefined;
      this.keep(produce());
    }
    return this.bytes!;
  }

  /** The object's bytes; callers must not change them (getObject hands out copies). */
  get body(): Uint8Array {
    return this.content();
  }

  get size(): number {
    if (this.knownSize === undefined && this.reproducible) this.knownSize = knownOfContent.get(this.reproducible)?.size;
    return this.knownSize ?? this.content().length;
  }

  /** S3's ETag of a single-part upload: the quoted hex MD5 of the bytes. */
  get etag(): string {
    if (this.md5 !== undefined) return this.md5;
    const shared = this.reproducible && knownOfContent.get(this.reproducible);
    if (shared && shared.etag !== undefined) return (this.md5 = shared.etag);
    this.md5 = `"${md5Hex(this.content())}"`;
    // content() has filed the content's size by now, if nothing had.
    const known = this.reproducible && knownOfContent.get(this.reproducible);
    if (known) known.etag = this.md5;
    return this.md5;
  }

  /** User metadata (x-amz-meta-*), keys without the prefix; CloudTrail puts digest signatures here. */
  get metadata(): Record<string, string> | undefined {
    if (this.reproducible) return undefined;
    this.content();
    return this.meta;
  }

  /** True while the size is not known and is made again from a recipe (a log file): making it costs a gzip and
   *  nothing else, unlike a computed object's first read (a digest's, which signs its chain). */
  get sizeToMake(): boolean {
    return this.reproducible !== undefined && this.pending;
  }

  /** True until the bytes have been produced (a reproducible object: until its size is known). */
  get pending(): boolean {
    return this.reproducible ? this.knownSize === undefined && !knownOfContent.has(this.reproducible) : this.produce !== undefined;
  }
}
