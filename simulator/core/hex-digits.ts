// Hex digits read four at a time by table, without a branch per character: ids (UUIDs, S3 request ids) are
// checked and packed into words on every recorded call.

/** Each lower-case hex digit's value by character code, -1 for any other character below 128. */
export const HEX_LOWER = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX_LOWER['0123456789abcdef'.charCodeAt(i)] = i;
/** The same for upper-case hex digits. */
export const HEX_UPPER = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX_UPPER['0123456789ABCDEF'.charCodeAt(i)] = i;

/** The four hex digits of `s` at `at` in the case `digits` reads, as a 16-bit number, or -1 if any is not one. */
export function hex4(s: string, at: number, digits: Int8Array = HEX_LOWER): number {
  const a = s.charCodeAt(at);
  const b = s.charCodeAt(at + 1);
  const c = s.charCodeAt(at + 2);
  const d = s.charCodeAt(at + 3);
  if ((a | b | c | d) > 127) return -1;
  const x = digits[a]!;
  const y = digits[b]!;
  const z = digits[c]!;
  const w = digits[d]!;
  return (x | y | z | w) < 0 ? -1 : (x << 12) | (y << 8) | (z << 4) | w;
}
