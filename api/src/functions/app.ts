// The Azure Functions entry point (package.json "main" of the deployed app): registers every function.
import { app } from '@azure/functions';
import { registerFunctions } from './index.js';

registerFunctions(app);
