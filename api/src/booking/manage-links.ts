import { jwtVerify, SignJWT } from 'jose';
import { ManageLinkError } from './errors.js';

export interface ManageClaims {
  bookingId: string;
  hostId: string;
  nonce: string;
}

const audience = 'tandem-manage';
const minimumLifetimeMs = 7 * 24 * 3_600_000;

/**
 * Manage links: an HS256 JWT bound to the booking (and its host partition) and to the booking's
 * current `manageNonce`, so rotating the nonce revokes every link handed out before. It expires a week
 * after the booking ends (or a week from now, whichever is later).
 * @example
 * const token = await links.issue({ bookingId, hostId, nonce }, booking.end);
 * (await links.verify(token)).bookingId; // → bookingId; a changed token → ManageLinkError
 */
export class ManageLinks {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    if (secret.length < 32) throw new RangeError('The manage link key must be at least 32 characters.');
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: ManageClaims, bookingEnd: string): Promise<string> {
    const now = this.clock().getTime();
    const expires = Math.max(Date.parse(bookingEnd) + minimumLifetimeMs, now + minimumLifetimeMs);
    return new SignJWT({ hst: claims.hostId, nce: claims.nonce })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.bookingId)
      .setAudience(audience)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expires / 1000))
      .sign(this.key);
  }

  /** @throws ManageLinkError for anything but an intact, unexpired link. */
  async verify(token: string): Promise<ManageClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience,
        currentDate: this.clock(),
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.hst !== 'string' ||
        typeof payload.nce !== 'string'
      )
        throw new ManageLinkError();
      return { bookingId: payload.sub, hostId: payload.hst, nonce: payload.nce };
    } catch {
      throw new ManageLinkError();
    }
  }
}
