// Passkeys in a real browser: headless Chromium with a virtual authenticator (the DevTools protocol's WebAuthn domain:
// CTAP2, internal transport, resident keys, user verification that succeeds), a page on http://localhost:<page port>
// that calls the gateway with cross-origin fetches and navigator.credentials through @simplewebauthn/browser, bundled
// with esbuild. The journey (journey.mjs): signup, register a passkey, list it, logout, sign in with it without a login
// name, read the profile, remove it, and find it refused. Each step's line comes back from the page's console, printed
// prefixed with "browser". Exits 1 on the first failed step or uncaught page error.
//   node tools/passkeys/browser.mjs http://127.0.0.1:8080/graphql [username] [--page-port 5173]
// The gateway must allow http://localhost:<page port> (app.cors.allowed-origins) and the store must list it among
// app.passkeys.origins, with app.passkeys.rp-id localhost (application.yaml's defaults allow :5173).
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { launchChromium } from '../lib/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: options, positionals } = parseArgs({
  options: { 'page-port': { type: 'string', default: '5173' } },
  allowPositionals: true,
});
const [url, username = `passkey_${Date.now().toString(36)}`] = positionals;
const pagePort = Number(options['page-port']);
if (!url || !/^https?:\/\//.test(url) || !/^[A-Za-z0-9_.-]{3,32}$/.test(username) || positionals.length > 2
    || !Number.isInteger(pagePort) || pagePort < 1 || pagePort > 65535) {
  console.error('usage: node tools/passkeys/browser.mjs <gateway GraphQL URL, e.g. http://127.0.0.1:8080/graphql> '
      + '[username: 3-32 of A-Z a-z 0-9 _ . -] [--page-port <port the gateway\'s CORS and the store\'s origins allow>]');
  process.exit(2);
}

const entry = `
  import { runPasskeyJourney } from './journey.mjs';
  window.passkeyJourney = async (url, username) => {
    try {
      await runPasskeyJourney(url, username);
      return null;
    } catch (error) {
      return error.message;
    }
  };
`;
const bundle = await esbuild.build({
  stdin: { contents: entry, resolveDir: here, sourcefile: 'passkey-journey-page.mjs' },
  bundle: true,
  write: false,
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  logLevel: 'error',
});

const page = '<!doctype html><meta charset="utf-8"><title>passkeys</title><link rel="icon" href="data:,">'
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
      console.error(`browser console error: ${message.text()}`);
    }
  });
  // A platform authenticator as a laptop's: resident keys, user verification (a fingerprint) that always succeeds,
  // and user presence answered without a touch.
  const devtools = await context.newCDPSession(tab);
  await devtools.send('WebAuthn.enable');
  const { authenticatorId } = await devtools.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  await tab.goto(`${origin}/`);
  const failure = await Promise.race([
    tab.evaluate(([gateway, name]) => window.passkeyJourney(gateway, name), [url, username]),
    pageFailure,
  ]);
  if (failure) {
    throw new Error(failure);
  }
  const { credentials } = await devtools.send('WebAuthn.getCredentials', { authenticatorId });
  if (credentials.length !== 1 || !credentials[0].isResidentCredential || credentials[0].rpId !== 'localhost') {
    throw new Error(`the authenticator should hold one resident credential for localhost: ${JSON.stringify(
        credentials.map(({ rpId, isResidentCredential, signCount }) => ({ rpId, isResidentCredential, signCount })))}`);
  }
  console.log(`browser: passkey journey completed in Chromium from ${origin} against ${url} `
      + `(virtual authenticator: 1 resident credential, sign count ${credentials[0].signCount})`);
} catch (error) {
  console.error(`FAILED browser ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
