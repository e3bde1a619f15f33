// SHA-256 (FIPS 180-4), synchronous: Web Crypto's digest is asynchronous and the call surface is not.
// Written for speed (it hashes every log file a digest lists, and an id per record): the message is read
// block by block without a padded copy, and the rounds use plain local variables (no arrays, no
// destructuring), which V8 keeps in registers.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The message schedule, reused by every call (the function is synchronous, so never shared mid-use). */
const W = new Int32Array(64);

/** Runs the compression function over the 64-byte blocks of `bytes` from `from` to `to`, into `h`. `scheduled`:
 *  the first 16 words of one block's schedule are already in W (sha256Words writes a short message there), and
 *  `bytes` is not read. */
function blocks(h: Int32Array, bytes: Uint8Array, from: number, to: number, scheduled: boolean): void {
  const k = K, w = W;
  let h0 = h[0]!, h1 = h[1]!, h2 = h[2]!, h3 = h[3]!, h4 = h[4]!, h5 = h[5]!, h6 = h[6]!, h7 = h[7]!;
  for (let off = from; off < to; off += 64) {
    if (!scheduled) {
      for (let i = 0; i < 16; i++) {
        const j = off + i * 4;
        w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
      }
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!, y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + k[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + hh) | 0;
  }
  h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4; h[5] = h5; h[6] = h6; h[7] = h7;
}

const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
/** The running hash and the one- or two-block tail, reused like W: most inputs are short (an id per matched
 *  event), where making three typed arrays a call cost about a third of the hash. */
const H = new Int32Array(8);
const TAIL_ONE = new Uint8Array(64);
const TAIL_TWO = new Uint8Array(128);

/** The longest message whose 0x80 marker and 8-byte length still fit its one block. */
const ONE_BLOCK = 55;

/**
 * The digest of `data` as eight words, each four of its bytes big-endian, in an array every call reuses: read
 * it before hashing again. For callers that use only part of a digest (an id per matched event), without the
 * 32-byte array sha256 makes.
 */
export function sha256Words(data: Uint8Array): Int32Array {
  const h = H;
  h.set(INITIAL);
  const n = data.length;
  if (n <= ONE_BLOCK) {
    // Most ids: the one padded block written straight into the schedule.
    const w = W;
    const whole = n & ~3;
    for (let i = 0; i < whole; i += 4) w[i >> 2] = (data[i]! << 24) | (data[i + 1]! << 16) | (data[i + 2]! << 8) | data[i + 3]!;
    // The word the message ends in: its last bytes (none to three), then the 0x80 marker, then zeros.
    let last = 0x80 << (24 - 8 * (n - whole));
    for (let i = whole; i < n; i++) last |= data[i]! << (24 - 8 * (i - whole));
    w[whole >> 2] = last;
    for (let i = (whole >> 2) + 1; i < 15; i++) w[i] = 0;
    // The bit length's high word is the zero at w[14].
    w[15] = n * 8;
    blocks(h, data, 0, 64, true);
    return h;
  }
  const whole = n - (n % 64);
  blocks(h, data, 0, whole, false);
  // The tail, the 0x80 marker, zeros and the 64-bit big-endian bit length fill one or two final blocks, written
  // byte by byte: clearing the whole tail and copying from a subarray cost as much as hashing a short message.
  const rest = n - whole;
  const tail = rest + 8 < 64 ? TAIL_ONE : TAIL_TWO;
  const lengthAt = tail.length - 8;
  for (let i = 0; i < rest; i++) tail[i] = data[whole + i]!;
  tail[rest] = 0x80;
  for (let i = rest + 1; i < lengthAt; i++) tail[i] = 0;
  // Big-endian words written byte by byte: two DataViews per hash cost as much as hashing a short input.
  const bits = n * 8;
  putWord(tail, lengthAt, Math.floor(bits / 2 ** 32));
  putWord(tail, lengthAt + 4, bits >>> 0);
  blocks(h, tail, 0, tail.length, false);
  return h;
}

export function sha256(data: Uint8Array): Uint8Array {
  const h = sha256Words(data);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) putWord(out, i * 4, h[i]!);
  return out;
}

/** Writes a 32-bit word big-endian (a Uint8Array keeps each byte's low 8 bits). */
function putWord(bytes: Uint8Array, at: number, v: number): void {
  bytes[at] = v >>> 24;
  bytes[at + 1] = v >>> 16;
  bytes[at + 2] = v >>> 8;
  bytes[at + 3] = v;
}
