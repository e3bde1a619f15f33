// The records waiting in one lane. A lane delivers a file every five minutes, and a steady account brings about
// as many records in each: a list grown by push from empty was copied three times on the way to fifty records
// (V8 grows it to 16, 40, then 76 slots), some 200 bytes a call over the bench account's twenty lanes. The list
// starts at the size of the lane's previous file instead, and is cut to its records when taken (shortening frees
// the spare slots in place).
import { waitingText, type HistoryTexts, type WaitingRecord } from './lanes';

export class LaneBuffer {
  private items: WaitingRecord[];
  private count: number;
  /** The record count of the last list taken: the size the next list starts at. */
  private expected = 0;

  constructor(records: WaitingRecord[] = []) {
    this.items = records;
    this.count = records.length;
  }

  get length(): number {
    return this.count;
  }

  push(record: WaitingRecord): void {
    const n = this.count;
    if (n < this.items.length) this.items[n] = record;
    else if (n === 0 && this.expected > 0) (this.items = new Array<WaitingRecord>(this.expected))[0] = record;
    else this.items.push(record);
    this.count = n + 1;
  }

  /** The waiting records, in arrival order, as a list of exactly them; the lane starts an empty one. The list
   *  is the caller's: the buffer never touches it again. */
  take(): WaitingRecord[] {
    const items = this.items;
    if (items.length !== this.count) items.length = this.count;
    this.expected = this.count;
    this.items = [];
    this.count = 0;
    return items;
  }

  /** The waiting records' texts, in arrival order (what a snapshot keeps). */
  texts(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = waitingText(this.items[i]!);
    return out;
  }

  /** Keeps the texts and values of the records `store` holds under id `below` (DeliveryLanes.keepTexts). Every
   *  record is looked at: a lane mostly holds a store's records in id order, but a record routed while another was
   *  being routed could come before it with a higher id. */
  keepTexts(store: HistoryTexts, below: number, valuesOf: (json: string) => readonly (string | undefined)[]): void {
    for (let i = 0; i < this.count; i++) {
      const r = this.items[i]!;
      if (r.historyStore !== store || r.historyId >= below) continue;
      if (r.json === undefined) {
        r.json = waitingText(r);
        r.values ??= valuesOf(r.json);
      }
    }
  }
}
