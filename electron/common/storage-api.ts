import type { DocData, DocKey } from './documents';

/** What a load tells the learner besides the data: set when a stored document was unreadable and put aside. */
export interface LoadResult<K extends DocKey> {
  data: DocData[K];
  /** Korean message for the learner, e.g. that a corrupt file was kept aside under a new name. */
  noticeKo?: string;
}

export type ImportResult = { ok: true } | { ok: false; errorKo: string };

/** The one persistence API the renderer sees, in Electron (over IPC) and in the browser alike. */
export interface TrailwatchStorage {
  load<K extends DocKey>(key: K): Promise<LoadResult<K>>;
  save<K extends DocKey>(key: K, data: DocData[K]): Promise<void>;
  /** All documents as the JSON text of an export file. */
  exportAll(): Promise<string>;
  /** Replaces every document with the file's, or refuses the whole file and changes nothing. */
  importAll(text: string): Promise<ImportResult>;
  /** Forgets every document (the learner confirmed it). */
  resetAll(): Promise<void>;
  /** Where the data lives, in words for the settings screen. */
  describeLocation(): Promise<string>;
}
