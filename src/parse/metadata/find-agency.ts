import type { Agency, Level, MetaOverrides } from '../../types.ts'
import type { AgencyEvidence } from './collect-agency-evidence.ts'
import { isMunicipality, loadDivisions, type Place } from './load-divisions.ts'
import { parseAgencyName, type AgencyName } from './parse-agency-name.ts'
import { findTownship } from './find-township.ts'
import { resolvePlace } from './resolve-place.ts'
import { toSimplified } from './to-simplified.ts'
import { partyPrefix } from './body-patterns.ts'
import type { HostPlace } from './place-from-host.ts'
import { findFullerName } from './find-fuller-name.ts'

/** The agency inferred, with what the id needs and what could not be settled. */
export interface FoundAgency {
  agency: Agency
  /** The body part of the name for the id (政务服务办 of 市政务服务办), or null for a place's own government. */
  body: string | null
  /** Candidate paths the text could not choose between (empty when none). */
  undecided: string[][]
}

/** The rest of the report: its text (simplified) and what its address says about the place. */
export interface AgencyContext {
  text: string
  host: HostPlace
}

const generalLevel: Record<string, Level> = { 自治区: 'province', 省: 'province', 市: 'city', 州: 'city', 区: 'county', 县: 'county', 旗: 'county' }

/**
 * Decide the reporting body from the evidence: overrides first, then a field naming a body that agrees with the
 * report's own words (signature, title, preamble), else those words; expand short forms to the official name.
 */
export function findAgency(
  evidence: AgencyEvidence,
  overrides: MetaOverrides,
  mentions: Map<string, number>,
  context: AgencyContext = { text: '', host: { place: null, byInitials: [] } },
): FoundAgency {
  const own = [evidence.signature, evidence.titlePrefix, evidence.preambleSubject, evidence.reportSentence].filter(
    (name): name is string => name !== null,
  )
  const named = overrides.agency ?? chooseName(evidence.fields, own) ?? selfGovernment(evidence, mentions, context)
  const chosen = named === null || overrides.agency !== undefined ? named : findFullerName(toSimplified(named), context.text)
  if (chosen === null) {
    return {
      agency: {
        name: null,
        short: overrides.short ?? null,
        region: overrides.region ?? [],
        level: overrides.level ?? evidence.selfLevel,
      },
      body: overrides.short ?? null,
      undecided: [],
    }
  }
  const written = parseAgencyName(toSimplified(chosen))
  const parsed = governmentIfSelf(written, own.length === 0 ? evidence.selfLevel : null)
  const resolved = resolvePlace(parsed.places.candidates, mentions)
  const borrowed = resolved.path.length === 0 ? borrowFor(parsed, [...evidence.fields, ...own], mentions, context) : null
  const place = resolved.place ?? borrowed
  const path = place ? place.path : resolved.path
  const region = parsed.places.township && path.length > 0 ? [...path, parsed.places.township] : path
  // A field name the report overrode with 我区 is not a form the report uses.
  const usedChosen = parsed === written ? chosen : null
  const short = overrides.short ?? findShort([evidence.selfName, evidence.titlePrefix, evidence.signature, usedChosen], chosen)
  const agency: Agency = {
    name: overrides.agency ?? composeName(parsed, place),
    short: short === null ? null : toSimplified(short),
    region: overrides.region ?? region,
    level: overrides.level ?? findLevel(parsed, place),
  }
  if (parsed.kind === 'joint') agency.bodies = composeBodies(parsed, place)
  const bodySource = short !== null && parsed.kind !== 'government' && parsed.kind !== 'joint' ? toSimplified(short) : null
  return { agency, body: findBody(parsed, bodySource, place), undecided: resolved.undecided }
}

/**
 * The form the report uses for itself: the shortest of its own names (preamble subject, title, signature, the chosen
 * name) that is a short form of the chosen name (鄞州区, 市司法局, 自治区生态环境厅); on a tie, the earlier.
 */
function findShort(names: readonly (string | null)[], chosen: string): string | null {
  const full = toSimplified(chosen)
  const length = (name: string): number => name.replace(/\s+/g, '').length
  const valid = names.filter((name): name is string => name !== null && (name === chosen || isShortFor(name, full)))
  return valid.reduce<string | null>((best, name) => (best === null || length(name) < length(best) ? name : best), null)
}

function chooseName(fields: string[], own: string[]): string | null {
  const [trusted] = own
  if (trusted === undefined) return fields[0] ?? null
  if (parseAgencyName(trusted).kind === 'joint') return trusted
  // A field that agrees with the report's own words: keep whichever of the two is the fuller name.
  for (const field of fields) {
    if (isShortFor(trusted, field)) return field
    if (isShortFor(field, trusted)) return trusted
  }
  return trusted
}

/**
 * Whether `short` can be a short form of `full`: a bare place of its government (武清区 → 天津市武清区人民政府), or its
 * characters in order ending like it (市政务服务办 → 天津市人民政府政务服务办公室, 天津滨海高新区 → …开发区).
 */
export function isShortFor(short: string, full: string): boolean {
  const a = abbreviateZone(short.replace(/\s+/g, ''))
  const b = abbreviateZone(full.replace(/\s+/g, ''))
  if (a === b) return true
  const parsed = parseAgencyName(a)
  if (parsed.kind === 'government' && parsed.rest === '') {
    const place = parsed.places.candidates[0]
    const named = parsed.places.township ?? parsed.unknownPlace ?? (place ? (place.short ?? place.name) : null)
    return /(?:政府|办事处|行政公署)$/.test(b) && named !== null && b.includes(named)
  }
  // 区政府 is not short for 某县人民政府: a level written alone must be the full name's.
  if (parsed.generic !== null && !b.includes(parsed.generic)) return false
  const last = a.at(-1) ?? ''
  // 成都高新区 is short for 成都高新技术产业开发区管理委员会 as much as for the zone itself.
  const ending = b.slice(-3) + b.replace(/(?:管理委员会|管委会)$/, '').slice(-3)
  return isSubsequence(a.replace(/^[省市区县]/, ''), b) && ending.includes(last)
}

// 东湖高新区管委会 is short for 武汉东湖新技术开发区管理委员会: compare zones by their usual abbreviations.
function abbreviateZone(name: string): string {
  return name.replace(/(?:高新技术产业|高新技术|新技术产业|新技术)开发区/g, '高新区').replace(/经济技术开发区/g, '经开区')
    .replace(/管理委员会$/, '管委会')
}

// Only a field names the body, a department (来源 武清区司法局), yet the report calls itself 我区: the department
// posted its government's report, so the author is the government of the department's place.
function governmentIfSelf(parsed: AgencyName, selfLevel: Level | null): AgencyName {
  const [place] = parsed.places.candidates
  if (parsed.kind !== 'department' || selfLevel === null || selfLevel === 'department' || !place) return parsed
  if (placeLevel(place) !== selfLevel) return parsed
  return { ...parsed, kind: 'government', rest: '' }
}

function isSubsequence(short: string, full: string): boolean {
  let index = 0
  for (const char of full) if (char === short[index]) index += 1
  return index === short.length
}

// 市司法局, or 和平街道 without its county: the place comes from elsewhere, for a township also from the street-level data.
function borrowFor(parsed: AgencyName, names: string[], mentions: Map<string, number>, context: AgencyContext): Place | null {
  if (parsed.generic !== null && parsed.kind !== 'central') {
    const level = generalLevel[parsed.generic]
    // 市 of a municipality's department (天津市) is a province-level place.
    const municipal = parsed.generic === '市'
    const fits = (place: Place): boolean => placeLevel(place) === level || (municipal && isMunicipality(place.name))
    return level ? (borrowPlace(fits, names, mentions) ?? placeAtLevel(fits, mentions, context)) : null
  }
  if (parsed.places.township !== null && parsed.places.candidates.length === 0) {
    const fits = (place: Place): boolean => placeLevel(place) === 'county'
    return borrowPlace(fits, names, mentions) ?? findTownship(parsed.places.township, mentions) ?? hostAt(fits, context.host)
  }
  if (parsed.unknownPlace !== null && /(?:镇|乡|街道)$/.test(parsed.unknownPlace)) {
    return hostAt((place) => placeLevel(place) === 'county', context.host)
  }
  return null
}

/**
 * The government a report speaks for when it names itself only by its level (我市, 县政府, 全省各级政府): the place of that
 * level its host or its text names (the text's choice must be the only one of that level it names most), else null.
 */
function selfGovernment(evidence: AgencyEvidence, mentions: Map<string, number>, context: AgencyContext): string | null {
  if (evidence.selfTownship !== null) return evidence.selfTownship
  const level = evidence.selfLevel ?? evidence.areaLevel
  if (level === null || level === 'department' || level === 'township' || level === 'central') return null
  const place = placeAtLevel((candidate) => placeLevel(candidate) === level, mentions, context)
  return place === null ? null : place.name
}

/** The place of a level named by the host, or else the one the text names most often (and more than any other). */
function placeAtLevel(fits: (place: Place) => boolean, mentions: Map<string, number>, context: AgencyContext): Place | null {
  const { host } = context
  const fromHost = hostAt(fits, host)
  if (fromHost !== null) return fromHost
  const { byName, byShort } = loadDivisions()
  const ranked = [...mentions.entries()]
    .flatMap(([name, count]) => (byName.get(name) ?? []).filter(fits).map((place) => ({ place, count })))
    .sort((a, b) => b.count - a.count)
  const [best, second] = ranked
  // Named once, it must be the only place of that level the text names; else named more often than any other.
  const clear = second === undefined || (best !== undefined && best.count >= 2 && best.count > second.count)
  if (best !== undefined && clear && byName.get(best.place.name)?.length === 1) return best.place
  // 深圳 written without 市, on sf.sz.gov.cn: a short name the text uses and the host's initials agree on.
  const agreed = host.byInitials.filter((place) => fits(place) && place.short !== null && (byShort.get(place.short)?.length ?? 0) === 1 &&
    context.text.includes(place.short))
  return agreed.length === 1 ? (agreed[0] ?? null) : null
}

/** The host's place, or its ancestor, at the level asked for. */
function hostAt(fits: (place: Place) => boolean, host: HostPlace): Place | null {
  const { place } = host
  if (place === null) return null
  const { byName } = loadDivisions()
  for (let depth = 1; depth <= place.path.length; depth++) {
    const name = place.path[depth - 1] ?? ''
    const found = (byName.get(name) ?? []).find((candidate) => candidate.path.join('/') === place.path.slice(0, depth).join('/'))
    if (found !== undefined && fits(found)) return found
  }
  return null
}

// Take the place another piece of evidence names at that level, else the one the text names most (at least
// twice, more than any other at that level, and a name no other division shares).
function borrowPlace(fits: (place: Place) => boolean, names: string[], mentions: Map<string, number>): Place | null {
  for (const name of names) {
    const parsed = parseAgencyName(toSimplified(name))
    const found = resolvePlace(parsed.places.candidates, mentions).place
    if (found && fits(found)) return found
  }
  const { byName } = loadDivisions()
  const ranked = [...mentions.entries()]
    .flatMap(([name, count]) => (byName.get(name) ?? []).filter(fits).map((place) => ({ place, count })))
    .sort((a, b) => b.count - a.count)
  const [best, second] = ranked
  if (best && best.count >= 2 && (!second || best.count > second.count) && byName.get(best.place.name)?.length === 1) {
    return best.place
  }
  return null
}

function placeLevel(place: Place): Level {
  if (/(?:镇|乡|街道)$/.test(place.name) && place.level === 'county') return 'township'
  return place.level
}

function findLevel(parsed: AgencyName, place: Place | null): Level | null {
  if (parsed.kind === 'central') return 'central'
  if (parsed.kind === 'department' || parsed.kind === 'zone') return 'department'
  if (parsed.places.township) return 'township'
  const first = place ?? parsed.places.candidates[0]
  if (first) return placeLevel(first)
  if (parsed.unknownPlace) return levelOfSuffix(parsed.unknownPlace)
  return parsed.generic ? (generalLevel[parsed.generic] ?? null) : null
}

function composeName(parsed: AgencyName, place: Place | null): string {
  if (parsed.kind === 'joint') return composeBodies(parsed, place).join(' ')
  const [written = ''] = parsed.bodies
  if (parsed.kind === 'government') {
    if (place) return governmentName(place, parsed.places.township)
    // Unresolved or unknown place: keep it as written, with its government's usual suffix.
    const bare = written.replace(/(?:人民政府|政府|行政公署|办事处|街道办事处)$/, '')
    return `${bare}${/街道$/.test(bare) ? '办事处' : /(?:地区|盟)$/.test(bare) ? '行政公署' : '人民政府'}`
  }
  if (place && parsed.generic && parsed.places.candidates.length === 0) return `${placeTitle(place)}${parsed.rest}`
  return written
}

function levelOfSuffix(name: string): Level {
  if (/(?:自治区|省)$/.test(name)) return 'province'
  if (/(?:镇|乡|街道)$/.test(name)) return 'township'
  if (/(?:县|区|旗)$/.test(name)) return 'county'
  return 'city'
}

function composeBodies(parsed: AgencyName, place: Place | null): string[] {
  return parsed.bodies.map((body) => {
    const single = parseAgencyName(body)
    // 云南省委 is 中共云南省委 in full.
    if (single.kind === 'party') return partyPrefix.test(body) || single.places.end === 0 ? body : `中共${body}`
    if (single.kind !== 'government') return body
    // A township's body as the joint title writes it (黎侯镇人民政府) is its full name.
    if (single.places.township !== null || single.unknownPlace !== null) return body
    return place ? governmentName(place, single.places.township) : body
  })
}

/** The official name of a place's own government: 天津市武清区人民政府, 巴中市人民政府, 某某县人民政府. */
function governmentName(place: Place, township: string | null): string {
  if (township) return `${placeTitle(place)}${township}${/街道$/.test(township) ? '办事处' : '人民政府'}`
  const suffix = /(?:地区|盟)$/.test(place.name) ? '行政公署' : '人民政府'
  return `${placeTitle(place)}${suffix}`
}

// Districts of a municipality, and districts of a city, conventionally carry their parent's name; counties do not.
function placeTitle(place: Place): string {
  const [province = '', city] = place.path
  if (place.level !== 'county') return place.name
  if (isMunicipality(province)) return /区$/.test(place.name) ? `${province}${place.name}` : place.name
  if (city && /区$/.test(place.name) && place.path.length === 3) return `${city}${place.name}`
  return place.name
}

function findBody(parsed: AgencyName, short: string | null, place: Place | null): string | null {
  if (parsed.kind === 'government' || parsed.kind === 'joint') return null
  // 中共某某县委 → 县委, so the id reads -xw rather than a bare -w.
  if (parsed.kind === 'party') return `${parsed.generic ?? place?.name.at(-1) ?? ''}${parsed.rest}`
  if (short !== null) {
    const fromShort = parseAgencyName(short)
    if (fromShort.kind === parsed.kind) return stripGovernment(fromShort.rest)
  }
  return stripGovernment(parsed.rest)
}

function stripGovernment(rest: string): string {
  return rest.replace(/^中华人民共和国/, '').replace(/^(?:人民政府|政府)(?=[\u4e00-\u9fa5]{2})/, '')
}
