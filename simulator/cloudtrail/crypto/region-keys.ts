// The signing key of each Region, built once from the shipped primes, and the ListPublicKeys view of it.
import { REGION_KEY_PRIMES } from './keys';
import { keyPairFromPrimes, publicKeyDer, publicKeyFingerprint, type RsaKeyPair } from './rsa';

export interface RegionKey {
  region: string;
  pair: RsaKeyPair;
  der: Uint8Array;
  fingerprint: string;
}

const cache = new Map<string, RegionKey>();

export function hasRegionKey(region: string): boolean {
  return region in REGION_KEY_PRIMES;
}

export function regionKey(region: string): RegionKey {
  const cached = cache.get(region);
  if (cached) return cached;
  const primes = REGION_KEY_PRIMES[region];
  if (!primes) throw new Error(`no CloudTrail signing key is shipped for region ${region}`);
  const pair = keyPairFromPrimes(primes[0], primes[1]);
  const der = publicKeyDer(pair.n, pair.e);
  const key = { region, pair, der, fingerprint: publicKeyFingerprint(der) };
  cache.set(region, key);
  return key;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
