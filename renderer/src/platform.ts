/**
 * The renderer's one door to the outside: the preload API in the desktop app, or the local
 * browser host's HTTP bridge. Both speak the contract in shared/contract.ts.
 */
import type { Channel, Envelope, Events, ImportSource, Request, Response } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import { HOST_TOKEN_HEADER, takeHostToken } from '../../shared/host-token';
import { downloadReport } from './download';

interface PreloadApi {
  invoke(channel: Channel, request: unknown): Promise<unknown>;
  on(event: keyof Events, listener: (payload: unknown) => void): () => void;
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    shareaudit?: PreloadApi;
  }
}

/** An error from main: its code, its English text, and its catalogue key and values (shown in the page's language). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly messageId?: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(message);
  }
}

export interface Platform {
  kind: 'electron' | 'browser';
  invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>>;
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Files the user dropped or picked, as sources for import:run. */
  sourcesFor(files: readonly File[]): Promise<ImportSource[]>;
  /** Opens the native dialog (desktop) or returns null: the browser uses a file input instead. */
  pickPaths(folders: boolean): Promise<ImportSource[] | null>;
  /** Saves the report in one format (desktop: the save dialog; browser: a download). */
  saveReport(lang: Lang, format: Request<'report:save'>['format']): Promise<string | null>;
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  const { code, message, messageId, values } = envelope.error;
  throw new ApiError(code, message, messageId, values);
}

function electronPlatform(api: PreloadApi): Platform {
  return {
    kind: 'electron',
    invoke: async (channel, request) => unwrap((await api.invoke(channel, request)) as Envelope<never>),
    on: (event, listener) => api.on(event, listener as (payload: unknown) => void),
    sourcesFor: (files) => Promise.resolve(files.map((f) => ({ path: api.pathForFile(f) }))),
    pickPaths: async (folders) => {
      const envelope = (await api.invoke('dialog:openImport', { folders })) as Envelope<{ paths: string[] }>;
      return unwrap(envelope).paths.map((path) => ({ path }));
    },
    saveReport: async (lang, format) =>
      unwrap((await api.invoke('report:save', { lang, format })) as Envelope<{ path: string | null }>).path,
  };
}

/** The host's token, sent with every request to the browser host. */
type HostHeaders = Record<string, string>;

/**
 * Events from the browser host: one stream (/api/events, an event per JSON line) opened by a listener
 * while none is open, shared by every listener.
 */
function hostEvents(headers: HostHeaders): Platform['on'] {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  async function stream(): Promise<void> {
    if (streaming) return;
    streaming = true;
    try {
      const res = await fetch('/api/events', { headers });
      const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      while (reader) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (!line) continue;
          const { event, payload } = JSON.parse(line) as { event: string; payload: unknown };
          listeners.get(event)?.forEach((l) => l(payload));
        }
      }
    } finally {
      streaming = false;
    }
  }

  return (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    listeners.set(event, set);
    void stream();
    return () => set.delete(listener as (payload: unknown) => void);
  };
}

/** A contract call over the browser host's HTTP bridge (/api/invoke/<channel>). */
function hostInvoke(headers: HostHeaders): Platform['invoke'] {
  return async <C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> => {
    const res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!res.ok && res.headers.get('content-type')?.startsWith('application/json') !== true) {
      throw new ApiError('FORBIDDEN', await res.text());
    }
    return unwrap((await res.json()) as Envelope<Response<C>>);
  };
}

/** Dropped or picked files uploaded to the browser host one after the other; each becomes an upload source. */
function hostUploads(headers: HostHeaders): Platform['sourcesFor'] {
  return async (files) => {
    const sources: ImportSource[] = [];
    for (const file of files) {
      const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'PUT',
        headers,
        body: file,
      });
      // The host answers every error as the contract's envelope.
      if (!res.ok) unwrap((await res.json()) as Envelope<never>);
      sources.push({ upload: ((await res.json()) as { id: string }).id });
    }
    return sources;
  };
}

function browserPlatform(): Platform {
  // The token comes in the address's fragment, never in a cookie: see shared/host-token.ts.
  const token = takeHostToken(location.hash, sessionStorage, () =>
    history.replaceState(history.state, '', location.pathname + location.search),
  );
  const headers = { [HOST_TOKEN_HEADER]: token };
  const invoke = hostInvoke(headers);
  return {
    kind: 'browser',
    invoke,
    on: hostEvents(headers),
    sourcesFor: hostUploads(headers),
    pickPaths: () => Promise.resolve(null),
    saveReport: async (lang, format) => {
      const file = await invoke('report:build', { lang, format });
      downloadReport(file);
      return file.fileName;
    },
  };
}

export const platform: Platform = window.shareaudit ? electronPlatform(window.shareaudit) : browserPlatform();
