// Tells the emulated Teams channel where the local bot listens and which app it is, as the Azure Bot
// resource's messaging endpoint does in Azure. Registering again replaces the registration.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';

export function registerBotWithEmulator(options: {
  emulatorOrigin: string;
  caCertPath: string;
  endpoint: string;
  appId: string;
  name?: string;
}): Promise<void> {
  const body = JSON.stringify({
    endpoint: options.endpoint,
    appId: options.appId,
    name: options.name ?? 'Tandem',
  });
  return new Promise((resolve, reject) => {
    const req = request(
      `${options.emulatorOrigin}/_admin/bot`,
      {
        method: 'PUT',
        ca: readFileSync(options.caCertPath),
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve()
            : reject(new Error(`the emulator answered ${res.statusCode} to the bot registration.`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
