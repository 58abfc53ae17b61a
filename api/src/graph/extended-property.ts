/**
 * The single-value extended property that marks an Outlook event as a Tandem booking. Its id is Graph's
 * "{type} {propertySetGuid} Name {name}" form; the GUID is Tandem's own property set and never changes,
 * or events booked earlier would no longer be recognised.
 */
export const BOOKING_ID_PROPERTY = 'String {6f1c3a2e-8d4b-4e7a-9c51-2b7d9e0a4f13} Name TandemBookingId';

/** `$filter` that finds the event of one booking. */
export function bookingIdFilter(bookingId: string): string {
  const quoted = bookingId.replaceAll("'", "''");
  return `singleValueExtendedProperties/Any(ep: ep/id eq '${BOOKING_ID_PROPERTY}' and ep/value eq '${quoted}')`;
}

/** `$expand` that returns the booking id with each event. */
export const BOOKING_ID_EXPAND = `singleValueExtendedProperties($filter=id eq '${BOOKING_ID_PROPERTY}')`;
