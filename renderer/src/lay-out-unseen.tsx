import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

/**
 * Lays `body` out and paints it once, unseen, then removes it two frames later: the first layout of a screen's
 * text (shaped in its fonts: a note took 15–25 ms, the scenario list 10–16 ms) landed in the frame of a first
 * visit and could drop it; the browser keeps what it learned for the real showing. `width` is the width the real content gets;
 * `wrap` the class names of the elements it sits in there, outermost first, so the page's rules apply the same.
 * Styled by the page's own rules, in a closed shadow root, so nothing that looks for text or headings on the
 * page (a screen reader, a test) meets this copy in the two frames it exists.
 */
export function layOutUnseen(body: ReactElement, o: { width: number; wrap: readonly string[] }): void {
  const host = document.createElement('div');
  host.className = 'unseen-copy';
  host.style.width = `${Math.round(o.width)}px`;
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.adoptedStyleSheets = [pageRules()];
  let parent: ParentNode = shadow;
  for (const className of o.wrap) {
    const el = document.createElement('div');
    el.className = className;
    parent.append(el);
    parent = el;
  }
  // Rendered straight into the innermost wrapper, as the real content is (rules such as `.markdown > p`).
  const container = parent === shadow ? shadow.appendChild(document.createElement('div')) : (parent as HTMLElement);
  document.body.append(host);
  const root = createRoot(container);
  flushSync(() => root.render(body));
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      root.unmount();
      host.remove();
    }),
  );
}

/** The width of #main's content box (the screens' column), or undefined before the app has one. */
export function mainContentWidth(): number | undefined {
  const main = document.getElementById('main');
  if (!main) return undefined;
  const style = getComputedStyle(main);
  return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

/** The page's style rules as one sheet (a shadow root does not see the document's). */
function pageRules(): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  const texts: string[] = [];
  for (const s of Array.from(document.styleSheets)) {
    try {
      for (const r of Array.from(s.cssRules)) texts.push(r.cssText);
    } catch {
      // A sheet from another origin cannot be read; the app has none.
    }
  }
  sheet.replaceSync(texts.join('\n'));
  return sheet;
}
