import { DateTime } from 'luxon';
import { AppRegistry, type AppRegistration } from './entra/apps.js';
import type { EventInput } from './state/event-input.js';
import type { EmulatorStore } from './state/store.js';
import { toIanaZone } from './state/time-zones.js';

/**
 * The demo tenant `npm start` begins with: four people in different zones (incl. a half-hour
 * offset), realistic calendars (recurring, all-day, private, tentative, a secondary calendar),
 * and fixed app registrations so the local services can be configured with known ids.
 * The secrets are for the local emulator only.
 */
export const DEMO_TENANT = {
  id: '5e0f2c1a-7b3d-4e8f-9a6b-2c4d6e8f0a1b',
  displayName: 'Contoso (demo)',
  domain: 'contoso.onmicrosoft.com',
} as const;

export const DEMO_API_APP = {
  clientId: 'c0ffee00-7a4d-4e00-8000-000000000001',
  clientSecret: 'local-dev-only-tandem-api-secret',
  identifierUri: 'api://localhost/c0ffee00-7a4d-4e00-8000-000000000001',
} as const;

/** The API's app role the bot's application token must carry. */
export const BOT_APP_ROLE = 'Tandem.Bot';

/**
 * The Teams bot: a confidential client that calls the API with client credentials
 * (`${DEMO_API_APP.identifierUri}/.default`), granted the API's `Tandem.Bot` app role.
 */
export const DEMO_BOT_APP = {
  clientId: 'c0ffee00-7a4d-4e00-8000-000000000003',
  clientSecret: 'local-dev-only-tandem-bot-secret',
} as const;

/** The front end (Teams tab, Outlook add-in, web): a public client using PKCE. */
export const DEMO_WEB_APP = { clientId: 'c0ffee00-7a4d-4e00-8000-000000000002' } as const;

export const DEMO_USERS = [
  {
    userPrincipalName: 'adele',
    displayName: 'Adele Vance',
    jobTitle: 'Product Manager',
    timeZone: 'Pacific Standard Time',
    // Starts early and Alex stays late, so the three of them share an hour most days (team pages).
    hours: ['07:00', '16:00'],
  },
  {
    userPrincipalName: 'megan',
    displayName: 'Megan Bowen',
    jobTitle: 'Marketing Lead',
    timeZone: 'W. Europe Standard Time',
    hours: ['09:00', '17:30'],
  },
  {
    userPrincipalName: 'alex',
    displayName: 'Alex Wilber',
    jobTitle: 'Solutions Engineer',
    timeZone: 'India Standard Time',
    hours: ['13:00', '21:30'],
  },
  {
    userPrincipalName: 'lynne',
    displayName: 'Lynne Robbins',
    jobTitle: 'Account Executive',
    timeZone: 'GMT Standard Time',
    hours: ['08:30', '16:30'],
  },
] as const;

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

function at(day: DateTime, time: string, minutes: number, zone: string) {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const start = day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  const fmt = (d: DateTime) => d.toFormat("yyyy-MM-dd'T'HH:mm:ss");
  return {
    start: { dateTime: fmt(start), timeZone: zone },
    end: { dateTime: fmt(start.plus({ minutes })), timeZone: zone },
  };
}

/** One person's week: standups, focus time, a customer call, a private appointment, a day off. */
function calendarOf(zone: string, monday: DateTime, weeklyDay: (typeof WEEKDAYS)[number]): EventInput[] {
  const day = (n: number) => monday.plus({ days: n });
  return [
    {
      subject: 'Team standup',
      ...at(monday, '09:30', 15, zone),
      isOnlineMeeting: true,
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: [...WEEKDAYS], firstDayOfWeek: 'monday' },
        range: { type: 'noEnd', startDate: monday.toISODate() },
      },
    },
    {
      subject: 'Monthly business review',
      ...at(monday, '15:00', 60, zone),
      recurrence: {
        pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], index: 'first' },
        range: { type: 'numbered', startDate: monday.toISODate(), numberOfOccurrences: 12 },
      },
    },
    {
      subject: 'One-on-one',
      ...at(monday, '11:00', 30, zone),
      recurrence: {
        pattern: { type: 'weekly', interval: 2, daysOfWeek: [weeklyDay], firstDayOfWeek: 'monday' },
        range: { type: 'numbered', startDate: monday.toISODate(), numberOfOccurrences: 10 },
      },
    },
    { subject: 'Focus time', showAs: 'busy', ...at(day(1), '13:00', 120, zone) },
    {
      subject: 'Customer call – Fabrikam',
      ...at(day(2), '14:00', 45, zone),
      attendees: [{ emailAddress: { address: 'buyer@fabrikam.example', name: 'Fabrikam buyer' } }],
      isOnlineMeeting: true,
    },
    { subject: 'Dentist', sensitivity: 'private', showAs: 'oof', ...at(day(3), '08:00', 60, zone) },
    { subject: 'Maybe: design critique', showAs: 'tentative', ...at(day(3), '16:00', 60, zone) },
    {
      subject: 'Working from the Paris office',
      showAs: 'workingElsewhere',
      isAllDay: true,
      start: { dateTime: `${day(8).toISODate()}T00:00:00`, timeZone: zone },
      end: { dateTime: `${day(9).toISODate()}T00:00:00`, timeZone: zone },
    },
    {
      subject: 'Vacation',
      showAs: 'oof',
      isAllDay: true,
      start: { dateTime: `${day(11).toISODate()}T00:00:00`, timeZone: zone },
      end: { dateTime: `${day(15).toISODate()}T00:00:00`, timeZone: zone },
    },
    // The rest of the month: planning, held time that may or may not happen, a workshop.
    { subject: 'Quarterly planning', showAs: 'busy', ...at(day(16), '10:00', 120, zone) },
    { subject: 'Hold: partner summit prep', showAs: 'tentative', ...at(day(17), '13:30', 90, zone) },
    {
      subject: 'Customer workshop – Northwind',
      ...at(day(22), '12:00', 180, zone),
      attendees: [{ emailAddress: { address: 'it@northwind.example', name: 'Northwind IT' } }],
    },
    { subject: 'Hold: interview panel', showAs: 'tentative', ...at(day(24), '14:00', 60, zone) },
    { subject: 'Release retrospective', ...at(day(25), '15:00', 60, zone) },
  ];
}

/** The secondary "Personal" calendar: evenings, and appointments inside working hours that must block. */
function personalCalendarOf(zone: string, monday: DateTime): EventInput[] {
  const day = (n: number) => monday.plus({ days: n });
  return [
    {
      subject: 'Gym',
      ...at(day(1), '18:00', 60, zone),
      recurrence: {
        pattern: {
          type: 'weekly',
          interval: 1,
          daysOfWeek: ['tuesday', 'thursday'],
          firstDayOfWeek: 'monday',
        },
        range: { type: 'noEnd', startDate: day(1).toISODate() },
      },
    },
    { subject: 'Doctor', showAs: 'busy', ...at(day(4), '13:00', 90, zone) },
    { subject: 'School play', showAs: 'busy', ...at(day(18), '14:00', 120, zone) },
  ];
}

/** Apps of the demo tenant (idempotent: existing registrations are left as they are). */
export function registerDemoApps(
  apps: AppRegistry,
  webOrigins: readonly string[] = [
    'http://127.0.0.1:5173',
    'http://localhost:5173',
    'https://localhost:5173',
  ],
): AppRegistration[] {
  const out: AppRegistration[] = [];
  if (!apps.find(DEMO_API_APP.clientId)) {
    out.push(
      apps.register({
        clientId: DEMO_API_APP.clientId,
        displayName: 'Tandem API',
        clientSecret: DEMO_API_APP.clientSecret,
        exposeApi: true,
        redirectUris: webOrigins.map((o) => `${o}/auth/callback`),
        applicationPermissions: ['Calendars.ReadWrite', 'MailboxSettings.Read', 'User.Read.All'],
        appRoles: [BOT_APP_ROLE],
      }),
    );
  }
  // A store saved before the API defined the bot's role gets it now.
  apps.defineAppRole(DEMO_API_APP.clientId, BOT_APP_ROLE);
  if (!apps.find(DEMO_BOT_APP.clientId)) {
    out.push(
      apps.register({
        clientId: DEMO_BOT_APP.clientId,
        displayName: 'Tandem bot',
        clientSecret: DEMO_BOT_APP.clientSecret,
        delegatedPermissions: [],
      }),
    );
  }
  apps.grantAppRole(DEMO_BOT_APP.clientId, DEMO_API_APP.clientId, BOT_APP_ROLE);
  if (!apps.find(DEMO_WEB_APP.clientId)) {
    out.push(
      apps.register({
        clientId: DEMO_WEB_APP.clientId,
        displayName: 'Tandem',
        clientSecret: null,
        // The front end signs in from the page it runs in (MSAL's redirect URI is that page).
        redirectUris: webOrigins.flatMap((o) => [
          `${o}/`,
          `${o}/auth/callback`,
          `${o}/taskpane.html`,
          `${o}/tab.html`,
          `brk-multihub://${new URL(o).host}`,
        ]),
        delegatedPermissions: ['openid', 'profile', 'offline_access', 'User.Read'],
      }),
    );
  }
  return out;
}

/**
 * Seeds an empty store with the demo tenant. Calendars start on the Monday of the week `now`
 * falls in, in each person's own zone, so the demo always shows a busy current week.
 */
export function seedDemoTenant(
  store: EmulatorStore,
  options: {
    now?: Date;
    /** Seed the people into this existing tenant instead of creating the demo tenant (tests). */
    tenantId?: string;
  } = {},
): void {
  if (store.listUsers().length > 0) return;
  const tenantId = options.tenantId ?? store.addTenant(DEMO_TENANT).id;
  registerDemoApps(
    new AppRegistry(store.extension<Record<string, AppRegistration>>('entra-apps', () => ({}))),
  );
  const now = options.now ?? new Date();
  DEMO_USERS.forEach((person, i) => {
    const user = store.addUser({
      tenantId,
      userPrincipalName: person.userPrincipalName,
      displayName: person.displayName,
      jobTitle: person.jobTitle,
      timeZone: person.timeZone,
      workingHours: { startTime: `${person.hours[0]}:00.0000000`, endTime: `${person.hours[1]}:00.0000000` },
    });
    const zone = toIanaZone(person.timeZone)!;
    const monday = DateTime.fromJSDate(now, { zone }).startOf('week');
    for (const event of calendarOf(person.timeZone, monday, WEEKDAYS[i % WEEKDAYS.length]!))
      store.addEvent(user.id, event);
    const personal = store.addCalendar(user.id, { name: 'Personal', color: 'lightGreen' });
    for (const event of personalCalendarOf(person.timeZone, monday))
      store.addEvent(user.id, event, { calendarId: personal.id });
  });
}
