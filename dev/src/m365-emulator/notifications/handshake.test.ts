import { validateNotificationEndpoint } from './handshake.js';
import { WebhookReceiver } from './webhook-receiver.js';

describe('the notificationUrl validation handshake', () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(() => receiver.stop());

  it('passes when the endpoint echoes the decoded token as text/plain with 200', async () => {
    await expect(validateNotificationEndpoint(receiver.url('/hook?tenant=a%20b'))).resolves.toEqual({
      ok: true,
    });
  });

  it.each([
    ['wrongBody', 'body'],
    ['jsonContentType', 'contentType'],
    ['status500', 'status'],
  ] as const)('fails when the endpoint answers with %s', async (behaviour, failure) => {
    receiver.validation = behaviour;
    const result = await validateNotificationEndpoint(receiver.url());
    expect(result).toMatchObject({ ok: false, failure });
  });

  it('fails with a timeout when the endpoint does not answer in time', async () => {
    receiver.validation = 'hang';
    const result = await validateNotificationEndpoint(receiver.url(), { timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, failure: 'timeout' });
  });

  it('fails as unreachable when nothing listens', async () => {
    const url = receiver.url();
    await receiver.stop();
    const result = await validateNotificationEndpoint(url);
    expect(result).toMatchObject({ ok: false, failure: 'unreachable' });
  });
});
