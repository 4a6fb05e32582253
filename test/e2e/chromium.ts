// Debian's Chromium for the browser tests, set up once: its flags, and waits that are hang guards only.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'

/**
 * Bound on every wait for a condition (launch, navigation, selector, function): only so a broken page fails a test
 * instead of hanging it. Generous because CI is a busy 2-core machine; tests never rely on it passing.
 */
export const hangGuard = { timeout: 90_000 }

/** Headless, no sandbox (root in CI), and none of the background connections a closed network refuses. */
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']

/** Start Debian's Chromium (`/usr/bin/chromium`); never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args, ...hangGuard })
}

/** A page `width` px wide, in a context of its own (closed with it), whose waits default to the hang guard. */
export async function openPage(browser: Browser, width = 1280, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, ...options })
  page.context().setDefaultTimeout(hangGuard.timeout)
  page.context().setDefaultNavigationTimeout(hangGuard.timeout)
  return page
}
