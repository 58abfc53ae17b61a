// Answers to an Adaptive Card Universal Action (`adaptiveCard/action` invoke): a card replaces the one
// clicked for everyone who sees it; a message shows as a notice beside it and leaves the card as it was.
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render.js';

export function replaceCard(card: AdaptiveCardJson): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

export function notice(text: string): AdaptiveCardInvokeResponse {
  // The protocol's message answer carries a string; botbuilder's type only describes the card answer.
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}
