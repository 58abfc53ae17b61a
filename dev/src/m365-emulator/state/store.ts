import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { GraphError, invalidUser, itemNotFound, staleChangeKey } from '../errors.js';
import { clone } from './clone.js';
import { applyEventInput, type EventInput } from './event-input.js';
import { propagateMeeting } from './meeting-copies.js';
import type { GraphEvent, MailboxSettings, WorkingHours } from './graph-types.js';
import { newCalendarId, newChangeKey, newGuid, newICalUId, newItemId } from './ids.js';
import type {
  CalendarRecord,
  ChangeListener,
  ChangeRecord,
  ChangeType,
  EventRecord,
  TenantRecord,
  Tombstone,
  UserRecord,
} from './records.js';
import { toWindowsZone } from './time-zones.js';

export interface NewTenant {
  id?: string;
  displayName?: string;
  domain?: string;
}

export interface NewUser {
  id?: string;
  tenantId?: string;
  /** "adele@contoso.onmicrosoft.com"; a bare alias gets the tenant's domain. */
  userPrincipalName: string;
  displayName: string;
  mail?: string;
  givenName?: string;
  surname?: string;
  jobTitle?: string;
  /** Windows or IANA name; stored as the Windows name Outlook reports. Default "UTC". */
  timeZone?: string;
  workingHours?: Partial<WorkingHours>;
}

export interface NewCalendar {
  id?: string;
  name: string;
  color?: string;
}

interface StoreSnapshot {
  format: 'tandem-m365-emulator/1';
  version: number;
  tenants: TenantRecord[];
  users: UserRecord[];
  calendars: CalendarRecord[];
  events: EventRecord[];
  changes: ChangeRecord[];
  tombstones: Tombstone[];
  extensions: Record<string, unknown>;
}

const CALENDAR_COLORS: Array<[string, string]> = [
  ['auto', ''],
  ['lightBlue', '#a6d1f5'],
  ['lightGreen', '#87d28e'],
  ['lightOrange', '#fcab73'],
  ['lightGray', '#c0c0c0'],
  ['lightYellow', '#f4d07a'],
  ['lightTeal', '#7fd6d2'],
  ['lightPink', '#f6a1ce'],
];

function nowIso(): string {
  return new Date().toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/**
 * The emulator's whole state: tenants, users with their mailbox settings, calendars and events,
 * and the change feed every event write appends to. All Graph routes and the seed API go through it.
 */
export class EmulatorStore {
  private tenants = new Map<string, TenantRecord>();
  private users = new Map<string, UserRecord>();
  private calendars = new Map<string, CalendarRecord>();
  private events = new Map<string, EventRecord>();
  private changeLog: ChangeRecord[] = [];
  private tombstoneLog: Tombstone[] = [];
  private extensionData: Record<string, unknown> = {};
  private listeners = new Set<ChangeListener>();

  constructor(
    private readonly options: {
      /** Copy meetings into the calendars of attendees who are users here, as Exchange does. Default true. */
      propagateMeetings: boolean;
    } = { propagateMeetings: true },
  ) {}
  private currentVersion = 0;

  // ---- tenants and users -------------------------------------------------------------------

  addTenant(input: NewTenant = {}): TenantRecord {
    const tenant: TenantRecord = {
      id: input.id ?? newGuid(),
      displayName: input.displayName ?? 'Contoso',
      domain: input.domain ?? 'contoso.onmicrosoft.com',
    };
    this.tenants.set(tenant.id, tenant);
    return clone(tenant);
  }

  /** The first tenant; one is created on demand so single-tenant seeds need not bother. */
  defaultTenant(): TenantRecord {
    const first = this.tenants.values().next();
    return first.done ? this.addTenant() : clone(first.value);
  }

  getTenant(id: string): TenantRecord | undefined {
    const t = this.tenants.get(id);
    return t && clone(t);
  }

  listTenants(): TenantRecord[] {
    return [...this.tenants.values()].map(clone);
  }

  addUser(input: NewUser): UserRecord {
    const tenant = input.tenantId ? this.getTenant(input.tenantId) : this.defaultTenant();
    if (!tenant) throw new GraphError(400, 'ErrorInvalidRequest', `Unknown tenant '${input.tenantId}'.`);
    const upn = input.userPrincipalName.includes('@')
      ? input.userPrincipalName
      : `${input.userPrincipalName}@${tenant.domain}`;
    if (this.findUser(upn))
      throw new GraphError(409, 'ErrorInvalidRequest', `A user '${upn}' already exists.`);
    const timeZone = toWindowsZone(input.timeZone ?? 'UTC');
    const mailboxSettings: MailboxSettings = {
      timeZone,
      dateFormat: 'yyyy-MM-dd',
      timeFormat: 'HH:mm',
      workingHours: {
        daysOfWeek: input.workingHours?.daysOfWeek ?? [
          'monday',
          'tuesday',
          'wednesday',
          'thursday',
          'friday',
        ],
        startTime: input.workingHours?.startTime ?? '08:00:00.0000000',
        endTime: input.workingHours?.endTime ?? '17:00:00.0000000',
        timeZone: input.workingHours?.timeZone ?? { name: timeZone },
      },
    };
    const user: UserRecord = {
      id: input.id ?? newGuid(),
      tenantId: tenant.id,
      userPrincipalName: upn,
      displayName: input.displayName,
      mail: input.mail ?? upn,
      givenName: input.givenName ?? input.displayName.split(' ')[0] ?? null,
      surname: input.surname ?? (input.displayName.split(' ').slice(1).join(' ') || null),
      jobTitle: input.jobTitle ?? null,
      mailboxSettings,
    };
    this.users.set(user.id, user);
    this.insertCalendar(user.id, { name: 'Calendar' }, true);
    return clone(user);
  }

  /** By object id (GUID) or user principal name, case-insensitively, as Graph's /users/{id | upn}. */
  findUser(idOrUpn: string): UserRecord | undefined {
    const user = this.rawUser(idOrUpn);
    return user && clone(user);
  }

  getUser(idOrUpn: string): UserRecord {
    return clone(this.requireUser(idOrUpn));
  }

  private rawUser(idOrUpn: string): UserRecord | undefined {
    const direct = this.users.get(idOrUpn);
    if (direct) return direct;
    const lower = idOrUpn.toLowerCase();
    for (const u of this.users.values()) {
      if (u.id.toLowerCase() === lower || u.userPrincipalName.toLowerCase() === lower) return u;
    }
    return undefined;
  }

  private requireUser(idOrUpn: string): UserRecord {
    const user = this.rawUser(idOrUpn);
    if (!user) throw invalidUser(idOrUpn);
    return user;
  }

  listUsers(tenantId?: string): UserRecord[] {
    return [...this.users.values()].filter((u) => !tenantId || u.tenantId === tenantId).map(clone);
  }

  updateMailboxSettings(userId: string, patch: Partial<MailboxSettings>): MailboxSettings {
    const user = this.requireUser(userId);
    if (patch.timeZone !== undefined) user.mailboxSettings.timeZone = patch.timeZone;
    if (patch.workingHours !== undefined)
      user.mailboxSettings.workingHours = { ...user.mailboxSettings.workingHours, ...patch.workingHours };
    if (patch.dateFormat !== undefined) user.mailboxSettings.dateFormat = patch.dateFormat;
    if (patch.timeFormat !== undefined) user.mailboxSettings.timeFormat = patch.timeFormat;
    return clone(user.mailboxSettings);
  }

  // ---- calendars -----------------------------------------------------------------------------

  addCalendar(userId: string, input: NewCalendar): CalendarRecord {
    return this.insertCalendar(this.requireUser(userId).id, input, false);
  }

  private insertCalendar(userId: string, input: NewCalendar, isDefault: boolean): CalendarRecord {
    const index = this.listCalendars(userId).length % CALENDAR_COLORS.length;
    const [color, hexColor] = CALENDAR_COLORS.find(([c]) => c === input.color) ?? CALENDAR_COLORS[index]!;
    const calendar: CalendarRecord = {
      id: input.id ?? newCalendarId(),
      userId,
      name: input.name,
      color,
      hexColor,
      isDefaultCalendar: isDefault,
      changeKey: newChangeKey(),
    };
    this.calendars.set(calendar.id, calendar);
    return clone(calendar);
  }

  listCalendars(userId: string): CalendarRecord[] {
    return [...this.calendars.values()].filter((c) => c.userId === userId).map(clone);
  }

  defaultCalendar(userId: string): CalendarRecord {
    const user = this.requireUser(userId);
    const calendar = [...this.calendars.values()].find((c) => c.userId === user.id && c.isDefaultCalendar);
    if (!calendar) throw itemNotFound();
    return clone(calendar);
  }

  /** A calendar of this user; 404 ErrorItemNotFound when it is missing or someone else's. */
  getCalendar(userId: string, calendarId: string): CalendarRecord {
    return clone(this.requireCalendar(userId, calendarId));
  }

  private requireCalendar(userId: string, calendarId: string): CalendarRecord {
    const calendar = this.calendars.get(calendarId);
    if (!calendar || calendar.userId !== this.requireUser(userId).id) throw itemNotFound();
    return calendar;
  }

  // ---- events ------------------------------------------------------------------------------

  /** Seed API: creates an event from a Graph create body, in the default calendar unless told. */
  addEvent(userId: string, input: EventInput, options: { calendarId?: string } = {}): GraphEvent {
    const user = this.requireUser(userId);
    const calendarId = options.calendarId ?? this.defaultCalendar(user.id).id;
    return this.createEvent(user.id, calendarId, input);
  }

  /**
   * Creates an event from a validated Graph create body. A body whose `transactionId` matches an
   * existing event of the mailbox returns that event unchanged (and records no change).
   */
  createEvent(userId: string, calendarId: string, input: EventInput): GraphEvent {
    const user = this.requireUser(userId);
    const calendar = this.requireCalendar(user.id, calendarId);
    if (typeof input.transactionId === 'string') {
      const existing = this.findByTransactionId(user.id, input.transactionId);
      if (existing) return existing;
    }
    const event = applyEventInput(this.blankEvent(user), input, 'create');
    event.type = event.recurrence ? 'seriesMaster' : 'singleInstance';
    if (event.recurrence) event.cancelledOccurrences = [];
    const created = this.insertEvent(user.id, calendar.id, event);
    this.propagate(user, null, created);
    return created;
  }

  /** Meetings with attendees of this tenant reach their calendars (see meeting-copies.ts). */
  private propagate(organizer: UserRecord, before: GraphEvent | null, after: GraphEvent | null): void {
    if (this.options.propagateMeetings) propagateMeeting(this, organizer, before, after);
  }

  /** Stores a fully formed event (exceptions of a series, restored snapshots) and records 'created'. */
  insertEvent(userId: string, calendarId: string, event: GraphEvent): GraphEvent {
    this.requireCalendar(userId, calendarId);
    if (this.events.has(event.id))
      throw new GraphError(409, 'ErrorItemAlreadyExists', `An item with id '${event.id}' already exists.`);
    this.events.set(event.id, { userId, calendarId, event: clone(event) });
    this.record(userId, calendarId, event.id, 'created');
    return clone(event);
  }

  findByTransactionId(userId: string, transactionId: string): GraphEvent | undefined {
    for (const r of this.events.values()) {
      if (r.userId === userId && r.event.transactionId === transactionId) return clone(r.event);
    }
    return undefined;
  }

  findEvent(userId: string, eventId: string): EventRecord | undefined {
    const r = this.events.get(eventId);
    return r && r.userId === userId ? clone(r) : undefined;
  }

  getEvent(userId: string, eventId: string): EventRecord {
    const r = this.findEvent(userId, eventId);
    if (!r) throw itemNotFound();
    return r;
  }

  /** Events of a mailbox, optionally of one calendar, in creation order. Stored items only (no expansion). */
  listEvents(userId: string, calendarId?: string): EventRecord[] {
    const out: EventRecord[] = [];
    for (const r of this.events.values()) {
      if (r.userId === userId && (!calendarId || r.calendarId === calendarId)) out.push(clone(r));
    }
    return out;
  }

  /** Applies a PATCH body. `ifMatch` (a change key) must match the stored one, else 412. */
  updateEvent(
    userId: string,
    eventId: string,
    input: EventInput,
    options: { ifMatchChangeKey?: string } = {},
  ): GraphEvent {
    const before = this.events.get(eventId)?.event;
    const after = this.mutateEvent(
      userId,
      eventId,
      (event) => applyEventInput(event, input, 'update'),
      options,
    );
    this.propagate(this.requireUser(userId), before ?? null, after);
    return after;
  }

  /**
   * The one path every modification takes: mutate a copy (in place, or return a replacement), bump
   * changeKey and lastModifiedDateTime, store, record 'updated'.
   */
  mutateEvent(
    userId: string,
    eventId: string,
    mutate: (event: GraphEvent) => GraphEvent | undefined,
    options: { ifMatchChangeKey?: string } = {},
  ): GraphEvent {
    const record = this.events.get(eventId);
    if (!record || record.userId !== userId) throw itemNotFound();
    if (options.ifMatchChangeKey !== undefined && options.ifMatchChangeKey !== record.event.changeKey) {
      throw staleChangeKey();
    }
    const draft = clone(record.event);
    const next = mutate(draft) ?? draft;
    next.id = record.event.id;
    next.changeKey = newChangeKey();
    next.lastModifiedDateTime = nowIso();
    record.event = next;
    this.record(userId, record.calendarId, eventId, 'updated');
    return clone(next);
  }

  /**
   * Deletes an event (a series master takes its exceptions along); each leaves a tombstone.
   * `cancelled` marks the tombstones `isCancelled`, as the organizer's cancel does.
   */
  deleteEvent(userId: string, eventId: string, options: { cancelled?: boolean } = {}): void {
    const record = this.events.get(eventId);
    if (!record || record.userId !== userId) throw itemNotFound();
    if (record.event.type === 'seriesMaster') {
      for (const r of [...this.events.values()]) {
        if (r.event.seriesMasterId === eventId) this.remove(r, options.cancelled ?? false);
      }
    }
    this.remove(record, options.cancelled ?? false);
    this.propagate(this.requireUser(userId), record.event, null);
  }

  private remove(record: EventRecord, cancelled: boolean): void {
    this.events.delete(record.event.id);
    if (cancelled) record.event.isCancelled = true;
    const change = this.record(record.userId, record.calendarId, record.event.id, 'deleted');
    this.tombstoneLog.push({
      version: change.version,
      userId: record.userId,
      calendarId: record.calendarId,
      eventId: record.event.id,
      deletedAt: change.at,
      event: record.event,
    });
  }

  private blankEvent(user: UserRecord): GraphEvent {
    const id = newItemId();
    const now = nowIso();
    return {
      id,
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: newChangeKey(),
      categories: [],
      transactionId: null,
      originalStartTimeZone: 'UTC',
      originalEndTimeZone: 'UTC',
      iCalUId: newICalUId(),
      reminderMinutesBeforeStart: 15,
      isReminderOn: true,
      hasAttachments: false,
      subject: '',
      bodyPreview: '',
      importance: 'normal',
      sensitivity: 'normal',
      isAllDay: false,
      isCancelled: false,
      isOrganizer: true,
      responseRequested: true,
      seriesMasterId: null,
      showAs: 'busy',
      type: 'singleInstance',
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
      onlineMeetingUrl: null,
      isOnlineMeeting: false,
      onlineMeetingProvider: 'unknown',
      allowNewTimeProposals: true,
      isDraft: false,
      hideAttendees: false,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      body: { contentType: 'html', content: '' },
      start: { dateTime: '0001-01-01T00:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '0001-01-01T00:00:00.0000000', timeZone: 'UTC' },
      location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown' },
      locations: [],
      recurrence: null,
      attendees: [],
      organizer: { emailAddress: { name: user.displayName, address: user.mail } },
      onlineMeeting: null,
      singleValueExtendedProperties: [],
    };
  }

  // ---- change feed ---------------------------------------------------------------------------

  /** The version of the latest change (0 before any). */
  get version(): number {
    return this.currentVersion;
  }

  /** Changes with version > `sinceVersion`, oldest first, optionally of one mailbox. */
  changesSince(sinceVersion: number, filter: { userId?: string; calendarId?: string } = {}): ChangeRecord[] {
    return this.changeLog
      .slice(this.firstChangeAfter(sinceVersion))
      .filter(
        (c) =>
          c.version > sinceVersion &&
          (!filter.userId || c.userId === filter.userId) &&
          (!filter.calendarId || c.calendarId === filter.calendarId),
      )
      .map(clone);
  }

  /** Index of the first change newer than `version`: the log is in version order, so a binary search. */
  private firstChangeAfter(version: number): number {
    let lo = 0;
    let hi = this.changeLog.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.changeLog[mid]!.version <= version) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Tombstones of events deleted after `sinceVersion`. */
  tombstonesSince(sinceVersion: number, filter: { userId?: string; calendarId?: string } = {}): Tombstone[] {
    return this.tombstoneLog
      .filter(
        (t) =>
          t.version > sinceVersion &&
          (!filter.userId || t.userId === filter.userId) &&
          (!filter.calendarId || t.calendarId === filter.calendarId),
      )
      .map(clone);
  }

  /** Calls `listener` synchronously after every event write. Returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private record(userId: string, calendarId: string, eventId: string, changeType: ChangeType): ChangeRecord {
    const user = this.users.get(userId);
    const change: ChangeRecord = {
      version: ++this.currentVersion,
      tenantId: user?.tenantId ?? '',
      userId,
      calendarId,
      eventId,
      changeType,
      at: new Date().toISOString(),
    };
    this.changeLog.push(change);
    for (const listener of this.listeners) {
      try {
        listener(clone(change));
      } catch (error) {
        // A faulty listener must not undo or block the write that already happened.
        console.error('m365-emulator: change listener failed', error);
      }
    }
    return change;
  }

  // ---- extensions and persistence -------------------------------------------------------------

  /**
   * A named, JSON-serialisable bag another part of the emulator keeps its own state in
   * (subscriptions, delta tokens), so it is saved, loaded and survives a restart with the rest.
   */
  extension<T>(name: string, init: () => T): T {
    if (!(name in this.extensionData)) this.extensionData[name] = init();
    return this.extensionData[name] as T;
  }

  toJSON(): StoreSnapshot {
    return {
      format: 'tandem-m365-emulator/1',
      version: this.currentVersion,
      tenants: [...this.tenants.values()],
      users: [...this.users.values()],
      calendars: [...this.calendars.values()],
      events: [...this.events.values()],
      changes: this.changeLog,
      tombstones: this.tombstoneLog,
      extensions: this.extensionData,
    };
  }

  /** Replaces the whole state with a snapshot (listeners stay subscribed). */
  restore(snapshot: unknown): void {
    const s = snapshot as Partial<StoreSnapshot>;
    if (!s || s.format !== 'tandem-m365-emulator/1') {
      throw new GraphError(
        400,
        'ErrorInvalidRequest',
        "Not an emulator snapshot: 'format' must be 'tandem-m365-emulator/1'.",
      );
    }
    const copy = clone(s as StoreSnapshot);
    this.tenants = new Map(copy.tenants.map((t) => [t.id, t]));
    this.users = new Map(copy.users.map((u) => [u.id, u]));
    this.calendars = new Map(copy.calendars.map((c) => [c.id, c]));
    this.events = new Map(copy.events.map((e) => [e.event.id, e]));
    this.changeLog = copy.changes;
    this.tombstoneLog = copy.tombstones;
    this.extensionData = copy.extensions ?? {};
    this.currentVersion = copy.version;
  }

  saveToFile(path: string): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(this.toJSON()));
  }

  loadFromFile(path: string): void {
    this.restore(JSON.parse(readFileSync(path, 'utf8')));
  }
}
