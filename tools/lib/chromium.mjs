// Debian's Chromium driven by playwright-core, as every browser check here launches it.
import { chromium } from "playwright-core";

/** A headless Chromium and one 1280x900 context with a 20 s default timeout. */
export async function launchChromium() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    // This machine's network is closed: without these Chromium keeps trying to reach Google's services.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
    timeout: 60_000,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(20_000);
  return { browser, context };
}
