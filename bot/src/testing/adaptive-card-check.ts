// Checks a card against Adaptive Cards 1.5 with the `adaptivecards` SDK (the renderer Teams' web client
// is built on): its parser reports unknown elements and actions, invalid property values and features
// newer than 1.5; its validator reports structural problems (duplicate ids, missing required parts);
// and a round trip through the parser must keep every property, so a property the 1.5 object model does
// not know is reported too. Template leftovers (`${…}`) are reported as well.
import { AdaptiveCard, SerializationContext, Versions } from 'adaptivecards';

export function adaptiveCardProblems(card: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push('type is not AdaptiveCard');
  if (card.version !== '1.5') problems.push(`version is ${String(card.version)}, not 1.5`);
  const text = JSON.stringify(card);
  if (text.includes('${')) problems.push('an unexpanded template expression remains');

  const parsed = new AdaptiveCard();
  const context = new SerializationContext(Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validate: ${event.message}`);

  const roundTrip = parsed.toJSON(new SerializationContext(Versions.v1_5)) as Record<string, unknown>;
  lost(card, roundTrip, '', problems);
  return problems;
}

/** Every property of `original` that the round trip dropped or changed. */
function lost(original: unknown, kept: unknown, path: string, problems: string[]): void {
  if (Array.isArray(original)) {
    if (!Array.isArray(kept) || kept.length !== original.length) {
      problems.push(`round trip changed ${path || 'the card'} (${JSON.stringify(original).slice(0, 80)})`);
      return;
    }
    original.forEach((value, i) => lost(value, kept[i], `${path}[${i}]`, problems));
    return;
  }
  if (original !== null && typeof original === 'object') {
    if (kept === null || typeof kept !== 'object') {
      problems.push(`round trip dropped ${path}`);
      return;
    }
    for (const [key, value] of Object.entries(original)) {
      if (key === '$schema') continue;
      const next = (kept as Record<string, unknown>)[key];
      // Action data is free-form JSON the SDK keeps as is.
      if (next === undefined) problems.push(`unknown or dropped property ${path ? `${path}.` : ''}${key}`);
      else lost(value, next, path ? `${path}.${key}` : key, problems);
    }
    return;
  }
  if (String(original) !== String(kept))
    problems.push(`round trip changed ${path}: ${String(original)} → ${String(kept)}`);
}
