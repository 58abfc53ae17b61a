export type * from './types.js';
export { SchedulingInputError } from './errors.js';
export { availableSlots, explain, chooseMember } from './engine.js';
