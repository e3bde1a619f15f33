import type { DragEvent, KeyboardEvent } from 'react';

interface Props {
  sort: { buckets: string[]; cards: { label: string; bucket: number }[] };
  draft: (number | null)[];
  locked: boolean;
  onChange(draft: (number | null)[]): void;
  onSubmit(): void;
}

/** Drag cards into buckets, or focus a card and press a bucket's number; Enter submits once all are placed. */
export function SortBoard({ sort, draft, locked, onChange, onSubmit }: Props) {
  const place = (card: number, bucket: number | null) => {
    if (locked) return;
    onChange(draft.map((b, i) => (i === card ? bucket : b)));
  };
  const allPlaced = draft.every((b) => b !== null);

  const onCardKey = (e: KeyboardEvent, card: number) => {
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= sort.buckets.length) {
      e.preventDefault();
      place(card, n - 1);
    } else if (e.key === '0' || e.key === 'Backspace') {
      e.preventDefault();
      place(card, null);
    } else if (e.key === 'Enter' && allPlaced && !locked) {
      e.preventDefault();
      onSubmit();
    }
  };
  const onDrop = (e: DragEvent, bucket: number | null) => {
    e.preventDefault();
    const card = Number(e.dataTransfer.getData('text/plain'));
    if (Number.isInteger(card)) place(card, bucket);
  };

  const cardsIn = (bucket: number | null) => sort.cards.map((c, i) => ({ c, i })).filter(({ i }) => draft[i] === bucket);
  const renderCard = ({ c, i }: { c: { label: string; bucket: number }; i: number }) => {
    const verdict = locked ? (draft[i] === c.bucket ? 'right' : 'wrong') : '';
    return (
      <li key={c.label}>
        <button
          className={`sort-card ${verdict}`}
          draggable={!locked}
          onDragStart={(e) => e.dataTransfer.setData('text/plain', String(i))}
          onKeyDown={(e) => onCardKey(e, i)}
          aria-label={`${c.label}${draft[i] !== null ? ` — ${sort.buckets[draft[i]!]}` : ' — 아직 분류하지 않음'}${locked && verdict === 'wrong' ? ` (정답: ${sort.buckets[c.bucket]})` : ''}`}
        >
          <code>{c.label}</code>
          {locked && verdict === 'wrong' && <span className="small"> → {sort.buckets[c.bucket]}</span>}
        </button>
      </li>
    );
  };

  return (
    <div className="sort-board">
      <p className="muted small">카드를 끌어다 놓거나, 카드에 초점을 두고 {sort.buckets.map((b, i) => `${i + 1}(${b})`).join(', ')} 키를 누르세요. 0은 되돌리기.</p>
      <div className="sort-zone unplaced" onDragOver={(e) => e.preventDefault()} onDrop={(e) => onDrop(e, null)} aria-label="분류할 카드">
        <ul>{cardsIn(null).map(renderCard)}</ul>
      </div>
      <div className="sort-buckets">
        {sort.buckets.map((name, b) => (
          <section key={name} className="sort-zone" onDragOver={(e) => e.preventDefault()} onDrop={(e) => onDrop(e, b)} aria-label={name}>
            <h3>
              <kbd>{b + 1}</kbd> {name}
            </h3>
            <ul>{cardsIn(b).map(renderCard)}</ul>
          </section>
        ))}
      </div>
      {!locked && (
        <button className="btn primary" disabled={!allPlaced} onClick={onSubmit}>
          채점하기
        </button>
      )}
    </div>
  );
}
