// jsdom lacks fetch and the encoding APIs; component tests talk to real HTTP servers on 127.0.0.1,
// so the page under test gets Node's own implementations (the same WHATWG fetch the browsers follow).
// Node's MessageChannel is not handed over: React's scheduler would hold one of its ports open and keep
// jest alive after the run; without it the scheduler uses timers, which jsdom clears at teardown.
import { TestEnvironment } from 'jest-environment-jsdom';

export default class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const g = this.global;
    for (const name of [
      'fetch',
      'Request',
      'Response',
      'Headers',
      'FormData',
      'TextEncoder',
      'TextDecoder',
      'structuredClone',
      'ReadableStream',
    ]) {
      if (g[name] === undefined && globalThis[name] !== undefined) g[name] = globalThis[name];
    }
    if (g.crypto && g.crypto.subtle === undefined) g.crypto = globalThis.crypto;
    else if (!g.crypto) g.crypto = globalThis.crypto;
  }
}
