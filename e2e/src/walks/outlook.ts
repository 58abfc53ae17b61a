// The host's side: their Outlook calendar in the emulator, read through Microsoft Graph.
import type { UserRecord } from '@tandem/dev/m365-emulator';
import type { Stack } from '../stack.js';

export interface OutlookEvent {
  id: string;
  subject: string;
  /** UTC instant (ISO, with Z). */
  start: string;
  end: string;
  attendees: string[];
  transactionId?: string;
  isCancelled: boolean;
}

const utc = (dateTime: string) => new Date(`${dateTime.replace(/Z$/, '')}Z`).toISOString();

/** The host's Outlook events that have `email` among their attendees. */
export async function meetingsWith(stack: Stack, host: UserRecord, email: string): Promise<OutlookEvent[]> {
  const answer = await stack.graph(host, 'GET', '/events?$top=1000');
  if (answer.status !== 200) throw new Error(`Graph answered ${answer.status}: ${answer.text}`);
  type GraphEvent = {
    id: string;
    subject: string;
    start: { dateTime: string };
    end: { dateTime: string };
    attendees?: { emailAddress: { address: string } }[];
    transactionId?: string;
    isCancelled?: boolean;
  };
  return (answer.body.value as GraphEvent[])
    .filter((e) => e.attendees?.some((a) => a.emailAddress.address.toLowerCase() === email.toLowerCase()))
    .map((e) => ({
      id: e.id,
      subject: e.subject,
      start: utc(e.start.dateTime),
      end: utc(e.end.dateTime),
      attendees: (e.attendees ?? []).map((a) => a.emailAddress.address),
      ...(e.transactionId && { transactionId: e.transactionId }),
      isCancelled: e.isCancelled ?? false,
    }));
}
