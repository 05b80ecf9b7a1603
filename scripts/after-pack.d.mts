import type { AfterPackContext } from 'electron-builder';

export function fuseConfig(platform: string, arch: number): Record<string | number, unknown>;
export default function afterPack(context: AfterPackContext): Promise<void>;
