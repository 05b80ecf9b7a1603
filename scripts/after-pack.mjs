/**
 * electron-builder's afterPack hook (electron-builder.yml): flips the fuses of scripts/fuses.mjs in
 * the packaged Electron binary with @electron/fuses, before electron-builder signs it.
 */
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { FUSES } from './fuses.mjs';

/** electron-builder's Arch enum: ia32, x64, armv7l, arm64, universal. */
const ARCHES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** The @electron/fuses configuration for one platform and architecture. */
export function fuseConfig(platform, arch) {
  const config = {
    version: FuseVersion.V1,
    // Flipping a fuse breaks an ad-hoc signature: macOS on Apple silicon refuses to start such a binary.
    resetAdHocDarwinSignature: platform === 'darwin' && ARCHES[arch] === 'arm64',
  };
  for (const [name, on] of Object.entries(FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`after-pack: @electron/fuses knows no fuse "${name}"`);
    config[FuseV1Options[name]] = on;
  }
  return config;
}

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  // The packager knows where the executable is on each platform; it runs @electron/fuses' flipFuses.
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName, context.arch));
}
