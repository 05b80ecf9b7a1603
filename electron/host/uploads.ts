/**
 * The browser host's uploads: each file the page sends (`PUT /api/upload`) is written to this run's
 * temporary folder under a random id, kept for the import that follows, and removed once that import
 * ended, when it expires, or when the host closes. Folders a host left behind are removed at start.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fail, send } from './http';

const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
/** An upload that was inspected but never imported (the review was cancelled) is deleted after this. */
const UPLOAD_TTL_MS = 15 * 60 * 1000;
/** Upload folders: `shareaudit-upload-<pid>-XXXXXX` (older versions: `shareaudit-upload-XXXXXX`). */
const UPLOAD_PREFIX = 'shareaudit-upload-';
const UPLOAD_DIR = /^shareaudit-upload-(?:(\d+)-)?[A-Za-z0-9]{6}$/;

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

/** This run's uploads: their folder, and each upload's file by id until it is dropped. */
export class Uploads {
  private readonly uploads = new Map<string, { path: string; expiry: NodeJS.Timeout }>();

  private constructor(
    /** The folder this run's uploads are written to. */
    readonly dir: string,
  ) {}

  /** Cleans what earlier hosts left in `tmp`, then makes this run's folder there. */
  static async open(tmp: string): Promise<Uploads> {
    await cleanStaleUploads(tmp);
    // The folder's name carries our pid: cleanStaleUploads() leaves a running host's folder alone.
    return new Uploads(await mkdtemp(join(tmp, `${UPLOAD_PREFIX}${process.pid}-`)));
  }

  /** The file an upload id stands for (the service's `resolveUpload` hook). */
  path(id: string): string | undefined {
    return this.uploads.get(id)?.path;
  }

  private async drop(id: string): Promise<void> {
    const upload = this.uploads.get(id);
    if (!upload) return;
    this.uploads.delete(id);
    clearTimeout(upload.expiry);
    await rm(join(this.dir, id), { recursive: true, force: true });
  }

  /**
   * After a call on `channel`: an upload serves one import, so once it ended (or failed), the copy
   * goes. Inspecting keeps it for the import that follows (until UPLOAD_TTL_MS); forgetting everything
   * takes them all.
   */
  async settle(channel: string, body: unknown): Promise<void> {
    if (channel === 'import:run' || channel === 'sharing:import')
      await Promise.all(uploadIds(body).map((id) => this.drop(id)));
    if (channel === 'data:forget') await Promise.all([...this.uploads.keys()].map((id) => this.drop(id)));
  }

  /** Answers `PUT /api/upload?name=…`: writes the body to a new upload and answers with its id. */
  async receive(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
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
    const dir = join(this.dir, id);
    const path = join(dir, name);
    try {
      await mkdir(dir);
      await pipeline(req, createWriteStream(path, { flags: 'wx' }));
    } catch {
      await rm(dir, { recursive: true, force: true });
      fail(res, 400, 'BAD_REQUEST', 'error.hostUploadFailed');
      return;
    }
    const expiry = setTimeout(() => void this.drop(id), UPLOAD_TTL_MS);
    expiry.unref();
    this.uploads.set(id, { path, expiry });
    send(res, 200, JSON.stringify({ id }), 'application/json');
  }

  /** Stops every upload's expiry (the host closes; its folder is removed after the service closed). */
  stopExpiry(): void {
    for (const { expiry } of this.uploads.values()) clearTimeout(expiry);
  }
}
