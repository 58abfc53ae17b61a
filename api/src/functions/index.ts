// Every function of the app, and their registration with the Azure Functions runtime. The local
// functions host (dev/src/functions-host) serves the same list.
import type { app as azureApp } from '@azure/functions';
import type { FunctionDefinition } from './definition.js';
import { health } from './health.js';
import { invokeHttp } from './http.js';
import { openapi } from './openapi.js';
import { lazyServices, type Services } from './services.js';

export const functions: readonly FunctionDefinition[] = [health, openapi];

/** Registers every function with the runtime; handlers get services made once, on first use. */
export function registerFunctions(
  app: typeof azureApp,
  list: readonly FunctionDefinition[] = functions,
  services: () => Promise<Services> = lazyServices(),
): void {
  for (const definition of list) {
    const { name, trigger } = definition;
    switch (trigger.kind) {
      case 'http': {
        const http = definition as Extract<FunctionDefinition, { trigger: { kind: 'http' } }>;
        app.http(name, {
          methods: trigger.methods,
          route: trigger.route,
          authLevel: trigger.authLevel,
          handler: (request, context) => invokeHttp(http, request, context, services),
        });
        break;
      }
      case 'timer': {
        const timer = definition as Extract<FunctionDefinition, { trigger: { kind: 'timer' } }>;
        app.timer(name, {
          schedule: trigger.schedule,
          runOnStartup: trigger.runOnStartup ?? false,
          handler: async (info, context) => timer.handler(info, context, await services()),
        });
        break;
      }
      case 'queue': {
        const queue = definition as Extract<FunctionDefinition, { trigger: { kind: 'queue' } }>;
        app.storageQueue(name, {
          queueName: trigger.queueName,
          connection: trigger.connection ?? 'AzureWebJobsStorage',
          // The runtime decodes base64 and parses JSON itself; what arrives is the message.
          handler: async (message, context) => queue.handler(message, context, await services()),
        });
        break;
      }
    }
  }
}

export type { FunctionDefinition, HttpFunction, TimerFunction, QueueFunction } from './definition.js';
export { createServices, lazyServices, type Services } from './services.js';
export { decodeQueueMessage, encodeQueueMessage } from '../store/queues.js';
export { problemResponse, statusByCode } from './problems.js';
export { invokeHttp, readBody, readQuery } from './http.js';
