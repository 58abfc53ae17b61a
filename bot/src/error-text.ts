// What a caught value says about itself, for a log line or a sentence: an Error's message (its name
// when the message is empty), anything else as a string.
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
