import type { Channel } from './contract';

// How the way a call was made shows in its record. Versions are fixed so output is byte-identical run to run.
const CLI = 'aws-cli/2.22.35 md/awscrt#0.23.8 ua/2.0 os/linux#6.8.0-1021-aws md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off';
const SDK_VERSION = '3.723.0';
const S3_CONSOLE =
  '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.750 Linux/5.10.224-190.876.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.412-b09 java/1.8.0_412 vendor/Oracle_Corporation cfg/retry-mode/standard]';
/** The browser a console user signs in with (ConsoleLogin records carry the browser's user agent). */
export const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

function kebab(op: string): string {
  return op.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

/** userAgent for one call. S3 writes the agent in brackets for SDK and CLI calls. */
export function userAgentFor(channel: Channel, svc: string, op: string, servicePrincipal?: string): string {
  let ua: string;
  switch (channel) {
    case 'console':
      // The S3 console calls S3 through its own SDK client and says so; other consoles show "AWS Internal".
      return svc === 's3' ? S3_CONSOLE : 'AWS Internal';
    case 'cli':
      ua = `${CLI} md/command#${svc === 'cloudwatch' ? 'cloudwatch' : svc}.${kebab(op)}`;
      break;
    case 'sdk':
      ua = `aws-sdk-js/${SDK_VERSION} ua/2.1 os/linux#6.8.0-1021-aws lang/js md/nodejs#20.18.1 api/${svc}#${SDK_VERSION} m/E`;
      break;
    case 'service':
      return servicePrincipal ?? 'AWS Internal';
  }
  return svc === 's3' ? `[${ua}]` : ua;
}

/** A documentation address (RFC 5737 TEST-NET-3) fixed per person, so one learner's calls share an IP. */
export function sourceIpFor(who: string): string {
  let h = 2166136261;
  for (let i = 0; i < who.length; i++) h = Math.imul(h ^ who.charCodeAt(i), 16777619) >>> 0;
  return `203.0.113.${(h % 254) + 1}`;
}

/** The Host header a client sends to a service endpoint in a region. */
export function endpointHost(svc: string, region: string): string {
  if (svc === 'iam') return 'iam.amazonaws.com';
  if (svc === 'cloudwatch') return `monitoring.${region}.amazonaws.com`;
  if (svc === 's3') return `s3.${region}.amazonaws.com`;
  return `${svc}.${region}.amazonaws.com`;
}

/** TLS negotiated by current CLI and SDK clients (TLS 1.3). Console calls go through AWS's proxy: no tlsDetails. */
export function tlsFor(channel: Channel, host: string): { tlsVersion: string; cipherSuite: string; clientProvidedHostHeader: string } | undefined {
  if (channel !== 'cli' && channel !== 'sdk') return undefined;
  return { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: host };
}
