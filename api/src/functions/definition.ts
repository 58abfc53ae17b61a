import type { HttpMethod, HttpRequest, HttpResponseInit, InvocationContext, Timer } from '@azure/functions';
import type { Services } from './services.js';

export interface HttpTriggerSpec {
  kind: 'http';
  methods: HttpMethod[];
  /** Below `/api/`, Functions route syntax: `pages/{pageId}`. */
  route: string;
  /** Tandem authenticates in code (SSO tokens, manage tokens); the platform key stays off. */
  authLevel: 'anonymous' | 'function' | 'admin';
}

export interface TimerTriggerSpec {
  kind: 'timer';
  /** Six-field NCRONTAB, UTC: `{second} {minute} {hour} {day} {month} {day-of-week}`. */
  schedule: string;
  runOnStartup?: boolean;
}

export interface QueueTriggerSpec {
  kind: 'queue';
  queueName: string;
  /** The app setting holding the storage connection string. @default 'AzureWebJobsStorage' */
  connection?: string;
}

export interface HttpFunction {
  name: string;
  trigger: HttpTriggerSpec;
  handler: (
    request: HttpRequest,
    context: InvocationContext,
    services: Services,
  ) => Promise<HttpResponseInit>;
}

export interface TimerFunction {
  name: string;
  trigger: TimerTriggerSpec;
  handler: (timer: Timer, context: InvocationContext, services: Services) => Promise<void>;
}

export interface QueueFunction {
  name: string;
  trigger: QueueTriggerSpec;
  /** The message as the runtime decodes it: JSON parsed when it is JSON, text otherwise. */
  handler: (message: unknown, context: InvocationContext, services: Services) => Promise<void>;
}

/** One function: what triggers it and the handler it runs. Wiring only; logic lives in services. */
export type FunctionDefinition = HttpFunction | TimerFunction | QueueFunction;
