import type { App, Session } from 'electron';

/** The Content-Security-Policy for every page of the app: our own files only, no inline script, no remote content. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The only outside pages the app links to: AWS's own documentation, opened in the learner's browser. */
export function isAwsDocsUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.hostname === 'docs.aws.amazon.com';
  } catch {
    return false;
  }
}

/** Electron security checklist: no navigation away, no new windows, no webviews, no permissions granted. */
export function hardenApp(app: App, appUrlPrefix: string, openExternal: (url: string) => void = () => undefined): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(appUrlPrefix)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(appUrlPrefix)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAwsDocsUrl(url)) openExternal(url);
      return { action: 'deny' };
    });
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
