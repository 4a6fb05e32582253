// Waiting on the search page: it says what it has done (`data-state`, `data-query` on `[data-search]`).
import type { Page } from 'playwright-core'
import { hangGuard } from './chromium.ts'

/**
 * Wait until the page has finished the search its address asks for: hits shown, whole count and filter counts
 * filled. The page says so itself (`data-state="done"` with the `data-query` it searched), so no guess at timing.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const root = document.querySelector<HTMLElement>('[data-search]')
      const normal = (query: string): string =>
        [...new URLSearchParams(query)]
          .filter(([, value]) => value.trim() !== '')
          .map(([key, value]) => `${key}=${value.trim()}`)
          .sort()
          .join('&')
      return root?.dataset.state === 'done' && normal(root.dataset.query ?? '') === normal(location.search)
    },
    null,
    hangGuard,
  )
}
