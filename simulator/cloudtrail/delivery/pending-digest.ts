// A digest file whose content is worked out when something first needs it. Signing (BigInt RSA, several
// milliseconds) dominated fast-forwarding: an account with validated multi-Region trails delivers hundreds
// of digests a simulated day. A digest's bytes depend only on what was delivered before it, so they are
// fixed at its due time and can be computed later: the S3 object exists at once (key, LastModified,
// content type) and its body and signature come on first read, in chain order (digest N copies digest
// N-1's hash and signature), each computed once.
import type { ObjectContent } from '../../core/contract';
import type { DigestWanted } from '../../core/cloudtrail-port';
import { sha256Hex } from '../crypto/sha256';
import { isoSeconds } from '../time';
import { regionKey } from '../crypto/region-keys';
import { signSha256, verifySha256 } from '../crypto/rsa';
import { digestToSign, gzipDeterministic, type DigestInput, type DigestLogFile, type DigestToSign, type PreviousDigest } from './files';

/** The SHA-256 a digest lists for a log file: of its uncompressed bytes AS DELIVERED. It keeps how to make
 *  the body it delivered (from the record archive), not the S3 object, so a learner deleting or overwriting
 *  the log file before the digest is read changes nothing in the digest, as in AWS. */
export class LogFileHash {
  private constructor(
    private file: { uncompressed(): Uint8Array } | undefined,
    private hex: string | undefined,
  ) {}

  /** Of the log file as delivered, made only if a digest or a snapshot needs the hash. */
  static of(file: { uncompressed(): Uint8Array }): LogFileHash {
    return new LogFileHash(file, undefined);
  }

  static known(hex: string): LogFileHash {
    return new LogFileHash(undefined, hex);
  }

  get value(): string {
    if (this.hex === undefined) {
      this.hex = sha256Hex(this.file!.uncompressed());
      this.file = undefined;
    }
    return this.hex;
  }
}

/** A log file as the open digest period lists it. Its event times are written out when the digest is made
 *  (most digests are never read): a file delivered keeps only their ms; one restored from a snapshot keeps
 *  the texts the snapshot had. */
export interface ChainFile {
  s3Bucket: string;
  s3Object: string;
  hash: LogFileHash;
  newestEventTime?: string;
  oldestEventTime?: string;
  newestMs: number;
  oldestMs: number;
}

/** The digest's logFiles entry (field order is the digest's, and the lanes snapshot's). */
export function listedFile(f: ChainFile): DigestLogFile & { newestMs: number; oldestMs: number } {
  return {
    s3Bucket: f.s3Bucket,
    s3Object: f.s3Object,
    hashValue: f.hash.value,
    hashAlgorithm: 'SHA-256',
    newestEventTime: f.newestEventTime ?? isoSeconds(f.newestMs),
    oldestEventTime: f.oldestEventTime ?? isoSeconds(f.oldestMs),
    newestMs: f.newestMs,
    oldestMs: f.oldestMs,
  };
}

export interface DigestPlan extends Omit<DigestInput, 'logFiles' | 'previous'> {
  files: ChainFile[];
  previous: PreviousDigest | PendingDigest | undefined;
}

/** What a host signs for a digest (see PendingDigest.toSign), and how it hands the signature back. */
export interface DigestSigning {
  region: string;
  /** The bytes SHA256withRSA signs: the digest's end time, bucket/key, hash and previous signature. */
  message: Uint8Array<ArrayBuffer>;
  /** Takes the hex signature if it is this digest's (its full length, checked with the Region's public key):
   *  'taken'; 'signed' when the digest was signed meanwhile (by a read), 'refused' for a wrong signature.
   *  Only 'taken' changes anything. */
  accept(signatureHex: string): 'taken' | 'signed' | 'refused';
}

export class PendingDigest {
  private plan: DigestPlan | undefined;
  private done: { gz: Uint8Array; link: PreviousDigest } | undefined;

  constructor(plan: DigestPlan) {
    this.plan = plan;
  }

  /** What the next digest copies (previousDigest* fields); signs this digest first if it is not yet. */
  link(): PreviousDigest {
    return this.signed().link;
  }

  /** The S3 object: the gzip of the digest JSON, with the signature in x-amz-meta-signature. */
  content(): ObjectContent {
    const { gz, link } = this.signed();
    return { body: gz, metadata: { signature: link.signature, 'signature-algorithm': 'SHA256withRSA' } };
  }

  get signedYet(): boolean {
    return this.done !== undefined;
  }

  /** Whether this digest is unsigned and `wanted` names its object. */
  unsignedAndWanted(wanted: DigestWanted): boolean {
    return this.plan !== undefined && wanted(this.plan.bucket, this.plan.key);
  }

  /** The oldest unsigned digest of this one's chain, up to this one (itself when the one before is signed). */
  oldestUnsigned(): PendingDigest {
    let oldest: PendingDigest | undefined;
    for (let p = this.plan?.previous; p instanceof PendingDigest && !p.done; p = p.plan!.previous) oldest = p;
    return oldest ?? this;
  }

  /**
   * The bytes to sign, for a host that signs elsewhere (WebCrypto in the app's worker, about ten times faster
   * than BigInt here, and off the worker's thread): only while unsigned and once the digest before it is
   * signed, since this digest's bytes hold that one's signature.
   */
  toSign(): DigestSigning | undefined {
    const plan = this.plan;
    if (!plan || (plan.previous instanceof PendingDigest && !plan.previous.signedYet)) return undefined;
    const parts = digestToSign(this.input(plan));
    return {
      region: plan.region,
      message: parts.toSign,
      accept: (signatureHex) => {
        if (this.done) return 'signed';
        const { pair } = regionKey(plan.region);
        // Leading zeros count: the hex is copied as it is into the next digest (previousDigestSignature).
        if (signatureHex.length !== pair.byteLength * 2 || !verifySha256(parts.toSign, signatureHex, pair.n, pair.e)) return 'refused';
        this.finish(plan, parts, signatureHex.toLowerCase());
        return 'taken';
      },
    };
  }

  /** The inputs while unsigned (for a snapshot), undefined once signed. */
  unsignedPlan(): DigestPlan | undefined {
    return this.plan;
  }

  private signed(): { gz: Uint8Array; link: PreviousDigest } {
    if (this.done) return this.done;
    // Oldest unsigned digest first, in a loop: a chain left unread for 91 days is thousands long.
    const unsigned: PendingDigest[] = [this];
    for (let d = unsigned[0]!.plan!.previous; d instanceof PendingDigest && !d.done; d = d.plan!.previous) unsigned.push(d);
    for (let i = unsigned.length - 1; i >= 0; i--) unsigned[i]!.sign();
    return this.done!;
  }

  private sign(): void {
    const plan = this.plan!;
    const parts = digestToSign(this.input(plan));
    this.finish(plan, parts, signSha256(parts.toSign, regionKey(plan.region).pair));
  }

  private input(plan: DigestPlan): DigestInput {
    const { files, previous, ...rest } = plan;
    return { ...rest, logFiles: files.map(listedFile), previous: previous instanceof PendingDigest ? previous.link() : previous };
  }

  private finish(plan: DigestPlan, parts: DigestToSign, signature: string): void {
    this.done = { gz: gzipDeterministic(parts.body), link: { bucket: plan.bucket, key: plan.key, hashValue: parts.hashValue, signature } };
    // Drop the plan: it holds the digest before this one, and through it the whole unsigned chain.
    this.plan = undefined;
  }
}

/** An unsigned digest as a snapshot keeps it: its inputs, the previous digest by id while that is unsigned. */
export interface SavedDigest extends Omit<DigestInput, 'logFiles' | 'previous'> {
  id: number;
  files: DigestInput['logFiles'];
  previous: PreviousDigest | { pendingDigest: number } | null;
}

/** The saved form of an unsigned digest (undefined once signed: then its bytes are saved instead). */
export function savedDigest(d: PendingDigest, idOf: (d: PendingDigest) => number): SavedDigest | undefined {
  const plan = d.unsignedPlan();
  if (!plan) return undefined;
  const { files, previous, ...rest } = plan;
  return {
    id: idOf(d),
    ...rest,
    files: files.map(listedFile),
    previous: previous instanceof PendingDigest ? (previous.signedYet ? previous.link() : { pendingDigest: idOf(previous) }) : (previous ?? null),
  };
}

/** Rebuilds an unsigned digest; `byId` holds the digests restored before it (its predecessor among them). */
export function restoredDigest(s: SavedDigest, byId: ReadonlyMap<number, PendingDigest>): PendingDigest {
  const { id: _id, files, previous, ...rest } = s;
  let prev: PendingDigest | PreviousDigest | undefined;
  if (previous && 'pendingDigest' in previous) {
    prev = byId.get(previous.pendingDigest);
    if (!prev) throw new Error(`cloudtrail snapshot: digest ${s.key} follows unknown digest ${previous.pendingDigest}`);
  } else prev = previous ?? undefined;
  return new PendingDigest({
    ...rest,
    files: files.map(({ hashValue, hashAlgorithm: _a, ...f }) => ({ ...f, hash: LogFileHash.known(hashValue) })),
    previous: prev,
  });
}
