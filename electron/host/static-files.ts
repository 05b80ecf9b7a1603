/**
 * The page and its files (code only, no data, no token): read from the renderer's folder at start
 * and served from memory with the security headers, each request held open as foreground work
 * (services/foreground.ts) so main's warm-up yields to it.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { beginServing, pageLoading } from '../services/foreground';
import { fail, send } from './http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The page's own files (a few, small), read at start: the first page load waits for no disk read. */
async function rendererFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.set(normalize(path), await readFile(path));
    }
  };
  await walk(dir).catch(() => undefined);
  return files;
}

export class StaticFiles {
  private constructor(
    private readonly rendererDir: string,
    private readonly indexHtml: string,
    private readonly files: Map<string, Buffer>,
  ) {}

  /** Reads the renderer's folder: its index.html (which must be there) and every file in it. */
  static async read(rendererDir: string): Promise<StaticFiles> {
    const indexHtml = await readFile(join(rendererDir, 'index.html'), 'utf8');
    return new StaticFiles(rendererDir, indexHtml, await rendererFiles(rendererDir));
  }

  /** Answers a request for anything but /api/*: GET only, files inside the renderer's folder only. */
  async serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET') {
      fail(res, 405, 'METHOD_NOT_ALLOWED', 'error.hostMethod');
      return;
    }
    // The page and its files: code only, no data, no token. Served before main's warm-up goes on.
    const served = beginServing();
    res.once('close', served);
    if (pathname === '/' || pathname === '/index.html') {
      pageLoading();
      send(res, 200, this.indexHtml, TYPES['.html']!);
      return;
    }
    const file = normalize(join(this.rendererDir, pathname));
    if (!file.startsWith(this.rendererDir + sep)) {
      fail(res, 404, 'NOT_FOUND', 'error.hostNotFound');
      return;
    }
    // Read once, then from memory: served at once even while main warms its audit in steps (a read
    // from disk would wait for a step in each of its turns of the event loop).
    let content = this.files.get(file);
    if (content === undefined) {
      try {
        content = await readFile(file);
      } catch {
        fail(res, 404, 'NOT_FOUND', 'error.hostNotFound');
        return;
      }
      this.files.set(file, content);
    }
    send(res, 200, content, TYPES[extname(file)] ?? 'application/octet-stream');
  }
}
