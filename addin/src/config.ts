// Build inputs (Vite replaces import.meta.env at build time); absent values fall back to same-origin API.
const env: Partial<Record<string, string>> = (import.meta as { env?: Record<string, string> }).env ?? {};

export const config = {
  apiBaseUrl: env.VITE_TANDEM_API_BASE_URL ?? '',
  aadClientId: env.VITE_TANDEM_AAD_CLIENT_ID ?? '',
  apiScope: env.VITE_TANDEM_API_SCOPE ?? '',
  /** The Entra authority of dev sign-in (the M365 emulator's, or login.microsoftonline.com). */
  authority: env.VITE_TANDEM_AUTHORITY ?? 'https://login.microsoftonline.com/organizations',
};
