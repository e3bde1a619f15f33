import type { Json } from '../core/contract';

/** A signed-in console session: the console works with temporary credentials issued at sign-in. */
export interface ConsoleSession {
  accessKeyId: string;
  creationDate: number;
  mfaAuthenticated: boolean;
}

export class SigninModel {
  /** Keyed by 'root' or the IAM user name. A later sign-in replaces the earlier session. */
  sessions: Record<string, ConsoleSession> = {};
  snapshot(): Json {
    return JSON.parse(JSON.stringify(this.sessions)) as Json;
  }
  restore(s: Json): void {
    this.sessions = JSON.parse(JSON.stringify(s)) as Record<string, ConsoleSession>;
  }
}
