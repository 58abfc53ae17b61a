import { configure } from '@testing-library/react';

// findBy*/waitFor wait for the page to settle, not for a deadline: on a loaded machine a real HTTP
// round trip to the contract server, a lazy chunk or a React commit can take well over Testing
// Library's default of 1 s. Waiting longer never slows a passing test (it returns as soon as the
// expectation holds); it only keeps a slow machine from failing a correct page. Jest's own
// per-test timeout (30 s) still bounds a test that never settles.
configure({ asyncUtilTimeout: 10_000 });
