// Adaptive Card 1.5 templates (the JSON files beside this one) expanded with adaptivecards-templating.
// Each template has a typed view: the bot computes every text (times in the reader's zone, labels) and
// the template only lays it out.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CardFactory, type Attachment } from 'botbuilder';
import { escapeCardTexts } from './markdown.js';

// adaptivecards-templating's type declarations import the TypeScript sources of adaptivecards, which do
// not compile under this project's settings; the one class used here is typed by hand.
interface TemplateInstance {
  expand(context: { $root: unknown }): unknown;
}
const { Template } = createRequire(import.meta.url)('adaptivecards-templating') as {
  Template: new (payload: unknown) => TemplateInstance;
};

export interface Fact {
  title: string;
  value: string;
}

export interface HelpView {
  title: string;
  hint?: string;
  intro: string;
  commands: { command: string; what: string }[];
}

export interface BookingEventView {
  title: string;
  summary?: string;
  /** The decision or change, shown in bold: "You accepted this booking." */
  outcome?: string;
  outcomeColor?: 'Good' | 'Attention' | 'Default';
  warning?: string;
  facts: Fact[];
  answers: Fact[];
  bookingId: string;
  /** Carried in the buttons' data, so the answer to a click renders the same card without a lookup. */
  pageTitle: string;
  timeZone: string;
  canDecide: boolean;
  canCancel: boolean;
  joinUrl?: string;
  openUrl?: string;
}

export interface PeoplePagesView {
  title: string;
  people: { name: string; pages: { label: string; pageId: string; duration: number }[] }[];
}

export interface SlotsView {
  title: string;
  subtitle: string;
  empty: string;
  pageId: string;
  duration: number;
  days: { label: string; slots: { label: string; start: string }[] }[];
  pageUrl?: string;
}

export interface BookedView {
  title: string;
  note?: string;
  facts: Fact[];
  joinUrl?: string;
}

export interface BookingsListView {
  title: string;
  empty: string;
  sections: {
    label: string;
    items: {
      when: string;
      what: string;
      bookingId: string;
      pageTitle: string;
      timeZone: string;
      cancellable: boolean;
    }[];
  }[];
}

export interface CardViews {
  help: HelpView;
  'booking-event': BookingEventView;
  'people-pages': PeoplePagesView;
  slots: SlotsView;
  booked: BookedView;
  'bookings-list': BookingsListView;
}
export type CardName = keyof CardViews;
export const cardNames: CardName[] = [
  'help',
  'booking-event',
  'people-pages',
  'slots',
  'booked',
  'bookings-list',
];

/** An Adaptive Card as JSON (what Teams renders and the invoke answer carries). */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string } & Record<string, unknown>;

const templates = new Map<CardName, TemplateInstance>();
function template(name: CardName): TemplateInstance {
  let found = templates.get(name);
  if (!found) {
    found = new Template(JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')));
    templates.set(name, found);
  }
  return found;
}

/** The card of template `name` filled with `view`. */
export function renderCard<N extends CardName>(name: N, view: CardViews[N]): AdaptiveCardJson {
  const card = template(name).expand({ $root: view }) as AdaptiveCardJson;
  escapeCardTexts(card.body);
  // A template whose every action is conditional may leave none; an empty list is noise.
  if (Array.isArray(card.actions) && card.actions.length === 0) delete card.actions;
  return card;
}

/** The card as a message attachment. */
export function cardAttachment<N extends CardName>(name: N, view: CardViews[N]): Attachment {
  return CardFactory.adaptiveCard(renderCard(name, view));
}
