// Date forms AWS services write into CloudTrail records, which differ from their API answers.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** IAM's responseElements dates are Java's medium format in UTC, as real records show: "Nov 2, 2023 3:26:53 PM". */
export function javaMediumDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h12}:${mm}:${ss} ${h < 12 ? 'AM' : 'PM'}`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_CODES = Uint8Array.from(B64, (c) => c.charCodeAt(0));
/** Six-bit value of each character code; 255 for characters outside the alphabet. */
const B64_VALUES = new Uint8Array(256).fill(255);
for (let i = 0; i < 64; i++) B64_VALUES[B64_CODES[i]!] = i;
const PAD = 61;
const ascii = new TextDecoder();

/** Base64 of bytes without Node's Buffer (the simulator runs in a browser worker too). The characters are
 *  written into a byte array and decoded once: btoa over a "binary string" took 0.6 s for 10 MB on Node. */
export function toBase64(bytes: Uint8Array): string {
  return ascii.decode(toBase64Bytes(bytes));
}

/** toBase64's characters as their (ASCII) bytes, for a writer that encodes them anyway. */
export function toBase64Bytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = B64_CODES[n >>> 18]!;
    out[o++] = B64_CODES[(n >>> 12) & 63]!;
    out[o++] = B64_CODES[(n >>> 6) & 63]!;
    out[o++] = B64_CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = B64_CODES[n >>> 18]!;
    out[o++] = B64_CODES[(n >>> 12) & 63]!;
    out[o++] = rest === 2 ? B64_CODES[(n >>> 6) & 63]! : PAD;
    out[o] = PAD;
  }
  return out;
}

/** How a snapshot writes a large column of bytes into its JSON: base64 by default. A saver may instead keep a copy
 *  of the bytes and write a placeholder of its own, then put the same base64 in its place on another thread, so
 *  a big account's save does not hold up the simulator while the text is encoded. The bytes passed are a view of
 *  live columns: a writer that keeps them must copy them before the account is called again. */
export type BytesWriter = (bytes: Uint8Array) => string;

const WHITESPACE = /[\t\n\f\r ]/;
const WHITESPACE_RUNS = /[\t\n\f\r ]+/g;

/** Bytes of a base64 text (with or without padding); throws on anything that is not base64, as atob does. */
export function fromBase64(text: string): Uint8Array {
  // Saved sandboxes hold tens of megabytes of base64 with no whitespace: the pass that removes it is made only when
  // there is some, and four characters are decoded at a time (a third of a busy sandbox's restore had been here).
  const clean = WHITESPACE.test(text) ? text.replace(WHITESPACE_RUNS, '') : text;
  const body = clean.endsWith('==') ? clean.slice(0, -2) : clean.endsWith('=') ? clean.slice(0, -1) : clean;
  if ((clean.length !== body.length && clean.length % 4 !== 0) || body.length % 4 === 1) throw new Error('not base64');
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  const whole = body.length - (body.length % 4);
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const ca = body.charCodeAt(i);
    const cb = body.charCodeAt(i + 1);
    const cc = body.charCodeAt(i + 2);
    const cd = body.charCodeAt(i + 3);
    const a = B64_VALUES[ca & 255]!;
    const b = B64_VALUES[cb & 255]!;
    const c = B64_VALUES[cc & 255]!;
    const d = B64_VALUES[cd & 255]!;
    // 255 marks a character outside the alphabet; a code past 255 is outside it too.
    if ((a | b | c | d) > 63 || (ca | cb | cc | cd) > 255) throw new Error('not base64');
    out[o++] = (a << 2) | (b >>> 4);
    out[o++] = ((b & 15) << 4) | (c >>> 2);
    out[o++] = ((c & 3) << 6) | d;
  }
  // Two or three characters left: one or two bytes, the bits past them ignored.
  let acc = 0;
  let bits = 0;
  for (let i = whole; i < body.length; i++) {
    const v = B64_VALUES[body.charCodeAt(i) & 255]!;
    if (v === 255 || body.charCodeAt(i) > 255) throw new Error('not base64');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 255;
    }
  }
  return out;
}
