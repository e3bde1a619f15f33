// Hex helpers over the simulator's synchronous SHA-256 (core/sha256.ts): digests must be hashed and signed
// inside one synchronous simulated step, so WebCrypto's async digest cannot be used.
import { sha256 } from '../../core/sha256';

export { sha256 };

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!]!;
  return s;
}

export function sha256Hex(data: Uint8Array | string): string {
  return toHex(sha256(typeof data === 'string' ? new TextEncoder().encode(data) : data));
}
