import { describe, expect, it } from 'vitest';
import { Account } from '../../simulator/account';
import { START } from './support';

// Facts from AWS documentation for the actions the learner's notes name (CloudTrail user guide:
// "Understanding CloudTrail events", "Logging data events", "AWS Management Console sign-in events";
// Lambda records its control-plane calls with versioned event names).
const FACTS: Record<string, { eventSource: string; eventName: string; readOnly: boolean; category: 'Management' | 'Data'; globalService: boolean; eventType?: string }> = {
  'signin:ConsoleLogin': { eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', readOnly: false, category: 'Management', globalService: false, eventType: 'AwsConsoleSignIn' },
  'iam:AttachRolePolicy': { eventSource: 'iam.amazonaws.com', eventName: 'AttachRolePolicy', readOnly: false, category: 'Management', globalService: true },
  'ec2:CreateDefaultVpc': { eventSource: 'ec2.amazonaws.com', eventName: 'CreateDefaultVpc', readOnly: false, category: 'Management', globalService: false },
  'ec2:CreateSubnet': { eventSource: 'ec2.amazonaws.com', eventName: 'CreateSubnet', readOnly: false, category: 'Management', globalService: false },
  'cloudtrail:CreateTrail': { eventSource: 'cloudtrail.amazonaws.com', eventName: 'CreateTrail', readOnly: false, category: 'Management', globalService: false },
  's3:GetObject': { eventSource: 's3.amazonaws.com', eventName: 'GetObject', readOnly: true, category: 'Data', globalService: false },
  's3:PutObject': { eventSource: 's3.amazonaws.com', eventName: 'PutObject', readOnly: false, category: 'Data', globalService: false },
  's3:DeleteObject': { eventSource: 's3.amazonaws.com', eventName: 'DeleteObject', readOnly: false, category: 'Data', globalService: false },
  's3:DeleteBucket': { eventSource: 's3.amazonaws.com', eventName: 'DeleteBucket', readOnly: false, category: 'Management', globalService: false },
  'lambda:Invoke': { eventSource: 'lambda.amazonaws.com', eventName: 'Invoke', readOnly: false, category: 'Data', globalService: false },
  'lambda:CreateFunction': { eventSource: 'lambda.amazonaws.com', eventName: 'CreateFunction20150331', readOnly: false, category: 'Management', globalService: false },
  'sns:Publish': { eventSource: 'sns.amazonaws.com', eventName: 'Publish', readOnly: false, category: 'Data', globalService: false },
  'iam:CreateUser': { eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', readOnly: false, category: 'Management', globalService: true },
  'ec2:DescribeInstances': { eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', readOnly: true, category: 'Management', globalService: false },
  'ec2:RunInstances': { eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances', readOnly: false, category: 'Management', globalService: false },
  'sts:GetCallerIdentity': { eventSource: 'sts.amazonaws.com', eventName: 'GetCallerIdentity', readOnly: true, category: 'Management', globalService: false },
  'cloudtrail:LookupEvents': { eventSource: 'cloudtrail.amazonaws.com', eventName: 'LookupEvents', readOnly: true, category: 'Management', globalService: false },
  's3:ListObjectsV2': { eventSource: 's3.amazonaws.com', eventName: 'ListObjects', readOnly: true, category: 'Data', globalService: false },
  'cloudwatch:DescribeAlarms': { eventSource: 'monitoring.amazonaws.com', eventName: 'DescribeAlarms', readOnly: true, category: 'Management', globalService: false },
};

describe('the action catalog', () => {
  const acct = new Account({ seed: 1, startMs: START });
  const catalog = acct.catalog();

  it('holds at least 50 actions across the eleven services, each api once', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(50);
    expect(new Set(catalog.map((d) => d.api)).size).toBe(catalog.length);
    const services = new Set(catalog.map((d) => d.api.split(':')[0]));
    expect([...services].sort()).toEqual(['cloudtrail', 'cloudwatch', 'ec2', 'events', 'iam', 'lambda', 'logs', 's3', 'signin', 'sns', 'sts']);
  });

  it.each(Object.entries(FACTS))('%s is classified as AWS documents it', (api, fact) => {
    const def = catalog.find((d) => d.api === api);
    expect(def).toBeDefined();
    expect(def).toMatchObject({ eventSource: fact.eventSource, eventName: fact.eventName, readOnly: fact.readOnly, category: fact.category, globalService: fact.globalService, eventType: fact.eventType ?? 'AwsApiCall' });
  });

  it('every IAM action is global and every Describe/List/Get is read-only', () => {
    for (const d of catalog) {
      if (d.api.startsWith('iam:')) expect(d.globalService, d.api).toBe(true);
      else expect(d.globalService, d.api).toBe(false);
      if (/^(Describe|List|Get|Lookup|Head)/.test(d.api.split(':')[1] ?? '')) expect(d.readOnly, d.api).toBe(true);
    }
  });

  it('every action called (even with empty params) writes a record that matches its catalog entry', () => {
    const a = new Account({ seed: 2, startMs: START });
    const ctx = { as: 'root', region: 'eu-west-1', via: 'console' as const };
    a.call('signin:ConsoleLogin', { success: true, mfa: false }, ctx);
    for (const def of catalog) {
      if (def.api === 'signin:ConsoleLogin') continue;
      const r = a.call(def.api, {}, ctx);
      if (def.recordedByCloudTrail === false) {
        expect(r.records, def.api).toEqual([]);
        continue;
      }
      expect(r.records, def.api).toHaveLength(1);
      const rec = r.records[0]!;
      expect(rec.eventVersion).toBe('1.11');
      expect(rec.eventSource, def.api).toBe(def.eventSource);
      expect(rec.eventName, def.api).toBe(def.eventName);
      expect(rec.readOnly, def.api).toBe(def.readOnly);
      expect(rec.eventType, def.api).toBe(def.eventType);
      expect(rec.managementEvent, def.api).toBe(def.category === 'Management');
      expect(rec.eventCategory, def.api).toBe(def.category);
      expect(rec.awsRegion, def.api).toBe(def.globalService ? 'us-east-1' : 'eu-west-1');
      expect(rec.recipientAccountId).toBe('123456789012');
      expect(rec.userIdentity.type).toBe('Root');
      expect(rec.sessionCredentialFromConsole).toBe('true');
      expect(rec.requestID).toBeTruthy();
      if (!r.ok) {
        expect(rec.errorCode, def.api).toBeTruthy();
        expect(rec.errorMessage, def.api).toBe(r.error.message);
        expect(rec.responseElements, def.api).toBeNull();
      }
      if (def.readOnly && r.ok && def.category === 'Management') expect(rec.responseElements, def.api).toBeNull();
    }
  });
});
