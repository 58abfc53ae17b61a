export * from './fields.js';
export * from './problem.js';
export * from './pages.js';
export * from './slots.js';
export * from './bookings.js';
export * from './me.js';
export * from './sync.js';
export * from './operations.js';
export { openApiDocument } from './openapi.js';
