// Teams renders Markdown in a TextBlock's text and in facts, so a name or answer an invitee typed as
// `[Approve](https://…)` would become a link, with a text of their choosing, in the host's card.
// Link and autolink syntax is escaped; emphasis is left alone (it can only restyle the text, and zone
// names such as America/Los_Angeles would otherwise be full of escapes).

/** The characters that open Markdown links and autolinks, and the escape itself. */
const markdownSyntax = /[\\[\]<>]/g;

/** `text` with every link character backslash-escaped, so Teams shows it as typed. */
export function literalMarkdown(text: string): string {
  return text.replace(markdownSyntax, (c) => `\\${c}`);
}

type Json = unknown;

/** Escapes, in place, the texts of an expanded card that Teams reads as Markdown. */
export function escapeCardTexts(node: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) escapeCardTexts(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const element = node as Record<string, unknown>;
  if (element.type === 'TextBlock' && typeof element.text === 'string')
    element.text = literalMarkdown(element.text);
  if (element.type === 'FactSet' && Array.isArray(element.facts))
    for (const fact of element.facts as Record<string, unknown>[]) {
      if (typeof fact.title === 'string') fact.title = literalMarkdown(fact.title);
      if (typeof fact.value === 'string') fact.value = literalMarkdown(fact.value);
    }
  for (const [key, value] of Object.entries(element))
    if (key !== 'data' && typeof value === 'object') escapeCardTexts(value);
}
