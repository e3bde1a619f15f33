// Small readers over a scenario's call log, so each scenario's checks read like the step they check.
import { gunzipSync, strFromU8 } from 'fflate';
import type { CloudTrailRecord, Json, JsonObject } from '../../simulator/core/contract';
import type { CallLogEntry, ScenarioAction, StepWorld } from './types';

export const ACCOUNT = '123456789012';
export const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

export function succeeded(w: { calls: CallLogEntry[] }, api: string, pred: (e: CallLogEntry) => boolean = () => true): CallLogEntry | undefined {
  return w.calls.find((e) => e.api === api && e.result.ok && pred(e));
}

export function recordsOf(calls: CallLogEntry[], eventName: string): CloudTrailRecord[] {
  return calls.flatMap((e) => e.result.records.filter((r) => r.eventName === eventName));
}

/** The routing the simulator gave one record: where it landed, and why not elsewhere. */
export interface Routing {
  eventId: string;
  eventHistory: { region: string; landed: boolean; code: string };
  trails: { trailName: string; landed: boolean; code: string }[];
}
export function routingOf(e: CallLogEntry, eventName: string): Routing | undefined {
  const i = e.result.records.findIndex((r) => r.eventName === eventName);
  return i < 0 ? undefined : (e.result.routing[i] as unknown as Routing);
}

/** Event ids a successful LookupEvents call returned. */
export function lookedUpIds(e: CallLogEntry): string[] {
  if (!e.result.ok) return [];
  const events = (e.result.response['Events'] ?? []) as Json[];
  return events.map((x) => String((x as JsonObject)['EventId']));
}

export function lookups(w: { calls: CallLogEntry[] }): CallLogEntry[] {
  return w.calls.filter((e) => e.api === 'cloudtrail:LookupEvents' && e.result.ok);
}

/** True when some LookupEvents in `region` returned the event. */
export function foundInHistory(w: { calls: CallLogEntry[] }, eventId: string, region?: string): boolean {
  return lookups(w).some((e) => (region === undefined || e.ctx.region === region) && lookedUpIds(e).includes(eventId));
}

export function trailBucketPolicy(bucket: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
      { Sid: 'AWSCloudTrailWrite', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/AWSLogs/${ACCOUNT}/*` },
    ],
  });
}

/** Real calls that give the account a logging trail into its own bucket. */
export function trailSetup(name: string, bucket: string, extra: JsonObject = {}): ScenarioAction[] {
  return [
    { api: 's3:CreateBucket', params: { Bucket: bucket } },
    { api: 's3:PutBucketPolicy', params: { Bucket: bucket, Policy: trailBucketPolicy(bucket) } },
    { api: 'cloudtrail:CreateTrail', params: { Name: name, S3BucketName: bucket, IsMultiRegionTrail: true, ...extra } },
    { api: 'cloudtrail:StartLogging', params: { Name: name } },
  ];
}

/** An IAM user who can sign in to the console (no MFA) with full permissions. */
export function consoleUser(name: string): ScenarioAction[] {
  return [
    { api: 'iam:CreateUser', params: { UserName: name } },
    { api: 'iam:CreateLoginProfile', params: { UserName: name, Password: 'Trailwatch-Study-1!' } },
    { api: 'iam:AttachUserPolicy', params: { UserName: name, PolicyArn: ADMIN } },
  ];
}

export function keysUnder(e: CallLogEntry): string[] {
  if (!e.result.ok) return [];
  return ((e.result.response['Contents'] ?? []) as Json[]).map((c) => String((c as JsonObject)['Key']));
}

export const lastOk = (w: StepWorld, api: string) => [...w.calls].reverse().find((e) => e.api === api && e.result.ok);

/** The text of a gzip object S3 GetObject returned (its Body is base64 of the exact bytes); '' when not gzip. */
export function gunzipText(body: Json | undefined): string {
  if (typeof body !== 'string') return '';
  try {
    const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
    return strFromU8(gunzipSync(bytes));
  } catch {
    return '';
  }
}
