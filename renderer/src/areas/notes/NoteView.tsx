import type { ReactElement, ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { useApp } from '../../store/app-store';
import { GLOSSARY, diagramSvg, noteById, type Note } from './note-library';
import { remarkGlossary } from './remark-glossary';

const glossaryPlugin = remarkGlossary(GLOSSARY);

const components: Components = {
  h1: ({ children }) => <h1 id="notes-title">{children as ReactNode}</h1>,
  img: ({ src, alt }) => {
    const svg = diagramSvg(String(src ?? ''));
    if (svg === undefined) return <span className="diagram-missing" role="img" aria-label={alt ?? ''}>그림을 찾을 수 없습니다: {String(src ?? '')}</span>;
    // Our own bundled diagram (content/notes/diagrams, checked by tests/content: no script, no style), drawn
    // inline; the note's alt text names it for screen readers. Its box keeps the drawing's proportions, so the
    // page knows its height while it is skipped off screen (styles.css: content-visibility).
    const [, w, h] = /viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg) ?? [];
    return <span className="diagram" role="img" aria-label={alt ?? ''} style={w && h ? { aspectRatio: `${w} / ${h}` } : undefined} dangerouslySetInnerHTML={{ __html: svg }} />;
  },
  a: ({ href = '', children }) => {
    const target = /^(?:\.\/)?([a-z0-9-]+)\.md(?:#.*)?$/.exec(href)?.[1];
    if (target && noteById(target)) {
      return <a href={`#note-${target}`} onClick={(e) => { e.preventDefault(); useApp.getState().openNote(target); }}>{children as ReactNode}</a>;
    }
    return <a href={href} target="_blank" rel="noreferrer noopener">{children as ReactNode}</a>;
  },
};

/** Each note's body rendered once: parsing a long note's Markdown took tens of milliseconds, on every visit to
 *  the notes and on every click that changed progress (a bookmark, "read"). The notes are fixed content. */
const rendered = new Map<string, ReactElement>();
/** Whether the note's body has been rendered (shown, or warmed) already. */
export function noteBodyKept(id: string): boolean {
  return rendered.has(id);
}

export function noteBody(note: Note): ReactElement {
  const kept = rendered.get(note.meta.id);
  if (kept) return kept;
  // Markdown is react-markdown's synchronous component: a plain function of its props, without hooks.
  const body = Markdown({ children: note.body, remarkPlugins: [remarkGfm, glossaryPlugin], components, skipHtml: true });
  rendered.set(note.meta.id, body);
  return body;
}

export function NoteView({ note }: { note: Note }) {
  const progress = useApp((s) => s.progress);
  const updateProgress = useApp((s) => s.updateProgress);
  const trySimulator = useApp((s) => s.trySimulator);
  const id = note.meta.id;
  const read = progress.notesRead.includes(id);
  const bookmarked = progress.bookmarks.includes(id);

  const toggle = (list: 'notesRead' | 'bookmarks') =>
    void updateProgress((p) => ({ ...p, [list]: p[list].includes(id) ? p[list].filter((x) => x !== id) : [...p[list], id] }));


  return (
    <article className="note" aria-labelledby="notes-title" key={id}>
      <header className="note-head">
        <p className="muted small">노트 {note.meta.order}</p>
        <div className="row end note-actions">
          <button className="btn small" aria-pressed={bookmarked} onClick={() => toggle('bookmarks')}>{bookmarked ? '★ 책갈피 해제' : '☆ 책갈피'}</button>
          <button className="btn small" aria-pressed={read} onClick={() => toggle('notesRead')}>{read ? '✓ 읽음' : '읽음으로 표시'}</button>
        </div>
      </header>
      <div className="markdown" data-testid="note-body">
        {noteBody(note)}
      </div>
      {note.meta.tryInSimulator && note.meta.tryInSimulator.length > 0 && (
        <section className="card try" aria-label="시뮬레이터에서 해보기">
          <h2>시뮬레이터에서 해보기</h2>
          <div className="row">
            {note.meta.tryInSimulator.map((t) => (
              <button key={t.api} className="btn" onClick={() => trySimulator(t.api)}>
                {t.label} <code>{t.api}</code>
              </button>
            ))}
          </div>
        </section>
      )}
      <section className="card docs" aria-label="AWS 문서">
        <h2>AWS 문서</h2>
        <ul>
          {note.meta.awsDocs.map((d) => (
            <li key={d.url}><a href={d.url} target="_blank" rel="noreferrer noopener">{d.title}</a></li>
          ))}
        </ul>
      </section>
    </article>
  );
}
