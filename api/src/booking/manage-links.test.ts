import { ManageLinkError } from './errors.js';
import { ManageLinks } from './manage-links.js';

const key = 'a manage link key of at least thirty-two characters';
const claims = { bookingId: 'bk_1', hostId: 'host-1', nonce: 'n1' };

describe('manage links', () => {
  it('carry the booking, host and nonce, and refuse a changed token or another key', async () => {
    const links = new ManageLinks(key);
    const token = await links.issue(claims, '2026-05-01T10:00:00Z');
    await expect(links.verify(token)).resolves.toEqual(claims);
    const [h, p, s] = token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: 'bk_2' })).toString('base64url')}.${s}`;
    await expect(links.verify(tampered)).rejects.toBeInstanceOf(ManageLinkError);
    await expect(new ManageLinks(`${key}!`).verify(token)).rejects.toBeInstanceOf(ManageLinkError);
  });

  it('expire a week after the booking ends', async () => {
    let now = Date.parse('2026-05-01T09:00:00Z');
    const links = new ManageLinks(key, () => new Date(now));
    const token = await links.issue(claims, '2026-05-10T10:00:00Z');
    now = Date.parse('2026-05-17T09:00:00Z');
    await expect(links.verify(token)).resolves.toEqual(claims);
    now = Date.parse('2026-05-17T11:00:00Z');
    await expect(links.verify(token)).rejects.toBeInstanceOf(ManageLinkError);
  });

  it('refuse a short key', () => {
    expect(() => new ManageLinks('short')).toThrow(RangeError);
  });
});
