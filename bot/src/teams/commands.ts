// What a person can type to the bot. Matching is on the first words, case-insensitive, so "Book megan",
// "book Intro call" and "my bookings please" all work.

export type Command =
  | { kind: 'book'; query: string }
  | { kind: 'myBookings' }
  | { kind: 'cancel' }
  | { kind: 'help' }
  | { kind: 'unknown'; text: string };

/**
 * @example
 * parseCommand('  BOOK  Megan Bowen ') // { kind: 'book', query: 'Megan Bowen' }
 * parseCommand('book') // { kind: 'book', query: '' } — the bot asks whom to book
 */
export function parseCommand(text: string | undefined): Command {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  const lower = clean.toLowerCase();
  const book = /^book\b\s*(.*)$/i.exec(clean);
  if (book) return { kind: 'book', query: book[1]!.trim() };
  if (/^(my )?bookings?\b/.test(lower) || lower === 'my meetings') return { kind: 'myBookings' };
  if (/^cancel\b/.test(lower)) return { kind: 'cancel' };
  if (/^(help|\?|hi|hello|what can you do)\b/.test(lower)) return { kind: 'help' };
  return { kind: 'unknown', text: clean };
}

export const commandHelp = [
  {
    command: 'book <name or page>',
    what: 'Book time with a colleague: pick one of their pages, then a time.',
  },
  { command: 'my bookings', what: 'Your bookings today and this week.' },
  { command: 'cancel', what: 'Pick one of your upcoming bookings to cancel.' },
  { command: 'help', what: 'This list.' },
];
