import { useCallback, useEffect, useState } from 'react';
import { useSim } from './sim-context';
import { koNumber, utc } from './format';

type Note = { Id: string; Endpoint: string; TopicArn: string; Subject: string | null; Message: string; Timestamp: string; Read: boolean; Origin?: { kind?: string } };

/** The learner's mailbox: what SNS email subscriptions received (sim:ReadInbox, not an AWS call, not recorded). */
export function InboxPanel() {
  const { client, ctx, revision, refresh } = useSim();
  const [notes, setNotes] = useState<Note[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [limit, setLimit] = useState(INBOX_PAGE);
  const [total, setTotal] = useState(0);

  // The newest page only: weeks of alarms and rule matches are tens of thousands of messages, all rewritten
  // and drawn on every change if asked for at once.
  const load = useCallback(async () => {
    const r = await client.request({ kind: 'sim', api: 'sim:ReadInbox', params: { MaxResults: limit }, ctx });
    if (!r.ok) return setMissing(true);
    setNotes((r.response?.['Notifications'] as Note[] | undefined) ?? []);
    setTotal(Number(r.response?.['TotalCount'] ?? 0));
  }, [client, ctx, limit]);

  useEffect(() => void load(), [load, revision]);

  const read = async (n: Note) => {
    setOpen(n.Id);
    if (!n.Read) {
      await client.request({ kind: 'sim', api: 'sim:MarkNotificationRead', params: { Id: n.Id }, ctx });
      refresh();
    }
  };

  if (missing) return <p className="muted">이 시뮬레이터에는 아직 알림함이 없습니다.</p>;
  return (
    <div className="card sim-inbox">
      <h2>알림함 (이메일 구독)</h2>
      <p className="muted small">SNS 주제의 이메일 구독이 받은 메시지입니다(경보, EventBridge 규칙, Publish). 읽는 것은 AWS 호출이 아니므로 기록되지 않습니다.</p>
      {notes.length === 0 ? <p className="muted">받은 알림이 없습니다. sns:CreateTopic → sns:Subscribe(Protocol email) 후 Publish하거나 경보·규칙의 대상으로 연결해 보세요.</p> : null}
      <ul className="sim-notes">
        {notes.map((n) => (
          <li key={n.Id} className={n.Read ? '' : 'unread'}>
            <button className="sim-note-head" onClick={() => void read(n)} aria-expanded={open === n.Id}>
              <strong>{n.Subject ?? '(제목 없음)'}</strong>
              <span className="muted small">{n.Endpoint} · {n.TopicArn.split(':').pop()} · {utc(Date.parse(n.Timestamp))}</span>
            </button>
            {open === n.Id ? <pre className="sim-pre sim-message">{prettyMessage(n.Message)}</pre> : null}
          </li>
        ))}
      </ul>
      {total > notes.length ? (
        <p className="row">
          <span className="muted small">최신 {koNumber(notes.length)}개 표시 (전체 {koNumber(total)}개)</span>
          <button className="btn small" onClick={() => setLimit((n) => n + INBOX_PAGE)}>
            {koNumber(Math.min(INBOX_PAGE, total - notes.length))}개 더 보기
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** Messages listed at first, and added by each "더 보기". */
const INBOX_PAGE = 100;

/** Unread count for the tab label. */
export function useUnreadCount(): number {
  const { client, ctx, revision } = useSim();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    void client.request({ kind: 'sim', api: 'sim:ReadInbox', params: { UnreadOnly: true, MaxResults: 0 }, ctx }).then((r) => live && setCount(Number(r.response?.['UnreadCount'] ?? 0)), () => {});
    return () => {
      live = false;
    };
  }, [client, ctx, revision]);
  return count;
}

/** Alarm and EventBridge notifications are JSON documents; shown indented, as a mail client would not, but readable. */
function prettyMessage(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
