// The few types every service folder shares. Services meet only here, never in each other's internals.
// Extend additively; renaming a field here breaks every service at once.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** How a call was made; it decides userAgent, sourceIPAddress, tlsDetails and console-session fields. */
export type Channel = 'console' | 'cli' | 'sdk' | 'service';

/** CloudTrail's userIdentity block, in CloudTrail's own field names. */
export interface UserIdentity {
  type: 'Root' | 'IAMUser' | 'AssumedRole' | 'AWSService' | 'AWSAccount' | 'FederatedUser' | 'Unknown';
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  sessionContext?: {
    sessionIssuer?: { type: string; principalId: string; arn: string; accountId: string; userName: string };
    webIdFederationData?: JsonObject;
    attributes: { creationDate: string; mfaAuthenticated: 'true' | 'false' };
    sourceIdentity?: string;
  };
}

export type EventCategory = 'Management' | 'Data' | 'Insight';
export type EventType = 'AwsApiCall' | 'AwsServiceEvent' | 'AwsConsoleAction' | 'AwsConsoleSignIn' | 'AwsCloudTrailInsight';

/** One CloudTrail record as it appears in a delivered log file (field order is CloudTrail's). */
export interface CloudTrailRecord {
  eventVersion: string;
  userIdentity: UserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: JsonObject | null;
  responseElements: JsonObject | null;
  additionalEventData?: JsonObject;
  requestID?: string;
  eventID: string;
  readOnly?: boolean;
  resources?: { accountId?: string; type: string; ARN: string }[];
  eventType: EventType;
  apiVersion?: string;
  managementEvent: boolean;
  recipientAccountId: string;
  sharedEventID?: string;
  serviceEventDetails?: JsonObject;
  eventCategory: EventCategory;
  tlsDetails?: { tlsVersion: string; cipherSuite: string; clientProvidedHostHeader: string };
  sessionCredentialFromConsole?: 'true';
  insightDetails?: JsonObject;
}

/** An AWS error as the service returns it: AWS's exact code, message and HTTP status. */
/** Where the engine supports it (V8), stack capture is switched off while an AwsError is made: these are
 *  AWS's answers, thrown thousands of times a second in a busy simulation, and nobody reads their stacks. */
const errorCtor = Error as { stackTraceLimit?: number };

export class AwsError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  constructor(code: string, message: string, httpStatus = 400) {
    const limit = errorCtor.stackTraceLimit;
    if (limit !== undefined) errorCtor.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      if (limit !== undefined) errorCtor.stackTraceLimit = limit;
    }
    this.code = code;
    this.httpStatus = httpStatus;
    this.name = 'AwsError';
  }
}

/** The simulated clock. Milliseconds since the Unix epoch, moved only by the simulation. */
export interface Clock {
  now(): number;
}

/** Seeded randomness: same seed, same sequence, in Node and in a browser worker alike. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(minInclusive: number, maxExclusive: number): number;
  hex(length: number): string;
  uuid(): string;
}

/** The S3 objects CloudTrail delivers into: the s3 service implements it over its real buckets. */
export interface ObjectStore {
  bucketExists(bucket: string): boolean;
  /** Region the bucket lives in, or undefined when there is no such bucket. */
  bucketRegion(bucket: string): string | undefined;
  /** metadata: user metadata without the x-amz-meta- prefix (CloudTrail puts a digest's signature there). */
  putObject(bucket: string, key: string, body: Uint8Array, contentType?: string, metadata?: Record<string, string>): void;
  getObject(bucket: string, key: string): Uint8Array | undefined;
  deleteObject(bucket: string, key: string): void;
  listKeys(bucket: string, prefix?: string): string[];
  /** The bucket policy JSON text as PutBucketPolicy stored it, or undefined when the bucket has none. */
  bucketPolicy?(bucket: string): string | undefined;
  /** User metadata stored with an object (keys without the x-amz-meta- prefix), undefined when no object. */
  objectMetadata?(bucket: string, key: string): Record<string, string> | undefined;
  /** Stores an object whose bytes and user metadata are produced by `content` on its first read (body, ETag,
   *  size, metadata, snapshot) and kept from then on; key, content type and LastModified are set now. The
   *  store keeps the returned bytes as they are, so the producer must never change them. CloudTrail uses it
   *  so a digest is signed only when something reads it. */
  putComputedObject?(bucket: string, key: string, contentType: string, content: () => ObjectContent, recipe?: () => Json | undefined): void;
  /** Stores an object whose bytes are never kept: `content` makes them whenever they are read (always the
   *  same bytes), and a snapshot saves `content.recipe()` instead. CloudTrail's log files. */
  putReproducibleObject?(bucket: string, key: string, contentType: string, content: ReproducibleContent): void;
}

/** Bytes made again whenever read, from a recipe that a snapshot saves in their place. */
export interface ReproducibleContent {
  body(): Uint8Array;
  recipe(): Json;
}

/** How a store's snapshot keeps an object not computed yet, and how a restore gets its content back: the
 *  producer (CloudTrail for its digests) names it with a plain `recipe`, so saving does not compute it. */
export interface ComputedObjects {
  content(recipe: Json): ObjectContent;
  /** The recipe to save now, or undefined when the content is cheap to save as bytes (already computed). */
  recipe(recipe: Json): Json | undefined;
  /** The content of a saved reproducible object (see putReproducibleObject), or undefined if the recipe is
   *  not one. */
  reproducible?(recipe: Json): ReproducibleContent | undefined;
}

/** What `ObjectStore.putComputedObject` produces on first read. */
export interface ObjectContent {
  body: Uint8Array;
  metadata?: Record<string, string>;
}

/** What the action catalog knows of one action; the single source of truth for quiz, UI and records. */
export interface ActionDef {
  /** 'service:Action', e.g. 's3:PutObject', 'signin:ConsoleLogin'. */
  api: string;
  eventSource: string;
  eventName: string;
  readOnly: boolean;
  /** Management or data event as CloudTrail classifies it. */
  category: 'Management' | 'Data';
  /** false for non-API events such as console sign-in. */
  apiCall: boolean;
  eventType: EventType;
  /** CloudTrail resource types the record's `resources` may name, e.g. 'AWS::S3::Object'. */
  resourceTypes: string[];
  /** IAM, global STS, CloudFront: recorded in us-east-1 only (since November 2021). */
  globalService: boolean;
  /** Korean one-line description for the UI and quiz. */
  summaryKo: string;
  /** false for the few actions CloudTrail does not record at all (e.g. CloudWatch Logs PutLogEvents);
   *  absent means recorded. */
  recordedByCloudTrail?: false;
}

// ---------------------------------------------------------------------------------------------
// The handler shape every service's API handlers share. The call surface (simulator/core/call.ts)
// authorises the caller, runs the handler, then builds the CloudTrail record from the result:
// handlers never build records themselves and never touch another service's state.

/** Who makes a call, as the call surface resolved it before the handler runs. */
export interface Principal {
  /** Root, IAM user, assumed-role session or an AWS service acting on its own. */
  kind: 'root' | 'user' | 'role' | 'service';
  /** ARN as IAM evaluates it: arn:aws:iam::ACCT:root, …:user/NAME, arn:aws:sts::ACCT:assumed-role/ROLE/SESSION;
   *  for an AWS service its service principal, e.g. 'events.amazonaws.com'. */
  arn: string;
  /** The name CloudTrail's LookupEvents shows as Username: 'root', the user name, the role session name,
   *  or the service principal. */
  userName: string;
  /** The userIdentity block exactly as CloudTrail writes it for this caller and channel. */
  identity: UserIdentity;
}

/** Everything a handler may use besides its own service's model. */
export interface HandlerContext {
  /** Account that receives the call (the simulated account, default '123456789012'). */
  accountId: string;
  /** Region the request is sent to (the caller's chosen region, before global-service placement). */
  region: string;
  clock: Clock;
  random: Random;
  principal: Principal;
  channel: Channel;
  /** The request id AWS returns for this call; the record's requestID is the same value (EC2 also echoes
   *  it inside responseElements as `requestId`). */
  requestId: string;
}

/** What a handler hands back; the call surface turns it into the wire answer and the CloudTrail record. */
export interface HandlerResult {
  /** The API answer in the AWS SDK's shape (PascalCase members as the SDK/JSON API returns them). */
  response: JsonObject;
  /** The record's requestParameters, in CloudTrail's shape. Omitted (undefined) → the call surface derives it
   *  from the request params with every member name's first letter lowercased (what CloudTrail writes for
   *  JSON-protocol services: CreateTrail {Name} → {"name"}); null → the record says null. On an error
   *  (handler threw) the call surface always derives it that way. */
  requestParameters?: JsonObject | null;
  /** The record's responseElements, in CloudTrail's shape. Omitted → null (what read-only calls and
   *  calls returning nothing record). */
  responseElements?: JsonObject | null;
  /** The record's resources list; omitted → no `resources` field. */
  resources?: CloudTrailRecord['resources'];
  /** The record's additionalEventData; omitted → no such field (unless the call surface adds service defaults). */
  additionalEventData?: JsonObject;
  /** The call is refused with this error, exactly as if the handler had thrown it (the rest is ignored). For
   *  refusals on a hot path: EventBridge's every matched event to a topic whose policy refuses it. A throw
   *  unwinding the call path cost more than the rest of the refusal. */
  refusal?: AwsError;
}

/** One API handler. Throws AwsError for AWS's errors; returns HandlerResult on success. */
export type HandlerFn = (params: JsonObject, ctx: HandlerContext) => HandlerResult;
