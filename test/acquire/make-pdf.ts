// PDFs for the tests, printed by Debian's Chromium from HTML, so they carry real embedded CJK fonts.
import type { Browser } from 'playwright-core'
import { openPage } from '../e2e/chromium.ts'

/** Print `html` to an A5 PDF with a running header and `- N -` page numbers in the footer, as official documents have. */
export async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  const page = await openPage(browser)
  try {
    await page.setContent(html)
    return await page.pdf({
      format: 'A5',
      displayHeaderFooter: true,
      headerTemplate: '<div style="font-size:8px;width:100%;text-align:center">广州市司法局文件</div>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>',
      margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
    })
  } finally {
    await page.close()
  }
}

/** A one-page PDF with no text at all, only a drawn shape: what a scanned report looks like to a text extractor. */
export async function printScan(browser: Browser): Promise<Buffer> {
  const page = await openPage(browser)
  try {
    await page.setContent('<!doctype html><html><body><svg width="300" height="400"><rect x="10" y="10" width="280" height="380" fill="#ccc"/><line x1="20" y1="40" x2="280" y2="40" stroke="#333"/></svg></body></html>')
    return await page.pdf({ format: 'A5' })
  } finally {
    await page.close()
  }
}
