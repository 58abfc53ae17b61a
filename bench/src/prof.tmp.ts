import { availableSlots } from '@tandem/api/scheduling';
import { singleHostQuery, roundRobinQuery } from './engine-inputs.js';
const q = process.argv[2] === 'team' ? roundRobinQuery(50, 25000) : singleHostQuery(3000);
for (let i = 0; i < 1000; i++) availableSlots(q);
