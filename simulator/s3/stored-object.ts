// One S3 object. Its bytes may be produced on first read (ObjectStore.putComputedObject): CloudTrail's
// digests are signed only when someone reads them, and the MD5 ETag of any object is computed only when an
// answer or a snapshot shows it. Every reader sees the same values whichever it reads first.
import type { Json, ObjectContent } from '../core/contract';
import { md5Hex } from './md5';

export class StoredObject {
  private bytes: Uint8Array | undefined;
  private meta: Record<string, string> | undefined;
  private md5: string | undefined;
  private produce: (() => ObjectContent) | undefined;

  /** While not produced: what a snapshot keeps instead of the bytes (undefined: produce and keep bytes). */
  private recipeOf: (() => Json | undefined) | undefined;

  constructor(
    readonly lastModified: number,
    readonly contentType: string,
    content: Uint8Array | (() => ObjectContent),
    metadata?: Record<string, string>,
    etag?: string,
    recipe?: () => Json | undefined,
  ) {
    if (content instanceof Uint8Array) this.keep({ body: content, ...(metadata ? { metadata } : {}) });
    else {
      this.produce = content;
      this.recipeOf = recipe;
    }
    this.md5 = etag;
  }

  /** The recipe a snapshot saves for an object whose bytes do not exist yet; undefined once they do. */
  recipe(): Json | undefined {
    return this.produce ? this.recipeOf?.() : undefined;
  }

  private keep(c: ObjectContent): void {
    this.bytes = c.body;
    // Only non-empty user metadata is stored, as before (an object without it has no metadata key).
    this.meta = c.metadata && Object.keys(c.metadata).length > 0 ? { ...c.metadata } : undefined;
  }

  private content(): Uint8Array {
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
    return this.content().length;
  }

  /** S3's ETag of a single-part upload: the quoted hex MD5 of the bytes. */
  get etag(): string {
    return (this.md5 ??= `"${md5Hex(this.content())}"`);
  }

  /** User metadata (x-amz-meta-*), keys without the prefix; CloudTrail puts digest signatures here. */
  get metadata(): Record<string, string> | undefined {
    this.content();
    return this.meta;
  }

  /** True until the bytes have been produced (for tests and measurements). */
  get pending(): boolean {
    return this.produce !== undefined;
  }
}
