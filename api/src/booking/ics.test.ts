import { escapeText, toIcs } from './ics.js';

const event = {
  uid: 'bk_1@tandem',
  start: '2026-03-29T00:30:00Z',
  end: '2026-03-29T01:00:00.000Z',
  stamp: '2026-03-01T12:00:00Z',
  summary: 'Intro; call, with Megan',
  description: 'Line one\nLine two \\ done',
  location: 'Main St 1, Berlin',
  organizer: { name: 'Megan "MB" Bowen', email: 'megan@contoso.example' },
  attendee: { name: 'Alex', email: 'alex@example.com' },
  status: 'CONFIRMED' as const,
  sequence: 2,
};

describe('the .ics file of a booking', () => {
  it('writes UTC times, escaped text and CRLF lines', () => {
    const ics = toIcs(event);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n')).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'DTSTART:20260329T003000Z',
        'DTEND:20260329T010000Z',
        'SUMMARY:Intro\\; call\\, with Megan',
        'DESCRIPTION:Line one\\nLine two \\\\ done',
        'LOCATION:Main St 1\\, Berlin',
        'ORGANIZER;CN="Megan MB Bowen":mailto:megan@contoso.example',
        'END:VCALENDAR',
      ]),
    );
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const ics = toIcs({ ...event, description: 'é'.repeat(100) });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`DESCRIPTION:${'é'.repeat(100)}`);
  });

  it('drops control characters from text', () => {
    expect(escapeText('a\u0007b\u0000c')).toBe('abc');
  });
});
