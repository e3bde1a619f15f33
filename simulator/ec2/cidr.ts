import { AwsError } from '../core/contract';

export interface Cidr {
  base: number;
  prefix: number;
  text: string;
}

/** Parses an IPv4 CIDR block; EC2's InvalidParameterValue for anything else. */
export function parseCidr(text: string, param: string): Cidr {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  const parts = m ? m.slice(1, 5).map(Number) : [];
  const prefix = m ? Number(m[5]) : -1;
  if (!m || parts.some((n) => n > 255) || prefix > 32) {
    throw new AwsError('InvalidParameterValue', `Value (${text}) for parameter ${param} is invalid. This is not a valid CIDR block.`);
  }
  const base = parts.reduce((acc, n) => acc * 256 + n, 0);
  const size = 2 ** (32 - prefix);
  // EC2 normalises nothing: a block whose host bits are set is refused.
  if (base % size !== 0) throw new AwsError('InvalidParameterValue', `Value (${text}) for parameter ${param} is invalid. This is not a valid CIDR block.`);
  return { base, prefix, text };
}

export function size(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

export function formatIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}
