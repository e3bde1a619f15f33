import { AwsError, type Json } from '../core/contract';

export interface LambdaFunction {
  functionName: string;
  functionArn: string;
  runtime: string;
  role: string;
  handler: string;
  description: string;
  timeout: number;
  memorySize: number;
  codeSha256: string;
  codeSize: number;
  lastModified: number;
  revisionId: string;
}

/** Lambda functions per Region. */
export class LambdaModel {
  regions: Record<string, Record<string, LambdaFunction>> = {};
  /** Log stream of each function's warm execution environment (kept so a restored account stays warm). */
  warmStreams: Record<string, string> = {};

  functions(region: string): Record<string, LambdaFunction> {
    return (this.regions[region] ??= {});
  }
  /** Finds a function by name, partial or full ARN, or Lambda's ResourceNotFoundException. */
  find(region: string, accountId: string, nameOrArn: string): LambdaFunction {
    const name = nameOrArn.startsWith('arn:') ? (nameOrArn.split(':')[6] ?? '') : nameOrArn.split(':')[0] ?? '';
    const f = this.functions(region)[name];
    if (!f) throw new AwsError('ResourceNotFoundException', `Function not found: arn:aws:lambda:${region}:${accountId}:function:${name}`, 404);
    return f;
  }
  snapshot(): Json {
    return JSON.parse(JSON.stringify({ regions: this.regions, warmStreams: this.warmStreams })) as Json;
  }
  restore(s: Json): void {
    const o = JSON.parse(JSON.stringify(s)) as { regions: Record<string, Record<string, LambdaFunction>>; warmStreams: Record<string, string> };
    this.regions = o.regions;
    this.warmStreams = o.warmStreams;
  }
}
