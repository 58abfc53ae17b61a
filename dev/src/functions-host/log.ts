import type { LogHandler } from '@azure/functions';

/** Invocation logs on the console, prefixed with the function's name (as Core Tools prints them). */
export function logHandler(functionName: string): LogHandler {
  return (level, ...args) => {
    if (level === 'trace' || level === 'debug') return;
    const write =
      level === 'error' || level === 'critical'
        ? console.error
        : level === 'warning'
          ? console.warn
          : console.log;
    write(`[${functionName}]`, ...args);
  };
}
