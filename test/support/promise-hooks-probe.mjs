// Preloaded (`node --import`) into a built server by test/operations.e2e-spec.ts.
// After every HTTP response it prints `promise-hooks:<true|false> <url>`: whether
// promise reactions in this process now run under Node's promise hooks. Once any
// AsyncLocalStorage has been entered (or an async hook enabled), every promise
// gets an async id, and inside its reaction `executionAsyncResource()` is that
// promise; without hooks it is the surrounding resource. A fact, not a timing.
import { executionAsyncResource } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';

subscribe('http.server.response.finish', ({ request }) => {
  void Promise.resolve().then(() => {
    process.stdout.write(`promise-hooks:${executionAsyncResource() instanceof Promise} ${request.url}\n`);
  });
});
