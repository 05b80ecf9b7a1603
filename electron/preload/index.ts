/**
 * The preload exposes only the contract: `invoke` for the contract's channels, `on` for its
 * events, and the path of a dropped file. Nothing of Node or Electron leaks to the page.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNELS, type Channel } from '../../shared/channels';
import type { Events } from '../../shared/contract';

const channels = new Set<string>(CHANNELS);

const api = {
  invoke(channel: Channel, request: unknown): Promise<unknown> {
    if (!channels.has(channel))
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } });
    return ipcRenderer.invoke(channel, request);
  },
  on(event: keyof Events, listener: (payload: unknown) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(`event:${event}`, wrapped);
    return () => ipcRenderer.removeListener(`event:${event}`, wrapped);
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('shareaudit', api);

export type PreloadApi = typeof api;
