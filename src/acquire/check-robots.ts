import robotsParserModule from 'robots-parser'
import { createMessage } from '../messages.ts'
import type { Message } from '../types.ts'
import { fetchUrl, type FetchOptions } from './fetch-url.ts'
import { robotsAgent, userAgent } from './user-agent.ts'

/**
 * The parser function. robots-parser is CommonJS (`module.exports = function`) but its types declare a default export,
 * which NodeNext reads as the whole module; at run time the default import is the function itself.
 */
const robotsParser = robotsParserModule as unknown as (typeof robotsParserModule)['default']

/** robots.txt files larger than this are cut here (RFC 9309 asks crawlers to read at least 500 KiB). */
const robotsMaxBytes = 512 * 1024

/**
 * A robots.txt check for `fetchUrl`, reading each origin's file once per run. Follows RFC 9309: a robots.txt that
 * answers 4xx allows everything; one that cannot be reached (5xx, timeout, network) forbids everything for now.
 */
export function createRobotsCheck(options: Omit<FetchOptions, 'checkRobots'> = {}): (url: URL) => Promise<Message | null> {
  const byOrigin = new Map<string, Promise<(url: URL) => Message | null>>()
  return async (url) => {
    let rules = byOrigin.get(url.origin)
    if (rules === undefined) {
      rules = readRobots(url.origin, options)
      byOrigin.set(url.origin, rules)
    }
    return (await rules)(url)
  }
}

/** Fetch and parse `origin`'s robots.txt into a function that says whether a URL may be fetched. */
async function readRobots(origin: string, options: Omit<FetchOptions, 'checkRobots'>): Promise<(url: URL) => Message | null> {
  const robotsUrl = `${origin}/robots.txt`
  // A robots.txt larger than 5 MiB is not one; refusing it counts as unreachable, so nothing is fetched.
  const fetched = await fetchUrl(robotsUrl, { ...options, maxBytes: 5 * 1024 * 1024 })
  if (fetched.value === null) {
    if (fetched.status !== undefined && fetched.status >= 400 && fetched.status < 500) return () => null
    const reason = fetched.messages[0]?.reason ?? ''
    return (url) => createMessage('robots-unreachable', { file: url.href, severity: 'error' }, { robotsUrl, reason })
  }
  const text = new TextDecoder('utf-8').decode(fetched.value.bytes.subarray(0, robotsMaxBytes))
  const robots = robotsParser(robotsUrl, text)
  return (url) => {
    // Groups name a product token; the full User-Agent string is tried too for files that quote it whole.
    const allowed = robots.isAllowed(url.href, robotsAgent) !== false && robots.isAllowed(url.href, userAgent) !== false
    if (allowed) return null
    const line = robots.getMatchingLineNumber(url.href, robotsAgent)
    return createMessage('robots-disallowed', { file: url.href, severity: 'error' }, { robotsUrl, line: line > 0 ? line : null })
  }
}
