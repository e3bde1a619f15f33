import { useMemo, useState } from 'react';
import { layOutUnseen, mainContentWidth } from '../../lay-out-unseen';
import { useApp } from '../../store/app-store';
import { NOTES, noteById } from './note-library';
import { searchNotes } from './search';
import { NoteView, noteBody, noteBodyKept } from './NoteView';

/** styles.css: .notes-layout's first column and gap, .note's max-width. */
const SIDEBAR_AND_GAP = 270 + 28;
const NOTE_MAX_WIDTH = 860;

/** The note the notes screen opens on, made ahead while the page is idle: its Markdown rendered (the screen's
 *  costly script on a first visit) and laid out once unseen, its inline diagrams' Korean text included. */
export function warm(): void {
  const id = useApp.getState().noteId ?? NOTES[0]?.meta.id;
  const note = id ? noteById(id) : undefined;
  // Shown already (the learner went to the notes first): nothing left to get ready.
  if (!note || noteBodyKept(note.meta.id)) return;
  const main = mainContentWidth();
  // As wide as the note's column, in the note's own wrappers.
  const column = main === undefined ? undefined : Math.min(NOTE_MAX_WIDTH, Math.max(320, main - SIDEBAR_AND_GAP));
  if (column !== undefined) layOutUnseen(noteBody(note), { width: column, wrap: ['note', 'markdown'] });
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
