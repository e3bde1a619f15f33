import type { IpRange } from './pattern-types';

// CIDR matching as event-ruler implements it (CIDR.java): messages below are its own, and the ones AWS
// returned in validated tests ("Malformed CIDR, one '/' required", "Malformed CIDR, mask bits must be an
// integer", "Nonstandard IP address: xx.11.xx") match them. event-ruler rejects /32 and /128 masks.

export interface Ip {
  version: 4 | 6;
  value: bigint;
}

export function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

export function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tail = '';
  const gap = text.indexOf('::');
  if (gap >= 0) {
    if (text.indexOf('::', gap + 1) >= 0) return undefined;
    head = text.slice(0, gap);
    tail = text.slice(gap + 2);
  }
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const pieces = s.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const h = groups(head);
  const t = groups(tail);
  if (h === undefined || t === undefined) return undefined;
  const missing = 8 - h.length - t.length;
  if (gap >= 0 ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const g of [...h, ...new Array<number>(missing).fill(0), ...t]) value = (value << 16n) | BigInt(g);
  return value;
}

export function parseIp(text: string): Ip | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { version: 4, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  return v6 === undefined ? undefined : { version: 6, value: v6 };
}

/** Compiles `a.b.c.d/n` or an IPv6 CIDR; throws the event-ruler reason text when malformed. */
export function compileCidr(cidr: string): IpRange {
  // Java's split drops trailing empty strings, so "10.0.0.0/" has one part, not two.
  const parts = cidr.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length !== 2) throw new Error("Malformed CIDR, one '/' required");
  const [address, maskText] = parts as [string, string];
  if (!/^[+-]?[0-9]+$/.test(maskText) || Math.abs(Number(maskText)) > 2147483647) {
    throw new Error('Malformed CIDR, mask bits must be an integer');
  }
  const bits = Number(maskText);
  if (bits < 0) throw new Error('Malformed CIDR, mask bits must not be negative');
  const ip = parseIp(address);
  if (ip === undefined) throw new Error(`Nonstandard IP address: ${address}`);
  const width = ip.version === 4 ? 32 : 128;
  if (bits > width - 1) throw new Error(`IPv${ip.version} mask bits must be < ${width}`);
  const hostBits = BigInt(width - bits);
  const hostMask = (1n << hostBits) - 1n;
  const low = ip.value & ~hostMask & ((1n << BigInt(width)) - 1n);
  return { version: ip.version, low, high: low | hostMask };
}

export function inRange(range: IpRange, text: string): boolean {
  const ip = parseIp(text);
  return ip !== undefined && ip.version === range.version && ip.value >= range.low && ip.value <= range.high;
}
