/**
 * The local browser host: serves the built renderer and the same contract over HTTP.
 * 127.0.0.1 only, a random port, a per-run secret token on every request, the Host header
 * checked (DNS rebinding), and no CORS headers at all, so no other origin can read a response.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Events } from '../shared/contract';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp';
import { AppService, type AppServiceOptions } from './services/app-service';

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

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  service: AppService;
  close(): Promise<void>;
}

export interface HostOptions extends AppServiceOptions {
  rendererDir: string;
  port?: number;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

export async function startBrowserHost(options: HostOptions): Promise<BrowserHost> {
  const token = randomBytes(32).toString('hex');
  const uploadDir = await mkdtemp(join(tmpdir(), 'shareaudit-upload-'));
  const uploads = new Map<string, string>();
  const listeners = new Set<ServerResponse>();
  const emit = <E extends keyof Events>(event: E, payload: Events[E]): void => {
    const line = `${JSON.stringify({ event, payload })}\n`;
    for (const res of listeners) res.write(line);
  };
  const service = new AppService(options, { transport: 'browser', resolveUpload: (id) => uploads.get(id), emit });
  const indexHtml = (await readFile(join(options.rendererDir, 'index.html'), 'utf8')).replace(
    '</head>',
    `<meta name="shareaudit-token" content="${token}"></head>`,
  );
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own Host header.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(res, 421, 'wrong host');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && queryToken !== null) {
      if (!same(queryToken, token)) {
        send(res, 401, 'invalid token');
        return;
      }
      // Trade the token in the address for a cookie, and drop it from the address bar.
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': `shareaudit=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    const presented = cookie(req, 'shareaudit');
    if (presented === undefined || !same(presented, token)) {
      send(res, 401, "ShareAudit: open the address printed by `npm start` (it carries this run's secret token).");
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      // The API also wants the token in a header: a page of another local port shares our
      // "site" for SameSite purposes, but cannot read the token out of our index.html.
      const header = req.headers['x-shareaudit-token'];
      if (typeof header !== 'string' || !same(header, token)) {
        send(res, 403, 'missing token header');
        return;
      }
      if (req.method === 'POST' && url.pathname.startsWith('/api/invoke/')) {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          send(res, 415, 'JSON only');
          return;
        }
        let body: unknown;
        try {
          body = await readJson(req);
        } catch (error) {
          send(
            res,
            400,
            JSON.stringify({ ok: false, error: { code: 'BAD_REQUEST', message: (error as Error).message } }),
            'application/json',
          );
          return;
        }
        const envelope = await service.dispatch(decodeURIComponent(url.pathname.slice('/api/invoke/'.length)), body);
        send(res, 200, JSON.stringify(envelope), 'application/json');
        return;
      }
      if (req.method === 'PUT' && url.pathname === '/api/upload') {
        const name =
          (url.searchParams.get('name') ?? 'upload').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'upload';
        const length = Number(req.headers['content-length'] ?? 'NaN');
        if (!(length >= 0 && length <= MAX_UPLOAD_BYTES)) {
          send(res, 413, 'upload needs a Content-Length of at most 4 GiB');
          return;
        }
        const id = randomBytes(16).toString('hex');
        const dir = join(uploadDir, id);
        await import('node:fs/promises').then((fs) => fs.mkdir(dir));
        const path = join(dir, name);
        await pipeline(req, createWriteStream(path));
        uploads.set(id, path);
        send(res, 200, JSON.stringify({ id }), 'application/json');
        return;
      }
      if (req.method === 'GET' && url.pathname === '/api/events') {
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
      send(res, 404, 'not found');
      return;
    }
    if (req.method !== 'GET') {
      send(res, 405, 'method not allowed');
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      send(res, 200, indexHtml, TYPES['.html']);
      return;
    }
    const file = normalize(join(options.rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(options.rendererDir + sep)) {
      send(res, 404, 'not found');
      return;
    }
    try {
      send(res, 200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      send(res, 404, 'not found');
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `internal error: ${(error as Error).message}`);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    service,
    close: async () => {
      for (const res of listeners) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      service.close();
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}
