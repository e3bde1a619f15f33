// A topic's access policy: the default one SNS writes at CreateTopic, and the one question the simulation
// asks of it — may an AWS service principal publish here?

/** The policy SNS gives a new topic: the owner account may do everything, nobody else anything. Service
 *  principals such as events.amazonaws.com are not "AWS": "*", so EventBridge needs its own statement
 *  (EventBridge user guide, "Amazon SNS permissions",
 *  https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html#eb-sns-permissions). */
export function defaultTopicPolicy(topicArn: string, accountId: string): string {
  return JSON.stringify({
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:RemovePermission',
          'SNS:DeleteTopic', 'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic', 'SNS:Publish',
        ],
        Resource: topicArn,
        Condition: { StringEquals: { 'AWS:SourceOwner': accountId } },
      },
    ],
  });
}

const DEFAULT_DELIVERY_POLICY = JSON.stringify({
  http: {
    defaultHealthyRetryPolicy: { minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear' },
    disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
  },
});

/** The settable attributes of a new topic. */
export function defaultTopicAttributes(topicArn: string, accountId: string): Record<string, string> {
  return { DisplayName: '', Policy: defaultTopicPolicy(topicArn, accountId), EffectiveDeliveryPolicy: DEFAULT_DELIVERY_POLICY };
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function actionCovers(pattern: unknown, action: string): boolean {
  if (typeof pattern !== 'string') return false;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(action);
}

function resourceCovers(pattern: unknown, arn: string): boolean {
  if (typeof pattern !== 'string') return false;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(arn);
}

/**
 * Whether the topic policy lets `service` (e.g. events.amazonaws.com) call sns:Publish on the topic: an Allow
 * statement naming the service principal, a covering action and resource, and no Deny doing the same.
 * Conditions other than aws:SourceArn/aws:SourceAccount are not evaluated (such statements are skipped).
 */
export function policyAllowsServicePublish(policyText: string | undefined, topicArn: string, service: string, ctx: { sourceArn?: string | undefined; sourceAccount: string }): boolean {
  return servicePublishAllowed(policyText, topicArn, service, ctx.sourceArn, ctx.sourceAccount);
}

/** policyAllowsServicePublish with the condition keys as arguments: Publish asks without making an object. */
export function servicePublishAllowed(policyText: string | undefined, topicArn: string, service: string, sourceArnKey: string | undefined, sourceAccount: string): boolean {
  // EventBridge asks this for every event a rule with an SNS target matches; the answer depends only on
  // the arguments, so it is kept rather than parsing the policy and building its patterns each time. Each
  // argument is a key of its own (nested maps): the strings are the same objects every time, with their
  // hashes already known, where one key joined from them would be a new string to hash on every publish.
  // A rule sends every event it matches to the same topic: its last question is usually asked again, and its
  // strings are then the very same objects, compared without reading their text.
  // Several rules sending to one topic take turns, so the last question is kept per source (the rule's ARN).
  const sourceArn = sourceArnKey === undefined ? NO_SOURCE : sourceArnKey;
  const last = lastBySource.get(sourceArn);
  if (last !== undefined && last.policyText === policyText && last.topicArn === topicArn && last.service === service && last.sourceAccount === sourceAccount) {
    return last.allowed;
  }
  if (decisions.size >= MAX_POLICIES) decisions.clear();
  const byTopic = within(decisions, policyText ?? '');
  const byService = within(byTopic, topicArn);
  const bySource = within(byService, service);
  const byAccount = within(bySource, sourceArn);
  let allowed = byAccount.get(sourceAccount);
  if (allowed === undefined) {
    allowed = evaluatePolicy(policyText, topicArn, service, { sourceArn: sourceArnKey, sourceAccount });
    byAccount.set(sourceAccount, allowed);
  }
  if (last !== undefined) {
    // Rewritten in place: a rule whose targets are several topics asks in turn about each.
    last.policyText = policyText;
    last.topicArn = topicArn;
    last.service = service;
    last.sourceAccount = sourceAccount;
    last.allowed = allowed;
  } else {
    if (lastBySource.size >= MAX_POLICIES) lastBySource.clear();
    lastBySource.set(sourceArn, { policyText, topicArn, service, sourceAccount, allowed });
  }
  return allowed;
}

/** Per aws:SourceArn, the question policyAllowsServicePublish answered last for it, with its answer (the answer
 *  depends on nothing else). One lookup by a string whose hash V8 already knows, where the maps below take five. */
const lastBySource = new Map<string, { policyText: string | undefined; topicArn: string; service: string; sourceAccount: string; allowed: boolean }>();

/** policy text → topic ARN → service → aws:SourceArn → aws:SourceAccount → decision. */
const decisions = new Map<string, Map<string, Map<string, Map<string, Map<string, boolean>>>>>();
/** Stands for "no aws:SourceArn", which no ARN equals. */
const NO_SOURCE = '\u0000none';
/** Policies change rarely; the bound only keeps an account that rewrites them endlessly from growing this. */
const MAX_POLICIES = 256;

/** The map under `key`, made empty when missing (without a closure per question: every level is a map). */
function within<V extends Map<string, unknown>>(m: Map<string, V>, key: string): V {
  let inner = m.get(key);
  if (inner === undefined) {
    inner = new Map() as V;
    m.set(key, inner);
  }
  return inner;
}

function evaluatePolicy(policyText: string | undefined, topicArn: string, service: string, ctx: { sourceArn?: string | undefined; sourceAccount: string }): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(policyText ?? '');
  } catch {
    return false;
  }
  if (typeof doc !== 'object' || doc === null) return false;
  let allowed = false;
  for (const st of asList((doc as { Statement?: unknown }).Statement)) {
    if (typeof st !== 'object' || st === null) continue;
    const s = st as Record<string, unknown>;
    const principal = s['Principal'];
    const services = typeof principal === 'object' && principal !== null ? asList((principal as Record<string, unknown>)['Service']) : [];
    const namesService = principal === '*' || services.includes(service);
    if (!namesService) continue;
    if (!asList(s['Action']).some((a) => actionCovers(a, 'sns:Publish'))) continue;
    if (!asList(s['Resource']).some((r) => resourceCovers(r, topicArn))) continue;
    if (!conditionsHold(s['Condition'], ctx)) continue;
    if (s['Effect'] === 'Deny') return false;
    if (s['Effect'] === 'Allow') allowed = true;
  }
  return allowed;
}

function conditionsHold(condition: unknown, ctx: { sourceArn?: string | undefined; sourceAccount: string }): boolean {
  if (condition === undefined) return true;
  if (typeof condition !== 'object' || condition === null) return false;
  for (const [op, block] of Object.entries(condition as Record<string, unknown>)) {
    if (typeof block !== 'object' || block === null) return false;
    for (const [key, want] of Object.entries(block as Record<string, unknown>)) {
      const k = key.toLowerCase();
      const have = k === 'aws:sourcearn' ? ctx.sourceArn : k === 'aws:sourceaccount' ? ctx.sourceAccount : undefined;
      if (have === undefined) return false;
      const values = asList(want).filter((v): v is string => typeof v === 'string');
      const like = op === 'ArnLike' || op === 'StringLike';
      const equals = op === 'ArnEquals' || op === 'StringEquals';
      if (!like && !equals) return false;
      if (!values.some((v) => (like ? resourceCovers(v, have) : v === have))) return false;
    }
  }
  return true;
}
