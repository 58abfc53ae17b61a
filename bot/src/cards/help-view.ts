// The greeting on install and the answer to "help" (or to anything the bot does not understand).
import { commandHelp } from '../teams/commands.js';
import type { HelpView } from './render.js';

/** The greeting on install: in a personal chat the news arrives there; in a team or group, privately. */
export function greetingView(scope: 'personal' | 'team' | 'groupChat' = 'personal'): HelpView {
  return {
    title: 'Hi, I am Tandem',
    intro:
      scope === 'personal'
        ? 'I tell you here about every booking of your Tandem pages — new, moved, cancelled, or waiting for you to accept — and I book colleagues for you. Type:'
        : 'I tell each host about their bookings in a personal chat with me, and I book colleagues for anyone here. Mention me and type:',
    commands: commandHelp,
  };
}

export function helpView(unknownText?: string): HelpView {
  return {
    title: 'What I can do',
    ...(unknownText !== undefined && {
      hint: unknownText
        ? `I did not understand "${unknownText.slice(0, 80)}". Try "book" followed by a colleague's name, for example "book Megan".`
        : 'Try "book" followed by a colleague\'s name, for example "book Megan".',
    }),
    intro: 'Type one of these:',
    commands: commandHelp,
  };
}
