// CloudTrail digests signed with WebCrypto in the app's worker: about 0.7 ms a signature, on the engine's own
// threads, against 6 ms of BigInt on the worker's. After a 91-day fast-forward an account holds tens of
// thousands of unsigned digests; reading the newest one signed its whole chain first (about 2,000 signatures,
// some 13 s). SHA256withRSA (PKCS #1 v1.5) is deterministic: the bytes are the ones BigInt signing makes, and
// the account checks each signature with the public key before it takes it.
import { regionKey } from '../../../../../simulator/cloudtrail/crypto/region-keys';
import { privateKeyJwk } from '../../../../../simulator/cloudtrail/crypto/rsa';

/** Signs `message` with the Region's CloudTrail key; the signature as lower-case hex. */
export type DigestSigner = (region: string, message: Uint8Array<ArrayBuffer>) => Promise<string>;

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** A signer over `subtle`, or undefined where the engine has no WebCrypto (the host then signs with BigInt). */
export function webCryptoSigner(subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle): DigestSigner | undefined {
  if (!subtle) return undefined;
  const keys = new Map<string, Promise<CryptoKey>>();
  return async (region, message) => {
    let key = keys.get(region);
    if (!key) {
      key = subtle.importKey('jwk', privateKeyJwk(regionKey(region).pair), ALGORITHM, false, ['sign']);
      keys.set(region, key);
    }
    const signature = new Uint8Array(await subtle.sign(ALGORITHM.name, await key, message));
    let hex = '';
    for (const b of signature) hex += b.toString(16).padStart(2, '0');
    return hex;
  };
}
