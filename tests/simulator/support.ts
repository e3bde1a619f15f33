import { Account, type AccountOptions } from '../../simulator/account';
import type { CloudTrailRecord, Json, JsonObject } from '../../simulator/core/contract';
import type { CloudTrailPort } from '../../simulator/core/cloudtrail-port';
import type { CallResult } from '../../simulator/core/call';

/** A CloudTrail stand-in that only keeps what it is given, for tests of the account on its own. */
export function recordingCloudTrail(): { port: CloudTrailPort; ingested: CloudTrailRecord[] } {
  const ingested: CloudTrailRecord[] = [];
  const port: CloudTrailPort = {
    ingest: (r) => {
      ingested.push(r);
      return { eventHistory: r.managementEvent ? r.awsRegion : null } as Json;
    },
    advanceTo: () => {},
    handlers: {},
    catalog: [],
    snapshot: () => null,
    restore: () => {},
  };
  return { port, ingested };
}

export const START = Date.parse('2026-11-01T00:00:00Z');

export function newAccount(o: Partial<AccountOptions> = {}): { acct: Account; ingested: CloudTrailRecord[] } {
  const { port, ingested } = recordingCloudTrail();
  const acct = new Account({ seed: 1, startMs: START, cloudTrail: () => port, ...o });
  return { acct, ingested };
}

export function ok(r: CallResult): JsonObject {
  if (!r.ok) throw new Error(`call failed: ${r.error.code}: ${r.error.message}`);
  return r.response;
}

export function onlyRecord(r: CallResult): CloudTrailRecord {
  if (r.records.length !== 1 || !r.records[0]) throw new Error(`expected one record, got ${r.records.length}`);
  return r.records[0];
}

/** Root signs in to the console; most set-ups start there. */
export function rootConsole(acct: Account, region = 'us-east-1') {
  ok(acct.call('signin:ConsoleLogin', { success: true, mfa: true }, { as: 'root', region, via: 'console' }));
  return { as: 'root', region, via: 'console' as const };
}

/** Creates an IAM user with an access key (for cli/sdk calls) and the given managed policies. */
export function userWithKey(acct: Account, name: string, policyArns: string[] = []): void {
  const root = rootConsole(acct);
  ok(acct.call('iam:CreateUser', { UserName: name }, root));
  ok(acct.call('iam:CreateAccessKey', { UserName: name }, root));
  for (const arn of policyArns) ok(acct.call('iam:AttachUserPolicy', { UserName: name, PolicyArn: arn }, root));
}
