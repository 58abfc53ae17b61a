/** Values of one provisioned environment, shaped like Azure and Entra produce them. */
export const SAMPLE_VARIABLES: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '0b8c6f1e-4a52-4f0e-9c3d-2f7a1e5b9d01',
  APP_DISPLAY_NAME: 'Tandem (dev)',
  AAD_APP_CLIENT_ID: '6a1d2c3b-7e8f-4a9b-8c0d-1e2f3a4b5c6d',
  BOT_ID: '9f8e7d6c-5b4a-4392-8817-060504030201',
  TAB_DOMAIN: 'sttandem1a2b3cweb.z13.web.core.windows.net',
  TAB_ENDPOINT: 'https://sttandem1a2b3cweb.z13.web.core.windows.net',
};

export function sampleEnvFile(values: Readonly<Record<string, string>> = SAMPLE_VARIABLES): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}
