import { bookingEventKindSchema } from '@tandem/api/contracts';
import { adaptiveCardProblems } from '../testing/adaptive-card-check.js';
import { sampleBooking, sampleEvent } from '../testing/samples.js';
import { bookingEventView, bookingOutcomeView } from './booking-views.js';
import { greetingView, helpView } from './help-view.js';
import { cardNames, renderCard, type CardName, type CardViews } from './render.js';

type Sample = { [N in CardName]: [string, N, CardViews[N]] }[CardName];

const samples: Sample[] = [
  ['greeting', 'help', greetingView()],
  ['greeting in a team', 'help', greetingView('team')],
  ['help with a hint', 'help', helpView('bok megan')],
  ...bookingEventKindSchema.options.map((kind): Sample => [
    `booking event ${kind}`,
    'booking-event',
    bookingEventView(
      sampleEvent(kind, {
        ...(kind === 'rescheduled' && {
          previous: { start: '2026-03-29T16:00:00.000Z', end: '2026-03-29T16:30:00.000Z' },
        }),
        ...(kind === 'changedInOutlook' && { outlookChange: 'moved', breaksPageRules: true }),
      }),
      { publicBaseUrl: 'https://tandem.example' },
    ),
  ]),
  [
    'outcome after accepting',
    'booking-event',
    bookingOutcomeView(sampleBooking, {
      pageTitle: 'Intro call',
      timeZone: 'Europe/London',
      outcome: 'accepted',
    }),
  ],
  [
    'people and pages',
    'people-pages',
    {
      title: 'Book Megan Bowen',
      people: [
        {
          name: 'Megan Bowen',
          pages: [
            { label: 'Intro call · 30 min', pageId: 'p1', duration: 30 },
            { label: 'Intro call · 60 min', pageId: 'p1', duration: 60 },
          ],
        },
      ],
    },
  ],
  [
    'slots',
    'slots',
    {
      title: 'Intro call with Megan Bowen',
      subtitle: '30 minutes; times in Asia/Kolkata.',
      empty: 'No free time in the next 14 days.',
      pageId: 'p1',
      duration: 30,
      days: [{ label: 'Mon 30 Mar', slots: [{ label: '21:30', start: '2026-03-30T16:00:00.000Z' }] }],
      pageUrl: 'https://tandem.example/?page=p1',
    },
  ],
  [
    'no slots',
    'slots',
    {
      title: 'Intro call',
      subtitle: '30 minutes',
      empty: 'No free time.',
      pageId: 'p1',
      duration: 30,
      days: [],
    },
  ],
  [
    'booked',
    'booked',
    {
      title: 'Booked',
      note: 'With Megan.',
      facts: [{ title: 'When', value: 'Mon 30 Mar' }],
      joinUrl: 'https://t.example/j',
    },
  ],
  [
    'bookings to cancel',
    'bookings-list',
    {
      title: 'Which booking should I cancel?',
      empty: 'None.',
      sections: [
        {
          label: 'Upcoming',
          items: [
            {
              when: 'Mon 30 Mar',
              what: 'Priya',
              bookingId: 'b1',
              pageTitle: 'Intro',
              timeZone: 'UTC',
              cancellable: true,
            },
          ],
        },
      ],
    },
  ],
  ['no bookings', 'bookings-list', { title: 'Your bookings', empty: 'Nothing booked.', sections: [] }],
];

describe('every card template', () => {
  it('has a sample here', () => {
    expect(new Set(samples.map(([, name]) => name))).toEqual(new Set(cardNames));
  });

  it.each(samples)('renders %s as a valid Adaptive Card 1.5', (_, name, view) => {
    const card = renderCard(name, view as never);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

describe('the Adaptive Cards 1.5 check itself', () => {
  it('reports an unknown element, an unknown property and an invalid value', () => {
    const problems = adaptiveCardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Carousel' },
        { type: 'TextBlock', text: 'x', sizee: 'Large' },
        { type: 'TextBlock', text: 'y', size: 'Huge' },
      ],
    });
    expect(problems.join('\n')).toMatch(/Carousel/);
    expect(problems.join('\n')).toMatch(/sizee/);
    expect(problems.join('\n')).toMatch(/Huge/);
  });
});

describe('the booking event card', () => {
  const texts = (card: unknown) => JSON.stringify(card);

  it('shows the time in the host zone and the invitee their own, with the answers by question label', () => {
    const card = renderCard('booking-event', bookingEventView(sampleEvent('booked')));
    expect(texts(card)).toContain('Mon 30 Mar, 09:00–09:30 (America/Los_Angeles)');
    expect(texts(card)).toContain('Mon 30 Mar, 21:30–22:00 (Asia/Kolkata)');
    expect(texts(card)).toContain('What would you like to talk about?');
    expect(texts(card)).not.toContain('"Phone"');
  });

  it('offers Accept and Decline with a reason only while the booking waits for approval', () => {
    const waiting = renderCard('booking-event', bookingEventView(sampleEvent('needsApproval')));
    const verbs = (card: { actions?: { verb?: string }[] }) =>
      (card.actions ?? []).map((a) => a.verb).filter(Boolean);
    expect(verbs(waiting as never)).toEqual(['approve', 'decline']);
    expect(texts(waiting)).toContain('"Input.Text"');
    const booked = renderCard('booking-event', bookingEventView(sampleEvent('booked')));
    expect(verbs(booked as never)).toEqual(['cancel']);
    const decided = renderCard(
      'booking-event',
      bookingOutcomeView(sampleBooking, { pageTitle: 'Intro call', timeZone: 'UTC', outcome: 'accepted' }),
    );
    expect(verbs(decided as never)).toEqual([]);
  });

  it('shows a name or answer typed as a Markdown link as text, never as a link', () => {
    const event = sampleEvent('needsApproval', {
      booking: {
        invitee: { name: '[Approve now](https://evil.example)', email: 'a@example.com', timeZone: 'UTC' },
        answers: { topic: '<https://evil.example>' },
      },
    });
    const card = renderCard('booking-event', bookingEventView(event));
    const json = JSON.stringify(card);
    expect(json).not.toMatch(/[^\\]\[Approve now\]\(/);
    expect(json).toContain('\\\\[Approve now\\\\](https://evil.example)');
    expect(json).toContain('\\\\<https://evil.example\\\\>');
  });

  it('offers no Teams link for a cancelled booking', () => {
    const card = renderCard('booking-event', bookingEventView(sampleEvent('cancelled')));
    expect(texts(card)).not.toContain('Join Teams meeting');
    expect(texts(card)).toContain('Travelling that week');
  });
});
