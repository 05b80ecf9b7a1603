import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/host';
import { useTempDir } from '../helpers/fixtures';

const tempDir = useTempDir();
let host: BrowserHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(): Promise<BrowserHost> {
  const dir = tempDir();
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  host = await startBrowserHost({ dbPath: join(dir, 'a.db'), rendererDir: renderer });
  return host;
}

/** Raw HTTP so the test controls the Host header (fetch does not allow it). */
function http(
  h: BrowserHost,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
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
    },
  );
}

describe('the local browser host', () => {
  it('listens on 127.0.0.1 at a random port and trades the URL token for a strict cookie', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    const login = await http(h, `/?token=${h.token}`);
    expect(login.status).toBe(303);
    expect(login.headers['set-cookie']?.[0]).toBe(`shareaudit=${h.token}; HttpOnly; SameSite=Strict; Path=/`);
    const page = await http(h, '/', { headers: { Cookie: `shareaudit=${h.token}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="shareaudit-token" content="${h.token}">`);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses every request without the token, with a wrong token, or with a foreign Host header', async () => {
    const h = await start();
    expect((await http(h, '/')).status).toBe(401);
    expect((await http(h, '/assets/app.js')).status).toBe(401);
    expect((await http(h, '/?token=wrong')).status).toBe(401);
    expect((await http(h, '/', { headers: { Cookie: 'shareaudit=wrong' } })).status).toBe(401);
    // DNS rebinding: right token, wrong name.
    expect((await http(h, '/', { headers: { Host: 'evil.example', Cookie: `shareaudit=${h.token}` } })).status).toBe(
      421,
    );
  });

  it('the API needs the token header too, JSON only, and sends no CORS headers', async () => {
    const h = await start();
    const cookie = `shareaudit=${h.token}`;
    const body = JSON.stringify({ lang: 'en' });
    expect(
      (
        await http(h, '/api/invoke/audit:get', {
          method: 'POST',
          headers: { Cookie: cookie, 'Content-Type': 'application/json' },
          body,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http(h, '/api/invoke/audit:get', {
          method: 'POST',
          headers: { Cookie: cookie, 'X-ShareAudit-Token': h.token, 'Content-Type': 'text/plain' },
          body,
        })
      ).status,
    ).toBe(415);
    const ok = await http(h, '/api/invoke/audit:get', {
      method: 'POST',
      headers: {
        Cookie: cookie,
        'X-ShareAudit-Token': h.token,
        'Content-Type': 'application/json',
        Origin: 'http://evil.example',
      },
      body,
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { summary: { connections: 0 } } });
    expect(Object.keys(ok.headers).filter((k) => k.startsWith('access-control-'))).toEqual([]);
    const bad = await http(h, '/api/invoke/audit:get', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-ShareAudit-Token': h.token, 'Content-Type': 'application/json' },
      body: '{"lang":1}',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(
      (
        await http(h, '/api/invoke/x', {
          method: 'OPTIONS',
          headers: { Cookie: cookie, 'X-ShareAudit-Token': h.token },
        })
      ).status,
    ).toBe(404);
  });

  it('serves only files inside the renderer folder', async () => {
    const h = await start();
    const cookie = `shareaudit=${h.token}`;
    expect((await http(h, '/assets/app.js', { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await http(h, '/../secret.txt', { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await http(h, '/%2e%2e/secret.txt', { headers: { Cookie: cookie } })).status).toBe(404);
  });
});
