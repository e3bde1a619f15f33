import { z } from 'zod';
import {
  DOC_KEYS,
  DocumentError,
  type DocData,
  type DocKey,
  type StoredDocument,
  currentSchemas,
  defaults,
  docLabelsKo,
  upgradeDocument,
  wrapDocument,
} from './documents';
import type { ImportResult, LoadResult, TrailwatchStorage } from './storage-api';

/** Raw storage of one document per key; the file system in Electron, lowdb's browser storage on the web. */
export interface StorageBackend {
  /** The stored value, or undefined when nothing is stored. Throws when the stored bytes cannot be read. */
  read(key: DocKey): Promise<unknown>;
  write(key: DocKey, doc: StoredDocument): Promise<void>;
  /** Moves the stored value aside under a new name so nothing is lost; returns that name. */
  quarantine(key: DocKey): Promise<string>;
  remove(key: DocKey): Promise<void>;
  describeLocation(): string;
}

export const EXPORT_FORMAT = 'trailwatch-export';
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

const exportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  documents: z.record(z.string(), z.unknown()),
});

/** Both implementations share this, so validation, recovery and import rules cannot drift apart. */
export function createStorage(backend: StorageBackend, now: () => Date = () => new Date()): TrailwatchStorage {
  async function load<K extends DocKey>(key: K): Promise<LoadResult<K>> {
    let raw: unknown;
    let problem: string | undefined;
    try {
      raw = await backend.read(key);
    } catch {
      problem = '파일을 읽을 수 없습니다(JSON이 깨졌습니다).';
    }
    if (problem === undefined) {
      if (raw === undefined) return { data: defaults[key]() };
      try {
        return { data: upgradeDocument(key, raw) };
      } catch (e) {
        problem = e instanceof DocumentError ? e.reasonKo : '알 수 없는 오류로 읽지 못했습니다.';
      }
    }
    const keptAs = await backend.quarantine(key);
    return {
      data: defaults[key](),
      noticeKo: `저장된 ${docLabelsKo[key]} 데이터가 손상되어 "${keptAs}"(으)로 옮겨 두고 새 데이터로 시작합니다. 이유: ${problem}`,
    };
  }

  async function save<K extends DocKey>(key: K, data: DocData[K]): Promise<void> {
    const parsed = currentSchemas[key].parse(data) as DocData[K];
    await backend.write(key, wrapDocument(key, parsed));
  }

  async function exportAll(): Promise<string> {
    const documents: Record<string, StoredDocument> = {};
    for (const key of DOC_KEYS) documents[key] = wrapDocument(key, (await load(key)).data);
    return JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, exportedAt: now().toISOString(), documents }, null, 2);
  }

  async function importAll(text: string): Promise<ImportResult> {
    if (text.length > MAX_IMPORT_CHARS) return { ok: false, errorKo: '파일이 너무 큽니다(64MB 초과). Trailwatch 내보내기 파일이 맞는지 확인하세요.' };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, errorKo: 'JSON 형식이 아닙니다. Trailwatch에서 내보낸 파일을 선택하세요.' };
    }
    const file = exportFile.safeParse(json);
    if (!file.success) return { ok: false, errorKo: 'Trailwatch 내보내기 파일이 아닙니다(format, formatVersion, documents 항목 확인).' };
    const upgraded: Partial<{ [K in DocKey]: DocData[K] }> = {};
    for (const key of DOC_KEYS) {
      const raw = file.data.documents[key];
      if (raw === undefined) return { ok: false, errorKo: `${docLabelsKo[key]}(${key}) 항목이 없습니다. 아무것도 바꾸지 않았습니다.` };
      try {
        (upgraded as Record<DocKey, unknown>)[key] = upgradeDocument(key, raw);
      } catch (e) {
        const reason = e instanceof DocumentError ? e.reasonKo : '읽을 수 없습니다.';
        return { ok: false, errorKo: `${docLabelsKo[key]}(${key}) 항목이 올바르지 않습니다: ${reason} 아무것도 바꾸지 않았습니다.` };
      }
    }
    for (const key of DOC_KEYS) await backend.write(key, wrapDocument(key, upgraded[key] as DocData[typeof key]));
    return { ok: true };
  }

  async function resetAll(): Promise<void> {
    for (const key of DOC_KEYS) await backend.remove(key);
  }

  return { load, save, exportAll, importAll, resetAll, describeLocation: async () => backend.describeLocation() };
}

/** A name to keep a corrupt document under, beside the original, that sorts by time. */
export function quarantineName(base: string, when: Date): string {
  return `${base}.corrupt-${when.toISOString().replace(/[:.]/g, '-')}`;
}
