// RSASSA-PKCS1-v1_5 with SHA-256 ("SHA256withRSA") over BigInt, synchronous and deterministic.
import { sha256, toHex, sha256Hex } from './sha256';

export interface RsaKeyPair {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qInv: bigint;
  byteLength: number;
}

const SHA256_DIGEST_INFO = '3031300d060960864801650304020105000420';

/** Sliding-window exponentiation (windows of up to 5 bits over a table of odd powers): a 1024-bit CRT
 *  exponent needs ~1024 squarings but ~180 multiplications instead of ~512, about a quarter less work per
 *  signature. Montgomery reduction on BigInt was measured too and was no faster than V8's own `%`. */
const WINDOW = 5;

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  const b = base % mod;
  const b2 = (b * b) % mod;
  const oddPowers: bigint[] = [b];
  for (let i = 1; i < 1 << (WINDOW - 1); i++) oddPowers.push((oddPowers[i - 1]! * b2) % mod);
  const bits = exp.toString(2);
  let result = 1n % mod;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === '0') {
      result = (result * result) % mod;
      i++;
      continue;
    }
    // The longest window of at most WINDOW bits that starts here and ends on a 1 bit.
    let end = Math.min(i + WINDOW, bits.length);
    while (bits[end - 1] === '0') end--;
    for (let j = i; j < end; j++) result = (result * result) % mod;
    result = (result * oddPowers[(parseInt(bits.slice(i, end), 2) - 1) >> 1]!) % mod;
    i = end;
  }
  return result;
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

export function keyPairFromPrimes(pHex: string, qHex: string): RsaKeyPair {
  const p = BigInt('0x' + pHex);
  const q = BigInt('0x' + qHex);
  const n = p * q;
  const e = 65537n;
  const d = modInverse(e, (p - 1n) * (q - 1n));
  return { n, e, d, p, q, dp: d % (p - 1n), dq: d % (q - 1n), qInv: modInverse(q, p), byteLength: (n.toString(16).length + 1) >> 1 };
}

function hexToBigInt(hex: string): bigint {
  return hex.length === 0 ? 0n : BigInt('0x' + hex);
}

/** EMSA-PKCS1-v1_5 encoding of SHA-256(message) as an integer. */
function encodedMessage(message: Uint8Array, byteLength: number): bigint {
  const t = SHA256_DIGEST_INFO + toHex(sha256(message));
  const padLength = byteLength - t.length / 2 - 3;
  return hexToBigInt('0001' + 'ff'.repeat(padLength) + '00' + t);
}

/** Signature as lower-case hex, the form CloudTrail puts in x-amz-meta-signature. */
export function signSha256(message: Uint8Array, key: RsaKeyPair): string {
  const m = encodedMessage(message, key.byteLength);
  const m1 = modPow(m, key.dp, key.p);
  const m2 = modPow(m, key.dq, key.q);
  const h = (key.qInv * (((m1 - m2) % key.p) + key.p)) % key.p;
  return (m2 + h * key.q).toString(16).padStart(key.byteLength * 2, '0');
}

export function verifySha256(message: Uint8Array, signatureHex: string, n: bigint, e: bigint): boolean {
  if (!/^[0-9a-f]+$/i.test(signatureHex)) return false;
  const byteLength = (n.toString(16).length + 1) >> 1;
  const s = BigInt('0x' + signatureHex);
  if (s >= n) return false;
  return modPow(s, e, n) === encodedMessage(message, byteLength);
}

function derLength(length: number): string {
  if (length < 0x80) return length.toString(16).padStart(2, '0');
  const hex = length.toString(16);
  const bytes = hex.length % 2 ? '0' + hex : hex;
  return (0x80 + bytes.length / 2).toString(16) + bytes;
}

function derInteger(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = '00' + hex;
  return '02' + derLength(hex.length / 2) + hex;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** DER of the PKCS#1 RSAPublicKey (ListPublicKeys documents its Value as "DER encoded ... PKCS#1"). */
export function publicKeyDer(n: bigint, e: bigint): Uint8Array {
  const body = derInteger(n) + derInteger(e);
  return hexToBytes('30' + derLength(body.length / 2) + body);
}

/** Parses a PKCS#1 RSAPublicKey DER back to (n, e); undefined when it is not one. */
export function parsePublicKeyDer(der: Uint8Array): { n: bigint; e: bigint } | undefined {
  let pos = 0;
  const readLength = (): number => {
    const first = der[pos++] ?? 0;
    if (first < 0x80) return first;
    let len = 0;
    for (let i = 0; i < (first & 0x7f); i++) len = len * 256 + (der[pos++] ?? 0);
    return len;
  };
  const readInteger = (): bigint | undefined => {
    if (der[pos++] !== 0x02) return undefined;
    const len = readLength();
    const hex = toHex(der.subarray(pos, pos + len));
    pos += len;
    return hexToBigInt(hex);
  };
  if (der[pos++] !== 0x30) return undefined;
  readLength();
  const n = readInteger();
  const e = readInteger();
  return n === undefined || e === undefined ? undefined : { n, e };
}

/** 32 hex characters like AWS's digestPublicKeyFingerprint; AWS does not document how it derives it,
 *  so the simulator uses the first half of the SHA-256 of the public key DER. */
export function publicKeyFingerprint(der: Uint8Array): string {
  return sha256Hex(der).slice(0, 32);
}

/** A JSON Web Key of the private key (RFC 7518 §6.3), for a host that signs with WebCrypto. RSASSA-PKCS1-v1_5 is
 *  deterministic: the same key and message give signSha256's very bytes. */
export function privateKeyJwk(key: RsaKeyPair): JsonWebKey {
  const b64u = (x: bigint): string => {
    let hex = x.toString(16);
    if (hex.length % 2) hex = '0' + hex;
    let binary = '';
    for (let i = 0; i < hex.length; i += 2) binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  return { kty: 'RSA', alg: 'RS256', n: b64u(key.n), e: b64u(key.e), d: b64u(key.d), p: b64u(key.p), q: b64u(key.q), dp: b64u(key.dp), dq: b64u(key.dq), qi: b64u(key.qInv) };
}
