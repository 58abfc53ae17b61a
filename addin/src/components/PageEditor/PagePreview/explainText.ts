import type { ExplainReason } from '../../../api/types.js';
import type { Strings } from '../../../i18n/index.js';
import { formatTime } from '../../../time/zones.js';

export interface ExplainLine {
  text: string;
  /** A team member's own reasons under their line. */
  members?: { who: string; lines: ExplainLine[] }[];
}

/** Each reason of the engine's explain as a sentence of the viewer's language, times in their zone. */
export function explainLines(
  reasons: readonly ExplainReason[],
  t: Strings['editor']['reasons'],
  options: { zone: string; locale: string; hostId?: string | undefined },
): ExplainLine[] {
  const time = (instant: string) => formatTime(instant, options.zone, options.locale);
  const who = (hostId: string | undefined) =>
    hostId === undefined || hostId === options.hostId ? t.you : t.member(hostId);
  const line = (reason: Omit<ExplainReason, 'members'>): string => {
    const span = reason.span;
    switch (reason.code) {
      case 'BUSY':
        return span
          ? t.BUSY(
              t.showAs[reason.showAs as keyof typeof t.showAs] ?? t.showAs.unknown,
              time(span.start),
              time(span.end),
            )
          : t.BUSY(t.showAs.busy, '', '');
      case 'BUFFER':
        return span ? t.BUFFER(time(span.start), time(span.end)) : t.BUFFER_PLAIN;
      case 'BOOKED':
        return span ? t.BOOKED(time(span.start), time(span.end)) : t.BOOKED_PLAIN;
      case 'MEMBER_BUSY':
        return t.MEMBER_BUSY(who(reason.hostId));
      default:
        return t[reason.code];
    }
  };
  return reasons.map((reason) => ({
    text: line(reason),
    ...(reason.members && {
      members: reason.members.map((m) => ({
        who: who(m.hostId),
        lines: m.reasons.map((r) => ({ text: line(r) })),
      })),
    }),
  }));
}
