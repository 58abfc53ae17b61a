import type { CalendarRecord, UserRecord } from '../state/records.js';

/** `@odata.context` of an answer: `{graphBaseUrl}/$metadata#{fragment}`. */
export function odataContext(graphBaseUrl: string, fragment: string): string {
  return `${graphBaseUrl}/$metadata#${fragment}`;
}

export function renderUser(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
  };
}

export function renderCalendar(calendar: CalendarRecord, owner: UserRecord): Record<string, unknown> {
  return {
    '@odata.etag': `W/"${calendar.changeKey}"`,
    id: calendar.id,
    name: calendar.name,
    color: calendar.color,
    hexColor: calendar.hexColor,
    isDefaultCalendar: calendar.isDefaultCalendar,
    changeKey: calendar.changeKey,
    canShare: true,
    canViewPrivateItems: true,
    canEdit: true,
    isRemovable: !calendar.isDefaultCalendar,
    isTallyingResponses: true,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    owner: { name: owner.displayName, address: owner.mail },
  };
}

export function renderMailboxSettings(user: UserRecord): Record<string, unknown> {
  const s = user.mailboxSettings;
  return {
    archiveFolder: null,
    timeZone: s.timeZone,
    dateFormat: s.dateFormat,
    timeFormat: s.timeFormat,
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    userPurpose: 'user',
    automaticRepliesSetting: {
      status: 'disabled',
      externalAudience: 'all',
      internalReplyMessage: '',
      externalReplyMessage: '',
      scheduledStartDateTime: { dateTime: '2026-01-01T00:00:00.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: '2026-01-02T00:00:00.0000000', timeZone: 'UTC' },
    },
    language: { locale: 'en-US', displayName: 'English (United States)' },
    workingHours: {
      daysOfWeek: s.workingHours.daysOfWeek,
      startTime: s.workingHours.startTime,
      endTime: s.workingHours.endTime,
      timeZone: { name: s.workingHours.timeZone.name },
    },
  };
}
