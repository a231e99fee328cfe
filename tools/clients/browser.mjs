// The client-compatibility suite in a real browser: the same journey (journey.mjs) and client modules as run.mjs,
// bundled for the browser with esbuild, run in headless Chromium from a page on http://localhost:<page port>, so every
// request is a cross-origin fetch the gateway's CORS must allow. Each step's line comes back from the page's console
// and is printed prefixed with "browser". Exits 1 on the first failed step or uncaught page error.
//   node tools/clients/browser.mjs http://127.0.0.1:8080/graphql [suffix] [--page-port 5173]
// The gateway must allow http://localhost:<page port> (app.cors.allowed-origins; the dev profile allows :5173) and
// answer the refresh token in the body (app.sessions.refresh-cookie.enabled off), as for run.mjs.
// Usernames are web_<client>_<suffix>, apart from run.mjs's, so both suites can run against one gateway.
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { launchChromium } from '../lib/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: options, positionals } = parseArgs({
  options: { 'page-port': { type: 'string', default: '5173' } },
  allowPositionals: true,
});
const [url, suffix = Date.now().toString(36)] = positionals;
const pagePort = Number(options['page-port']);
if (!url || !/^https?:\/\//.test(url) || !/^[A-Za-z0-9_.-]{1,20}$/.test(suffix) || positionals.length > 2
    || !Number.isInteger(pagePort) || pagePort < 1 || pagePort > 65535) {
  console.error('usage: node tools/clients/browser.mjs <gateway GraphQL URL, e.g. http://127.0.0.1:8080/graphql> '
      + '[username suffix: 1-20 of A-Z a-z 0-9 _ . -] [--page-port <port the gateway\'s CORS allows, default 5173>]');
  process.exit(2);
}

// The page's entry: the modules run.mjs imports, unchanged. Their node:assert/strict is the npm port of it
// (assert), so the journey asserts in the browser exactly what it asserts in Node.
const entry = `
  import * as apollo from './apollo.mjs';
  import * as graphqlRequest from './graphql-request.mjs';
  import { runJourney } from './journey.mjs';
  import * as urql from './urql.mjs';
  const clients = { apollo, urql, gqlreq: graphqlRequest };
  window.clientJourney = async (key, url, username) => {
    try {
      await runJourney(clients[key], url, username);
      return null;
    } catch (error) {
      return error.message;
    }
  };
`;
const nodeAssertToPort = {
  name: 'node-assert-to-npm-assert',
  setup(build) {
    build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: 'strict', namespace: 'assert-port' }));
    build.onLoad({ filter: /.*/, namespace: 'assert-port' }, () => ({
      contents: "import assert from 'assert'; export default assert.strict;", resolveDir: here,
    }));
  },
};
const bundle = await esbuild.build({
  stdin: { contents: entry, resolveDir: here, sourcefile: 'client-journey-page.mjs' },
  bundle: true,
  write: false,
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  // The page has no process: the assert port reads process.env.NODE_DEBUG (through util) and process.stderr (to
  // format a failed assertion's message), Apollo Client process.env.NODE_ENV for its development checks.
  define: {
    'process.env.NODE_ENV': '"development"', 'process.env.NODE_DEBUG': 'false', 'process.stderr': 'undefined',
    'process.emitWarning': 'undefined',
  },
  plugins: [nodeAssertToPort],
  logLevel: 'error',
});

const page = '<!doctype html><meta charset="utf-8"><title>client journeys</title><link rel="icon" href="data:,">'
    + '<script src="/journey.js"></script>';
const server = createServer((request, response) => {
  const [type, body] = request.url === '/journey.js'
    ? ['text/javascript', bundle.outputFiles[0].contents]
    : request.url === '/' ? ['text/html', page] : [null, null];
  response.writeHead(type ? 200 : 404, type ? { 'content-type': `${type}; charset=utf-8` } : {});
  response.end(body ?? '');
});
await new Promise((resolve, reject) => {
  server.once('error', (error) => reject(new Error(`cannot serve the page on port ${pagePort}: ${error.message}`)));
  server.listen(pagePort, '127.0.0.1', resolve);
});
const origin = `http://localhost:${pagePort}`;

const clients = [['apollo', 'apollo-client'], ['urql', 'urql'], ['gqlreq', 'graphql-request']];
const { browser, context } = await launchChromium();
try {
  const tab = await context.newPage();
  let pageFailed;
  const pageFailure = new Promise((resolve) => {
    pageFailed = resolve;
  });
  tab.on('pageerror', (error) => pageFailed(`uncaught in the page: ${error.message}`));
  tab.on('crash', () => pageFailed('the page crashed'));
  tab.on('console', (message) => {
    if (message.type() === 'log') {
      console.log(`browser ${message.text()}`);
    } else if (message.type() === 'error') {
      // A refused CORS preflight shows here, next to the client's own network error.
      console.error(`browser console error: ${message.text()}`);
    }
  });
  await tab.goto(`${origin}/`);
  for (const [key, name] of clients) {
    const failure = await Promise.race([
      tab.evaluate(([client, gateway, username]) => window.clientJourney(client, gateway, username),
          [key, url, `web_${key}_${suffix}`]),
      pageFailure.then((reason) => `${name}: ${reason}`),
    ]);
    if (failure) {
      throw new Error(failure);
    }
  }
  console.log(`browser: all ${clients.length} clients completed the journey in Chromium from ${origin} against ${url}`);
} catch (error) {
  console.error(`FAILED browser ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
