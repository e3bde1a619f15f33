// @vitest-environment happy-dom
// A screen's content laid out ahead, unseen (lay-out-unseen.tsx): a host nobody can read into (aria-hidden,
// inert, a closed shadow root) that holds the rendered content in its wrappers for two frames, then is gone.
// The scenario list's warm-up uses it, and does nothing while the learner is on that screen. The notes' warm-up
// lays out the opening note, its inline diagrams included, at the note column's width.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { layOutUnseen } from '../../renderer/src/lay-out-unseen';
import { warm as warmScenarios } from '../../renderer/src/areas/scenarios/ScenariosArea';
import { warm as warmNotes } from '../../renderer/src/areas/notes/NotesArea';
import { NOTES } from '../../renderer/src/areas/notes/note-library';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Runs the frames requested so far (and those they request), `n` deep. */
function frames(queue: FrameRequestCallback[], n: number): void {
  for (let i = 0; i < n; i++) for (const cb of queue.splice(0)) cb(0);
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('layOutUnseen', () => {
  it('renders into its wrappers in a closed shadow root, hidden from readers, and removes it two frames later', () => {
    const queue: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => queue.push(cb));
    let rendered: Element | null = null;
    function Probe() {
      return <p ref={(el) => void (el && (rendered = el))}>본문</p>;
    }
    act(() => layOutUnseen(<Probe />, { width: 612.4, wrap: ['note', 'markdown'] }));
    const host = document.querySelector('.unseen-copy') as HTMLElement;
    expect(host).not.toBeNull();
    expect(host.getAttribute('aria-hidden')).toBe('true');
    expect(host.inert).toBe(true);
    expect(host.style.width).toBe('612px');
    // Closed: the page cannot reach the copy, and its text is not the page's.
    expect(host.shadowRoot).toBeNull();
    expect(document.body.textContent).not.toContain('본문');
    // Rendered at once, straight into the innermost wrapper.
    expect(rendered!.textContent).toBe('본문');
    expect(rendered!.parentElement!.className).toBe('markdown');
    expect(rendered!.parentElement!.parentElement!.className).toBe('note');
    act(() => frames(queue, 1));
    expect(document.querySelector('.unseen-copy')).not.toBeNull();
    act(() => frames(queue, 1));
    expect(document.querySelector('.unseen-copy')).toBeNull();
  });
});

describe('the scenario list warm-up', () => {
  function main(area: string): HTMLElement {
    const m = document.createElement('main');
    m.id = 'main';
    m.dataset['area'] = area;
    document.body.append(m);
    return m;
  }

  it('lays the list out unseen while the learner is elsewhere', () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    main('home');
    act(() => warmScenarios());
    expect(document.querySelectorAll('.unseen-copy')).toHaveLength(1);
  });

  it('does nothing on the scenarios screen itself, or before the app has a main column', () => {
    act(() => warmScenarios());
    main('scenarios');
    act(() => warmScenarios());
    expect(document.querySelector('.unseen-copy')).toBeNull();
  });
});

describe('the notes warm-up', () => {
  it('lays the opening note out unseen, its diagrams drawn inline, in the note column\'s wrappers', () => {
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    // The copy's root is closed: keep it as it is made, to look inside.
    const roots: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    const m = document.createElement('main');
    m.id = 'main';
    document.body.append(m);
    const diagrams = [...NOTES[0]!.body.matchAll(/!\[([^\]]*)\]\(([^)\s]+)/g)];
    expect(diagrams.length).toBeGreaterThan(0);

    act(() => warmNotes());
    expect(document.querySelectorAll('.unseen-copy')).toHaveLength(1);
    const root = roots[0]!;
    expect(root.querySelector('h1')?.textContent).toBe(NOTES[0]!.meta.title);
    // No <img>: an SVG image is a document of its own, laid out again when first drawn.
    expect(root.querySelector('img')).toBeNull();
    const drawn = [...root.querySelectorAll('.diagram')];
    expect(drawn.map((d) => d.getAttribute('aria-label'))).toEqual(diagrams.map(([, alt]) => alt));
    for (const d of drawn) {
      expect(d.getAttribute('role')).toBe('img');
      expect(d.querySelector('svg text')?.textContent).toBe('한 번의 API 호출이 알림이 되기까지');
      // The drawing's own title would name it a second time: the note's alt text is its only name.
      expect(d.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
      expect(d.querySelector('svg')!.hasAttribute('aria-labelledby')).toBe(false);
      expect(d.querySelector('svg')!.hasAttribute('role')).toBe(false);
      expect(d.closest('.markdown')?.parentElement?.className).toBe('note');
    }
  });

  it('shows a Korean message, not an empty box, for a diagram the bundle does not have', async () => {
    const { noteBody } = await import('../../renderer/src/areas/notes/NoteView');
    const { createRoot } = await import('react-dom/client');
    const host = document.createElement('div');
    document.body.append(host);
    const note = { ...NOTES[0]!, meta: { ...NOTES[0]!.meta, id: 'missing-diagram-probe' }, body: '![없는 그림](diagrams/nowhere.svg)' };
    const root = createRoot(host);
    act(() => root.render(noteBody(note)));
    const missing = host.querySelector('.diagram-missing')!;
    expect(missing.getAttribute('aria-label')).toBe('없는 그림');
    expect(missing.textContent).toBe('그림을 찾을 수 없습니다: diagrams/nowhere.svg');
    act(() => root.unmount());
  });
});
