import { useMemo, useState } from 'react';
import { layOutUnseen, mainContentWidth } from '../../lay-out-unseen';
import { useApp } from '../../store/app-store';
import { NOTES, diagramUrl, noteById } from './note-library';
import { searchNotes } from './search';
import { NoteView, noteBody, noteBodyKept } from './NoteView';

/** Images kept loading or loaded, so the browser keeps their parsed documents for the note's own <img>. */
const warmedImages: HTMLImageElement[] = [];

/** styles.css: .notes-layout's first column and gap, .note's max-width. */
const SIDEBAR_AND_GAP = 270 + 28;
const NOTE_MAX_WIDTH = 860;

/** The note the notes screen opens on, made ahead while the page is idle: its Markdown rendered (the screen's
 *  costly script on a first visit), and its diagrams loaded, decoded and drawn once unseen (an SVG diagram's document
 *  was parsed and laid out in the first frames of the visit, about 35 ms here, and drawing it the first time
 *  took another 12–16 ms of the visit's first frame: 3 ms without the diagram). */
export function warm(): void {
  const id = useApp.getState().noteId ?? NOTES[0]?.meta.id;
  const note = id ? noteById(id) : undefined;
  // Shown already (the learner went to the notes first): nothing left to get ready.
  if (!note || noteBodyKept(note.meta.id)) return;
  const main = mainContentWidth();
  // As wide as the note's column, in the note's own wrappers.
  const column = main === undefined ? undefined : Math.min(NOTE_MAX_WIDTH, Math.max(320, main - SIDEBAR_AND_GAP));
  if (column !== undefined) layOutUnseen(noteBody(note), { width: column, wrap: ['note', 'markdown'] });
  for (const [, src] of note.body.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)) {
    const url = diagramUrl(src ?? '');
    if (!url) continue;
    const img = new Image();
    img.src = url;
    // Drawn once, decoded, at the size the note shows it: the copy of the note above is gone before the image
    // arrives, and its diagram sat below the window, where nothing is drawn.
    img.decode().then(
      () => {
        if (column !== undefined) layOutUnseen(<img className="diagram" src={url} alt="" />, { width: column, wrap: ['note', 'markdown'] });
      },
      () => {
        // Drawn (or reported broken) when the note shows it, as without warming.
      },
    );
    warmedImages.push(img);
  }
}

export default function NotesArea() {
  const noteId = useApp((s) => s.noteId) ?? NOTES[0]?.meta.id ?? null;
  const openNote = useApp((s) => s.openNote);
  const progress = useApp((s) => s.progress);
  const [query, setQuery] = useState('');
  const hits = useMemo(() => searchNotes(NOTES, query), [query]);
  const note = noteId ? noteById(noteId) : undefined;

  return (
    <div className="notes-layout">
      <aside className="notes-side" aria-label="노트 목록">
        <label className="search">
          <span className="visually-hidden">노트 검색</span>
          <input type="search" placeholder="노트 검색 (예: 90일, 데이터 이벤트)" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {query.trim() ? (
          <div role="region" aria-label="검색 결과" aria-live="polite">
            <p className="muted small">{hits.length ? `${hits.length}개 노트에서 찾았습니다` : '찾는 말이 있는 노트가 없습니다'}</p>
            <ul className="note-list">
              {hits.map((h) => (
                <li key={h.id}>
                  <button className={h.id === noteId ? 'note-link result active' : 'note-link result'} onClick={() => openNote(h.id)}>
                    <strong>{h.title}</strong>
                    <span className="snippet">{h.snippet}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <ul className="note-list">
            {NOTES.map((n) => (
              <li key={n.meta.id}>
                <button className={n.meta.id === noteId ? 'note-link active' : 'note-link'} aria-current={n.meta.id === noteId ? 'page' : undefined} onClick={() => openNote(n.meta.id)}>
                  <span>{n.meta.title}</span>
                  <span className="marks">
                    {progress.bookmarks.includes(n.meta.id) && <span title="책갈피" aria-label="책갈피">★</span>}
                    {progress.notesRead.includes(n.meta.id) && <span title="읽음" aria-label="읽음">✓</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
      {note ? <NoteView note={note} /> : <p className="muted">노트가 없습니다.</p>}
    </div>
  );
}
