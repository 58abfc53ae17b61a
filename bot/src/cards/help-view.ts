// The greeting on install and the answer to "help" (or to anything the bot does not understand).
import { commandHelp } from '../teams/commands.js';
import type { HelpView } from './render.js';

export function greetingView(): HelpView {
  return {
    title: 'Hi, I am Tandem',
    intro:
      'I tell you here about every booking of your Tandem pages — new, moved, cancelled, or waiting for you to accept — and I book colleagues for you. Type:',
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
