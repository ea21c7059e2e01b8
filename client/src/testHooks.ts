// Figures and handles that the e2e tests and `npm run bench` read from the page
// (`window.__hc…`). They exist in development and in a build made for them (`vite build --mode
// bench`, which `CLIENT_MODE=bench npm start` makes), never in a production build:
// test/integration/client-build.test.ts scans the production bundle for them.
//
// Every writer checks this flag inline (`if (TEST_HOOKS) window.__hc… = …`) so that the
// production build drops the whole statement, names included. The mode decides, not DEV: a
// build started where NODE_ENV is set (a test runner) has DEV true in every mode.
export const TEST_HOOKS: boolean = import.meta.env.MODE === 'development' || import.meta.env.MODE === 'bench';
