import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync, symlinkSync, chownSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanStaleUploads, startBrowserHost, type BrowserHost } from '../../electron/host';
import { CONNECTIONS_2024, useTempDir } from '../helpers/fixtures';
import { pageLoadEnded, pageLoaded } from '../../electron/services/foreground';

const tempDir = useTempDir();
let host: BrowserHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(tmpDir?: string): Promise<BrowserHost> {
  const dir = tempDir();
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  host = await startBrowserHost({ dbPath: join(dir, 'a.db'), rendererDir: renderer, tmpDir: tmpDir ?? dir });
  return host;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the test controls the Host header and the exact path (fetch allows neither). */
function http(
  h: BrowserHost,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: h.port,
        path,
        method: init.method ?? 'GET',
        headers: { Host: `127.0.0.1:${h.port}`, ...init.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const api = (h: BrowserHost, channel: string, request: unknown): Promise<Answer> =>
  http(h, `/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'X-ShareAudit-Token': h.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });

const upload = async (h: BrowserHost, name: string, content: string): Promise<string> => {
  const answer = await http(h, `/api/upload?name=${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'X-ShareAudit-Token': h.token, 'Content-Length': String(Buffer.byteLength(content)) },
    body: content,
  });
  expect(answer.status).toBe(200);
  return (JSON.parse(answer.body) as { id: string }).id;
};

/** An error answer: the contract's envelope with a stable code, and nothing of this machine's paths. */
function expectEnvelope(answer: Answer, status: number, code: string, h: BrowserHost): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/json');
  expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code } });
  expect(answer.body).not.toContain(h.uploadDir);
  expect(answer.body).not.toContain('shareaudit-upload');
  expect(answer.body).not.toMatch(/\/tmp\/|[A-Z]:\\\\|Error:|\n\s+at /);
}

describe('the local browser host', () => {
  it('listens on 127.0.0.1 at a random port; the token is in the fragment, and neither page nor cookie carries it', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
    for (const path of ['/', `/?token=${h.token}`, '/index.html', '/assets/app.js']) {
      const page = await http(h, path);
      expect(page.status, path).toBe(200);
      expect(page.body).not.toContain(h.token);
      expect(page.headers['set-cookie'], path).toBeUndefined();
    }
    const page = await http(h, '/');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('the API takes the token from its header only: not from a cookie, not from the address', async () => {
    const h = await start();
    const body = JSON.stringify({});
    const json = { 'Content-Type': 'application/json' };
    const attempts: Record<string, string>[] = [
      {},
      { Cookie: `shareaudit=${h.token}` },
      { Cookie: `shareaudit=${h.token}`, 'X-ShareAudit-Token': 'wrong' },
      { 'X-ShareAudit-Token': h.token.slice(0, 63) },
      { Authorization: `Bearer ${h.token}` },
    ];
    for (const attempt of attempts)
      expectEnvelope(
        await http(h, '/api/invoke/app:info', { method: 'POST', headers: { ...json, ...attempt }, body }),
        401,
        'UNAUTHORIZED',
        h,
      );
    expectEnvelope(
      await http(h, `/api/invoke/app:info?token=${h.token}`, { method: 'POST', headers: json, body }),
      401,
      'UNAUTHORIZED',
      h,
    );
    expectEnvelope(await http(h, `/api/events?token=${h.token}`), 401, 'UNAUTHORIZED', h);
    expectEnvelope(
      await http(h, `/api/upload?name=a.csv&token=${h.token}`, {
        method: 'PUT',
        headers: { Cookie: `shareaudit=${h.token}`, 'Content-Length': '1' },
        body: 'x',
      }),
      401,
      'UNAUTHORIZED',
      h,
    );
    const ok = await api(h, 'app:info', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { transport: 'browser' } });
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const h = await start();
    expectEnvelope(await http(h, '/', { headers: { Host: 'evil.example' } }), 421, 'FORBIDDEN', h);
    expectEnvelope(
      await http(h, '/api/invoke/app:info', {
        method: 'POST',
        headers: { Host: `evil.example:${h.port}`, 'X-ShareAudit-Token': h.token, 'Content-Type': 'application/json' },
        body: '{}',
      }),
      421,
      'FORBIDDEN',
      h,
    );
  });

  it('the API is JSON only and sends no CORS headers', async () => {
    const h = await start();
    const body = JSON.stringify({ lang: 'en' });
    expectEnvelope(
      await http(h, '/api/invoke/audit:get', {
        method: 'POST',
        headers: { 'X-ShareAudit-Token': h.token, 'Content-Type': 'text/plain' },
        body,
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      h,
    );
    const ok = await http(h, '/api/invoke/audit:get', {
      method: 'POST',
      headers: { 'X-ShareAudit-Token': h.token, 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body,
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { summary: { connections: 0 } } });
    expect(Object.keys(ok.headers).filter((k) => k.startsWith('access-control-'))).toEqual([]);
    const bad = await api(h, 'audit:get', { lang: 1 });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expectEnvelope(
      await http(h, '/api/invoke/x', { method: 'OPTIONS', headers: { 'X-ShareAudit-Token': h.token } }),
      404,
      'NOT_FOUND',
      h,
    );
  });

  it("the page's document starts a page load (main's warm-up holds its findings back), a request for more than its numbers ends it", async () => {
    const h = await start();
    // The tests before opened the page too: their loads end here.
    pageLoadEnded();
    try {
      const loaded = (): Promise<boolean> =>
        Promise.race([pageLoaded().then(() => true), new Promise<boolean>((r) => setImmediate(() => r(false)))]);
      expect((await http(h, '/assets/app.js')).status).toBe(200);
      expect(await loaded()).toBe(true);
      expect((await http(h, '/')).status).toBe(200);
      expect(await loaded()).toBe(false);
      // Main warms its audit at start (host-main.ts): the numbers are counted, the findings held back.
      h.service.warmUp();
      await new Promise<void>((resolve) => setImmediate(resolve));
      const summary = await api(h, 'audit:summary', {});
      expect(JSON.parse(summary.body)).toMatchObject({ ok: true });
      // Its numbers answered, the page still draws them.
      expect(await loaded()).toBe(false);
      const findings = await api(h, 'findings:list', {
        query: '',
        severity: 'all',
        status: 'open',
        offset: 0,
        limit: 10,
      });
      expect(JSON.parse(findings.body)).toMatchObject({ ok: true });
      expect(await loaded()).toBe(true);
    } finally {
      pageLoadEnded();
    }
  });

  it('serves only files inside the renderer folder', async () => {
    const h = await start();
    expect((await http(h, '/assets/app.js')).status).toBe(200);
    expectEnvelope(await http(h, '/../secret.txt'), 404, 'NOT_FOUND', h);
    expectEnvelope(await http(h, '/%2e%2e/secret.txt'), 404, 'NOT_FOUND', h);
    expectEnvelope(await http(h, '/assets/missing.js'), 404, 'NOT_FOUND', h);
    expectEnvelope(await http(h, '/', { method: 'DELETE' }), 405, 'METHOD_NOT_ALLOWED', h);
  });
});

describe('every error of the host is the JSON envelope with a stable code and no path', () => {
  it('malformed escapes in the address', async () => {
    const h = await start();
    for (const path of ['/%', '/%E0%A4%A', '/assets/%ZZ.js', '/%00', '/api/%'])
      expectEnvelope(await http(h, path), 400, 'BAD_REQUEST', h);
    expectEnvelope(
      await http(h, '/api/invoke/%E0%A4%A', {
        method: 'POST',
        headers: { 'X-ShareAudit-Token': h.token, 'Content-Type': 'application/json' },
        body: '{}',
      }),
      400,
      'BAD_REQUEST',
      h,
    );
  });

  it('an upload named "..", ".", or nothing, a body that is not JSON, a body too large', async () => {
    const h = await start();
    for (const name of ['..', '.', '...', ''])
      expectEnvelope(
        await http(h, `/api/upload?name=${encodeURIComponent(name)}`, {
          method: 'PUT',
          headers: { 'X-ShareAudit-Token': h.token, 'Content-Length': '2' },
          body: 'ab',
        }),
        400,
        'BAD_REQUEST',
        h,
      );
    expectEnvelope(
      await http(h, '/api/upload?name=a.csv', {
        method: 'PUT',
        headers: { 'X-ShareAudit-Token': h.token, 'Content-Length': String(5 * 1024 ** 3) },
      }),
      413,
      'TOO_LARGE',
      h,
    );
    expectEnvelope(
      await http(h, '/api/invoke/app:info', {
        method: 'POST',
        headers: { 'X-ShareAudit-Token': h.token, 'Content-Type': 'application/json' },
        body: '{"',
      }),
      400,
      'BAD_REQUEST',
      h,
    );
    expect(readdirSync(h.uploadDir)).toEqual([]);
  });
});

describe('uploads', () => {
  it('are deleted as soon as the import that used them ends, whether it succeeded or failed', async () => {
    const h = await start();
    const good = await upload(h, 'Connections.csv', CONNECTIONS_2024);
    const inspected = await api(h, 'import:inspect', { sources: [{ upload: good }] });
    expect(JSON.parse(inspected.body)).toMatchObject({ ok: true });
    // Inspecting keeps the copy for the import that follows.
    expect(readdirSync(h.uploadDir)).toEqual([good]);
    const imported = await api(h, 'import:run', { sources: [{ upload: good }] });
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: { added: 4 } });
    expect(readdirSync(h.uploadDir)).toEqual([]);

    const bad = await upload(h, 'notes.csv', 'hello,world\n');
    const failed = await api(h, 'import:run', { sources: [{ upload: bad }] });
    expect(JSON.parse(failed.body)).toMatchObject({ ok: false, error: { code: 'IMPORT_FAILED' } });
    expect(readdirSync(h.uploadDir)).toEqual([]);
    // Gone for good: the same id cannot be imported again.
    const again = await api(h, 'import:run', { sources: [{ upload: good }] });
    expect(JSON.parse(again.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const sharing = await upload(h, 'settings.json', '{}');
    await api(h, 'sharing:import', { source: { upload: sharing } });
    expect(readdirSync(h.uploadDir)).toEqual([]);
  });

  it('left behind by a host that died are removed on start: only ours, only stale', async () => {
    const tmp = tempDir();
    const past = new Date(Date.now() - 3_600_000);
    const folder = (name: string, old = true): string => {
      const path = join(tmp, name);
      mkdirSync(path);
      writeFileSync(join(path, 'messages.csv'), 'private');
      if (old) utimesSync(path, past, past);
      return path;
    };
    // A pid that runs nothing: the highest pid Linux hands out is 4194304.
    const dead = 4_194_305;
    const stale = [folder(`shareaudit-upload-${dead}-aB3dE9`), folder('shareaudit-upload-Xy12Z9')];
    const kept = [
      folder(`shareaudit-upload-${process.ppid}-live01`), // a host that is still running
      folder(`shareaudit-upload-${dead}-new001`, false), // newer than this process
      folder('shareaudit-uploads'),
      folder('other-upload-aB3dE9'),
    ];
    const link = join(tmp, `shareaudit-upload-${dead}-link01`);
    symlinkSync(kept[3]!, link);
    kept.push(link);
    if (process.getuid?.() === 0) {
      // Another user's folder (root can make one): never touched.
      const foreign = folder(`shareaudit-upload-${dead}-other1`);
      chownSync(foreign, 65534, 65534);
      utimesSync(foreign, past, past);
      kept.push(foreign);
    }
    const h = await start(tmp);
    for (const path of stale) expect(existsSync(path), path).toBe(false);
    for (const path of kept) expect(existsSync(path), path).toBe(true);
    expect(h.uploadDir).toMatch(new RegExp(`shareaudit-upload-${process.pid}-`));
    // Nor is this running host's own folder, when a second host starts beside it.
    expect(await cleanStaleUploads(tmp)).toEqual([]);
    expect(existsSync(h.uploadDir)).toBe(true);
  });
});
