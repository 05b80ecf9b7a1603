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
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { AppService, type AppServiceOptions } from './services/app-service';
import { handleApi, type Api } from './host/api';
import { EventStream } from './host/events';
import { decode, fail } from './host/http';
import { StaticFiles } from './host/static-files';
import { Uploads } from './host/uploads';

export { TOKEN_HEADER } from './host/api';
export { cleanStaleUploads, uploadName } from './host/uploads';

// React renders the report's HTML with its production build (loaded when a report is first made): the
// development build is about twice as slow. Nothing sets NODE_ENV for a desktop app or a CLI.
process.env.NODE_ENV ??= 'production';

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

/** Routes a request: the Host header and the address checked first, then the API or the page's files. */
async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
  api: Api,
  files: StaticFiles,
): Promise<void> {
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
  if (pathname.startsWith('/api/')) await handleApi(req, res, url, pathname, api);
  else await files.serve(req, res, pathname);
}

export async function startBrowserHost(options: HostOptions): Promise<BrowserHost> {
  const token = randomBytes(32).toString('hex');
  const uploads = await Uploads.open(options.tmpDir ?? tmpdir());
  const events = new EventStream();
  const service = new AppService(options, {
    transport: 'browser',
    resolveUpload: (id) => uploads.path(id),
    emit: events.emit,
  });
  const files = await StaticFiles.read(options.rendererDir);
  const api: Api = { token, service, uploads, events };
  let port = 0;
  const server: Server = createServer((req, res) => {
    handle(req, res, port, api, files).catch(() => fail(res, 500, 'INTERNAL', 'error.hostInternal'));
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
    uploadDir: uploads.dir,
    close: async () => {
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      uploads.stopExpiry();
      service.close();
      await rm(uploads.dir, { recursive: true, force: true });
    },
  };
}
