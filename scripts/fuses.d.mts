export const FUSES: Readonly<{
  RunAsNode: boolean;
  EnableCookieEncryption: boolean;
  EnableNodeOptionsEnvironmentVariable: boolean;
  EnableNodeCliInspectArguments: boolean;
  EnableEmbeddedAsarIntegrityValidation: boolean;
  OnlyLoadAppFromAsar: boolean;
  GrantFileProtocolExtraPrivileges: boolean;
}>;
