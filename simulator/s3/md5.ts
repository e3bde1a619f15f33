// MD5 (RFC 1321): S3's ETag of a single-part upload is the hex MD5 of the object's bytes. Web Crypto has
// no MD5 and is asynchronous, so it is computed here. Written for speed (every log file gets an ETag):
// blocks are read in place without a padded copy, the four rounds are separate loops with plain locals.
const S = new Int32Array([7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]);
const K = new Int32Array(Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0));
const X = new Int32Array(16);

function blocks(h: Int32Array, bytes: Uint8Array, from: number, to: number): void {
  const x = X;
  let a0 = h[0]!, b0 = h[1]!, c0 = h[2]!, d0 = h[3]!;
  for (let off = from; off < to; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      x[i] = bytes[j]! | (bytes[j + 1]! << 8) | (bytes[j + 2]! << 16) | (bytes[j + 3]! << 24);
    }
    let a = a0, b = b0, c = c0, d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number, g: number;
      if (i < 16) { f = (b & c) | (~b & d); g = i; }
      else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
      else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
      else { f = c ^ (b | ~d); g = (7 * i) & 15; }
      const s = S[((i >> 4) << 2) | (i & 3)]!;
      const sum = (a + f + K[i]! + x[g]!) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0;
    }
    a0 = (a0 + a) | 0; b0 = (b0 + b) | 0; c0 = (c0 + c) | 0; d0 = (d0 + d) | 0;
  }
  h[0] = a0; h[1] = b0; h[2] = c0; h[3] = d0;
}

export function md5Hex(data: Uint8Array): string {
  const h = new Int32Array([0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476]);
  const whole = data.length - (data.length % 64);
  blocks(h, data, 0, whole);
  // The tail, the 0x80 marker and the 64-bit little-endian bit length fill one or two final blocks.
  const tail = new Uint8Array(data.length - whole + 8 < 64 ? 64 : 128);
  tail.set(data.subarray(whole));
  tail[data.length - whole] = 0x80;
  const view = new DataView(tail.buffer);
  const bits = data.length * 8;
  view.setUint32(tail.length - 8, bits >>> 0, true);
  view.setUint32(tail.length - 4, Math.floor(bits / 2 ** 32), true);
  blocks(h, tail, 0, tail.length);
  let hex = '';
  for (let i = 0; i < 4; i++) {
    const v = h[i]!;
    for (let byte = 0; byte < 4; byte++) hex += ((v >>> (byte * 8)) & 255).toString(16).padStart(2, '0');
  }
  return hex;
}
