/**
 * The local browser host: serves the built renderer and the same contract over HTTP.
 * 127.0.0.1 only, a random port, the Host header checked (DNS rebinding), and no CORS headers at
 * all, so no other origin can read a response.
 *
 * The per-run secret token is the only credential, and a browser never sends it on its own: it
 * travels in the address's fragment (`#token=…`, which browsers keep to themselves), the page moves
 * it to its own `sessionStorage` (per origin, so per port), and the page sends it as a header with
 * every API call and upload. No cookie: browsers do not separate cookies by port, so a cookie of
 * ours would also go to any other server on 127.0.0.1. The page and its scripts carry no data and
 * need no token; every answer with data (/api/*) does.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ErrorCode, Events } from '../shared/contract';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp';
import type { MessageKey, MessageValues } from '../shared/i18n';
import { AppService, type AppServiceOptions } from './services/app-service';
import { AppError, toErrorInfo } from './services/errors';
import { beginServing, pageLoading } from './services/foreground';

// React renders the report's HTML with its production build (loaded when a report is first made): the
// development build is about twice as slow. Nothing sets NODE_ENV for a desktop app or a CLI.
process.env.NODE_ENV ??= 'production';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
const MAX_JSON_BYTES = 8 * 1024 * 1024;
/** An upload that was inspected but never imported (the review was cancelled) is deleted after this. */
const UPLOAD_TTL_MS = 15 * 60 * 1000;
/** The header every API call carries the token in. */
export const TOKEN_HEADER = 'x-shareaudit-token';
/** Upload folders: `shareaudit-upload-<pid>-XXXXXX` (older versions: `shareaudit-upload-XXXXXX`). */
const UPLOAD_PREFIX = 'shareaudit-upload-';
const UPLOAD_DIR = /^shareaudit-upload-(?:(\d+)-)?[A-Za-z0-9]{6}$/;

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  service: AppService;
  /** The folder this run's uploads are written to (removed on close). */
  uploadDir: string;
  close(): Promise<void>;
}

export interface HostOptions extends AppServiceOptions {
  rendererDir: string;
  port?: number;
  /** Where upload folders live; the system's temp folder unless a test says otherwise. */
  tmpDir?: string;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...HEADERS, 'Content-Type': type });
  res.end(body);
}

/**
 * Every error is the contract's envelope with a stable code, its words from the catalogue: never a
 * stack, an exception's text or a path of this machine.
 */
function fail(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  messageId: MessageKey,
  values: MessageValues = {},
): void {
  const body = JSON.stringify({ ok: false, error: toErrorInfo(new AppError(code, messageId, values)) });
  if (res.headersSent) {
    res.end();
    return;
  }
  // A request refused before its body was read: close the connection rather than read the body.
  res.writeHead(status, { ...HEADERS, 'Content-Type': 'application/json', Connection: 'close' });
  res.end(body);
}

/** decodeURIComponent, or null for a malformed escape ("%", "%E0%A4%A"). */
function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

class RequestTooLarge extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new RequestTooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

/** A file name for an upload: letters, digits and `._ -` only; `.`, `..` and empty are refused. */
export function uploadName(raw: string | null): string | null {
  const name = (raw ?? 'upload').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200);
  return name === '' || /^\.+$/.test(name) ? null : name;
}

/** The upload ids a request names (import:run, import:inspect, sharing:import). */
function uploadIds(body: unknown): string[] {
  const b = body as { sources?: unknown; source?: unknown } | null;
  const sources = [...(Array.isArray(b?.sources) ? b.sources : []), ...(b?.source === undefined ? [] : [b.source])];
  return sources.flatMap((s) =>
    s !== null && typeof s === 'object' && typeof (s as { upload?: unknown }).upload === 'string'
      ? [(s as { upload: string }).upload]
      : [],
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes upload folders that a host left behind (a crash, a kill): only folders named like ours,
 * owned by this user, older than this process, and not of a host that is still running. Returns
 * the folders removed.
 */
export async function cleanStaleUploads(dir: string = tmpdir(), startedAt = Date.now() - process.uptime() * 1000) {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const match = UPLOAD_DIR.exec(name);
    if (!match) continue;
    const path = join(dir, name);
    try {
      const stat = await lstat(path);
      if (!stat.isDirectory()) continue;
      if (uid !== undefined && stat.uid !== uid) continue;
      if (stat.mtimeMs >= startedAt) continue;
      const pid = match[1] === undefined ? undefined : Number(match[1]);
      if (pid !== undefined && pid !== process.pid && alive(pid)) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}

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

export async function startBrowserHost(options: HostOptions): Promise<BrowserHost> {
  const token = randomBytes(32).toString('hex');
  const tmp = options.tmpDir ?? tmpdir();
  await cleanStaleUploads(tmp);
  // The folder's name carries our pid: cleanStaleUploads() leaves a running host's folder alone.
  const uploadDir = await mkdtemp(join(tmp, `${UPLOAD_PREFIX}${process.pid}-`));
  const uploads = new Map<string, { path: string; expiry: NodeJS.Timeout }>();
  const dropUpload = async (id: string): Promise<void> => {
    const upload = uploads.get(id);
    if (!upload) return;
    uploads.delete(id);
    clearTimeout(upload.expiry);
    await rm(join(uploadDir, id), { recursive: true, force: true });
  };
  const listeners = new Set<ServerResponse>();
  const emit = <E extends keyof Events>(event: E, payload: Events[E]): void => {
    const line = `${JSON.stringify({ event, payload })}\n`;
    for (const res of listeners) res.write(line);
  };
  const service = new AppService(options, {
    transport: 'browser',
    resolveUpload: (id) => uploads.get(id)?.path,
    emit,
  });
  const indexHtml = await readFile(join(options.rendererDir, 'index.html'), 'utf8');
  const files = await rendererFiles(options.rendererDir);
  let port = 0;

  const invoke = async (channel: string, body: unknown): Promise<unknown> => {
    try {
      return await service.dispatch(channel, body);
    } finally {
      // An upload serves one import: once it ended (or failed), the copy goes. Inspecting keeps it
      // for the import that follows (until UPLOAD_TTL_MS); forgetting everything takes them all.
      if (channel === 'import:run' || channel === 'sharing:import') await Promise.all(uploadIds(body).map(dropUpload));
      if (channel === 'data:forget') await Promise.all([...uploads.keys()].map(dropUpload));
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own Host header.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      fail(res, 421, 'FORBIDDEN', 'error.hostWrongHost');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      fail(res, 400, 'BAD_REQUEST', 'error.hostBadUrl');
      return;
    }
    const pathname = decode(url.pathname);
    if (pathname === null || pathname.includes('\0')) {
      fail(res, 400, 'BAD_REQUEST', 'error.hostBadUrl');
      return;
    }
    if (pathname.startsWith('/api/')) {
      // The token only ever comes as a header, which the page sets itself: nothing a browser sends
      // on its own (a cookie, the address) is a credential here.
      const header = req.headers[TOKEN_HEADER];
      if (typeof header !== 'string' || !same(header, token)) {
        fail(res, 401, 'UNAUTHORIZED', 'error.hostToken');
        return;
      }
      if (req.method === 'POST' && pathname.startsWith('/api/invoke/')) {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'error.hostJsonOnly');
          return;
        }
        let body: unknown;
        try {
          body = await readJson(req);
        } catch (error) {
          if (error instanceof RequestTooLarge) fail(res, 413, 'TOO_LARGE', 'error.hostTooLarge');
          else fail(res, 400, 'BAD_REQUEST', 'error.hostBadJson');
          return;
        }
        const envelope = await invoke(pathname.slice('/api/invoke/'.length), body);
        send(res, 200, JSON.stringify(envelope), 'application/json');
        return;
      }
      if (req.method === 'PUT' && pathname === '/api/upload') {
        const name = uploadName(url.searchParams.get('name'));
        if (name === null) {
          fail(res, 400, 'BAD_REQUEST', 'error.hostUploadName');
          return;
        }
        const length = Number(req.headers['content-length'] ?? 'NaN');
        if (!(length >= 0 && length <= MAX_UPLOAD_BYTES)) {
          fail(res, 413, 'TOO_LARGE', 'error.hostUploadSize');
          return;
        }
        const id = randomBytes(16).toString('hex');
        const dir = join(uploadDir, id);
        const path = join(dir, name);
        try {
          await mkdir(dir);
          await pipeline(req, createWriteStream(path, { flags: 'wx' }));
        } catch {
          await rm(dir, { recursive: true, force: true });
          fail(res, 400, 'BAD_REQUEST', 'error.hostUploadFailed');
          return;
        }
        const expiry = setTimeout(() => void dropUpload(id), UPLOAD_TTL_MS);
        expiry.unref();
        uploads.set(id, { path, expiry });
        send(res, 200, JSON.stringify({ id }), 'application/json');
        return;
      }
      if (req.method === 'GET' && pathname === '/api/events') {
        res.writeHead(200, {
          'Content-Type': 'application/x-ndjson',
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        res.write('\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      fail(res, 404, 'NOT_FOUND', 'error.hostNotFound');
      return;
    }
    if (req.method !== 'GET') {
      fail(res, 405, 'METHOD_NOT_ALLOWED', 'error.hostMethod');
      return;
    }
    // The page and its files: code only, no data, no token. Served before main's warm-up goes on.
    const served = beginServing();
    res.once('close', served);
    if (pathname === '/' || pathname === '/index.html') {
      pageLoading();
      send(res, 200, indexHtml, TYPES['.html']!);
      return;
    }
    const file = normalize(join(options.rendererDir, pathname));
    if (!file.startsWith(options.rendererDir + sep)) {
      fail(res, 404, 'NOT_FOUND', 'error.hostNotFound');
      return;
    }
    // Read once, then from memory: served at once even while main warms its audit in steps (a read
    // from disk would wait for a step in each of its turns of the event loop).
    let content = files.get(file);
    if (content === undefined) {
      try {
        content = await readFile(file);
      } catch {
        fail(res, 404, 'NOT_FOUND', 'error.hostNotFound');
        return;
      }
      files.set(file, content);
    }
    send(res, 200, content, TYPES[extname(file)] ?? 'application/octet-stream');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => fail(res, 500, 'INTERNAL', 'error.hostInternal'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    // The fragment never leaves the browser: not in a request, not in a Referer.
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    service,
    uploadDir,
    close: async () => {
      for (const res of listeners) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const { expiry } of uploads.values()) clearTimeout(expiry);
      service.close();
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}
