import type { Json } from '../core/contract';

/** One set of temporary credentials issued by AssumeRole. */
export interface RoleSession {
  roleName: string;
  sessionName: string;
  accessKeyId: string;
  creationDate: number;
  expiration: number;
  mfaAuthenticated: boolean;
  sourceIdentity?: string;
  /** ARN of whoever assumed the role (for the explanation views). */
  assumedBy: string;
}

export class StsModel {
  sessions: RoleSession[] = [];
  /** The newest session of a role still valid at `nowMs`. */
  latest(roleName: string, nowMs: number): RoleSession | undefined {
    for (let i = this.sessions.length - 1; i >= 0; i--) {
      const s = this.sessions[i];
      if (s && s.roleName === roleName && s.expiration > nowMs) return s;
    }
    return undefined;
  }
  snapshot(): Json {
    return JSON.parse(JSON.stringify(this.sessions)) as Json;
  }
  restore(s: Json): void {
    this.sessions = JSON.parse(JSON.stringify(s)) as RoleSession[];
  }
}
