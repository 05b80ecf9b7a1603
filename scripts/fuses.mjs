/**
 * The Electron fuses of a packaged ShareAudit, as Electron's security guide recommends (fuses are
 * switches compiled into the Electron binary, flipped at package time: nothing at run time can turn
 * them back). Flipped by scripts/after-pack.mjs; checked by test/unit/packaging.test.ts.
 */
export const FUSES = Object.freeze({
  /** ELECTRON_RUN_AS_NODE would turn the app into a plain Node.js that runs any script. */
  RunAsNode: false,
  /** Cookies and other Chromium storage on disk are encrypted with an OS-protected key. */
  EnableCookieEncryption: true,
  /** NODE_OPTIONS (e.g. --require of a foreign script) is ignored. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect and friends are ignored: no debugger can attach to the main process. */
  EnableNodeCliInspectArguments: false,
  /** app.asar is checked against the hash embedded in the executable (macOS, Windows). */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** The app is loaded from app.asar only, never from a loose folder beside it. */
  OnlyLoadAppFromAsar: true,
  /** file:// gets no privileges beyond those of a web page (the app uses app://, never file://). */
  GrantFileProtocolExtraPrivileges: false,
});
