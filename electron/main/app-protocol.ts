import { resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://trailwatch`;

/** Maps app://trailwatch/<path> to a file inside the renderer build, refusing anything outside it. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  const url = new URL(requestUrl);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'trailwatch') return null;
  const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  const root = resolve(rendererDir);
  const file = resolve(root, '.' + relative);
  return file === root || file.startsWith(root + sep) ? file : null;
}

/** Serves the renderer build with the app's CSP; `fetchFile` is Electron's net.fetch in the app. */
export async function serveAppRequest(
  rendererDir: string,
  request: Request,
  fetchFile: (url: string) => Promise<Response>,
): Promise<Response> {
  const file = resolveAppFile(rendererDir, request.url);
  if (!file) return new Response('Not found', { status: 404 });
  const response = await fetchFile(pathToFileURL(file).toString());
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, headers });
}
