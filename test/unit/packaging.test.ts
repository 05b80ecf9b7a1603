/**
 * Issue 13 item 18: the packaging configuration. The Electron binary (and so a real package) cannot be
 * built on every machine, so the configuration is checked here: against electron-builder's own schema,
 * for what ShareAudit needs of it, and for the fuses the afterPack hook flips.
 */
import { FuseV1Options, FuseVersion } from '@electron/fuses';
// electron-builder's own loader and schema validation (app-builder-lib is electron-builder's library).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { AfterPackContext, Configuration } from 'electron-builder';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import afterPack, { fuseConfig } from '../../scripts/after-pack.mjs';
import { FUSES } from '../../scripts/fuses.mjs';

const root = join(import.meta.dirname, '..', '..');
const load = (): Promise<Configuration> => getConfig(root, join(root, 'electron-builder.yml'), null);

/** The fuses Electron's security guide recommends, and nothing left to a default. */
const RECOMMENDED = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableCookieEncryption: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

describe('electron-builder.yml', () => {
  it("is valid by electron-builder's own schema", async () => {
    const config = await load();
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined } as never)).resolves.toBe(
      undefined,
    );
    // The check does check: a misspelt option is refused.
    await expect(
      validateConfiguration({ ...config, asarUnpak: ['x'] } as Configuration, { isEnabled: false } as never),
    ).rejects.toThrow(/asarUnpak/);
  });

  it('builds a dmg on macOS, an NSIS installer on Windows, an AppImage and a deb on Linux', async () => {
    const config = await load();
    const targets = (t: unknown): string[] =>
      (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : (x as { target: string }).target));
    expect(targets(config.mac?.target)).toEqual(['dmg']);
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.productName).toBe('ShareAudit');
  });

  it('packs the app into an ASAR, with the native better-sqlite3 modules unpacked beside it', async () => {
    const config = await load();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['native/**/*.node', 'node_modules/better-sqlite3/**/*.node']),
    );
    // native/ holds Electron's build; rebuilding node_modules in place would break Node's.
    expect(config.npmRebuild).toBe(false);
    const files = (config.files as Array<string | { filter?: string[] }>).flatMap((f) =>
      typeof f === 'string' ? [f] : (f.filter ?? []),
    );
    expect(files).toEqual(expect.arrayContaining(['out/**/*', 'native/**/*', '!out/main/host.js', '!out/main/cli.js']));
    // The main process loads Electron's better-sqlite3 from native/ (electron/main/index.ts).
    expect(readFileSync(join(root, 'electron', 'main', 'index.ts'), 'utf8')).toContain("'native', `electron-");
  });

  it('flips the fuses in an afterPack hook that exists', async () => {
    const config = await load();
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    expect(existsSync(join(root, 'scripts', 'after-pack.mjs'))).toBe(true);
    // Not electron-builder's own `electronFuses` as well: one place decides.
    expect(config.electronFuses).toBeUndefined();
  });

  it('is what `npm run dist` builds with', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder --config electron-builder.yml');
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['electron-builder', '@electron/fuses']));
  });
});

describe('the fuses', () => {
  it('are the ones Electron recommends', () => {
    expect({ ...FUSES }).toEqual(RECOMMENDED);
  });

  it('each names a fuse of @electron/fuses, set in the configuration passed to it', () => {
    const config = fuseConfig('linux', 1);
    expect(config.version).toBe(FuseVersion.V1);
    for (const [name, on] of Object.entries(RECOMMENDED)) {
      const index = FuseV1Options[name as keyof typeof FuseV1Options];
      expect(index, name).toBeTypeOf('number');
      expect(config[index], name).toBe(on);
    }
    // Seven fuses and the two options: nothing else.
    expect(Object.keys(config)).toHaveLength(9);
    expect(config.resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('darwin', 3).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('darwin', 1).resetAdHocDarwinSignature).toBe(false);
  });

  it('are flipped by the afterPack hook through the packager, for the packed executable', async () => {
    const calls: unknown[][] = [];
    const context = {
      electronPlatformName: 'win32',
      arch: 1,
      appOutDir: '/tmp/win-unpacked',
      packager: { addElectronFuses: (...args: unknown[]) => Promise.resolve(void calls.push(args)) },
    } as unknown as AfterPackContext;
    await afterPack(context);
    expect(calls).toEqual([[context, fuseConfig('win32', 1)]]);
  });
});
