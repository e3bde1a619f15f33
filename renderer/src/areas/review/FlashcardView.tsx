import { useLayoutEffect, useState } from 'react';
import { useScreenActive } from '../../screen-active';
import type { Flashcard } from './study-items';

export type SelfGrade = { correct: boolean; confidence: 'unsure' | 'sure' | null };

const GRADES: { label: string; grade: SelfGrade }[] = [
  { label: '몰랐어요', grade: { correct: false, confidence: null } },
  { label: '헷갈렸어요', grade: { correct: true, confidence: 'unsure' } },
  { label: '알았어요', grade: { correct: true, confidence: null } },
  { label: '확실히 알았어요', grade: { correct: true, confidence: 'sure' } },
];

/** Space shows the back; then 1–4 grade how well the learner knew it. */
export function FlashcardView({ card, onGrade }: { card: Flashcard; onGrade(g: SelfGrade): void }) {
  // Remounted per card (key), so the back starts hidden.
  const [shown, setShown] = useState(false);
  const active = useScreenActive();
  useLayoutEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      // A key a control already handled (e.g. Enter submitting a sort board) must not act twice.
      if (e.defaultPrevented) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (!shown && (e.key === ' ' || e.key === 'Enter')) {
        e.preventDefault();
        setShown(true);
        return;
      }
      const n = Number(e.key);
      if (shown && n >= 1 && n <= GRADES.length) {
        e.preventDefault();
        onGrade(GRADES[n - 1]!.grade);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, shown, onGrade]);

  return (
    <div className="flashcard card">
      <p className="muted small">용어 카드 — 뜻을 떠올린 뒤 뒤집어 보세요</p>
      <p className="front">{card.term}</p>
      {shown ? (
        <>
          <p className="back">{card.back}</p>
          <div className="row">
            {GRADES.map((g, i) => (
              <button key={g.label} className="btn" onClick={() => onGrade(g.grade)}>
                <kbd>{i + 1}</kbd> {g.label}
              </button>
            ))}
          </div>
        </>
      ) : (
        <button className="btn primary" onClick={() => setShown(true)}>
          뒤집기 <kbd>Space</kbd>
        </button>
      )}
    </div>
  );
}
