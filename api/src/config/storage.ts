/** A required setting is missing or malformed; `setting` names it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'NOT_CONFIGURED';
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The storage connection string: `AzureWebJobsStorage`, as the Functions runtime names it (an app
 * setting or Key Vault reference in Azure, Azurite's string locally), or `TANDEM_STORAGE_CONNECTION_STRING`.
 */
export function storageConnectionString(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.TANDEM_STORAGE_CONNECTION_STRING || env.AzureWebJobsStorage;
  if (!value) {
    throw new ConfigError(
      'AzureWebJobsStorage',
      'Storage is not configured: set AzureWebJobsStorage (or TANDEM_STORAGE_CONNECTION_STRING) to a storage connection string.',
    );
  }
  return value;
}
