import { genericPrefix, partyPrefix } from './body-patterns.ts'
import { isCentralBody } from './central-bodies.ts'
import { matchPlaces, type PlaceMatch } from './match-places.ts'

/** What sort of body a name denotes; decides the level and how the full name is composed. */
export type BodyKind = 'government' | 'party' | 'department' | 'zone' | 'joint' | 'central'

/** A body's name taken apart: the places it starts with and what follows them. */
export interface AgencyName {
  /** Each body as written (spaces removed inside a body), one entry unless joint. */
  bodies: string[]
  /** Government of a place, Party committee, department, development zone, or a joint Party–government report. */
  kind: BodyKind
  /** Places the main body (the government in a joint report) starts with. */
  places: PlaceMatch
  /** What follows the places in the main body: 政务服务办公室, 人民政府, '' for a bare place. */
  rest: string
  /** The bare level word the main body starts with instead of a place (市 of 市政务服务办), else null. */
  generic: string | null
  /** A place the dataset does not know, named with a level suffix (某某县, 和平街道 without its county), else null. */
  unknownPlace: string | null
}

const governmentRest = /^(?:人民政府|政府|行政公署|办事处|街道办事处)?$/
const partyRest = /^(?:[省市区县州旗]?委|委员会|党委|党工委)$/
const unknownPlaceName =
  /^([\u4e00-\u9fa5]{1,12}?(?:自治区|省|市|自治州|州|盟|地区|自治县|县|区|旗|镇|乡|街道))(人民政府|政府|行政公署|办事处)?$/
const zone = /(?:开发区|高新区|新区|园区|试验区|示范区|合作区|保税区|管委会|管理委员会|实验区|产业园)$|开发区|高新区/

/**
 * Take a body's name apart into places and body, telling a place's own government from its departments.
 *
 * @example parseAgencyName('天津市武清区人民政府').kind // 'government'
 * @example parseAgencyName('中共某某县委 某某县人民政府').kind // 'joint'
 */
export function parseAgencyName(name: string): AgencyName {
  const bodies = splitBodies(name)
  const party = bodies.filter((body) => isPartyName(body))
  const government = bodies.filter((body) => !isPartyName(body))
  if (bodies.length === 2 && party.length === 1 && government.length === 1) {
    const main = analyseBody(government[0] ?? '')
    const partyPlaces = analyseBody(party[0] ?? '').places
    // 中共某某市委 市政府: the government borrows the place the Party committee names.
    const places = main.places.end > 0 ? main.places : partyPlaces
    return { bodies, kind: 'joint', places, rest: main.rest, generic: main.generic, unknownPlace: main.unknownPlace }
  }
  const single = bodies.join('')
  if (isCentralBody(single)) {
    return { bodies: [single], kind: 'central', places: { candidates: [], township: null, end: 0 }, rest: single, generic: null, unknownPlace: null }
  }
  const main = analyseBody(single)
  return { bodies: [single], ...main }
}

function analyseBody(body: string): Omit<AgencyName, 'bodies'> {
  const isParty = partyPrefix.test(body)
  const unprefixed = body.replace(partyPrefix, '')
  let places = matchPlaces(unprefixed)
  let rest = unprefixed.slice(places.end)
  let generic: string | null = null
  if (places.end === 0) {
    generic = genericPrefix.exec(unprefixed)?.[0] ?? null
    const inner = generic ? null : findInnerPlace(unprefixed)
    if (generic) rest = unprefixed.slice(generic.length)
    if (inner) {
      places = inner.places
      rest = unprefixed.slice(0, inner.start) + unprefixed.slice(inner.start + inner.places.end)
    }
  }
  const placed = places.end > 0
  const unknown = placed || generic ? null : unknownPlaceName.exec(unprefixed)
  if (unknown?.[1] && !zone.test(unknown[1])) {
    return { kind: isParty ? 'party' : 'government', places, rest: unknown[2] ?? '', generic, unknownPlace: unknown[1] }
  }
  const kind: BodyKind = isParty
    ? 'party'
    : governmentRest.test(rest) && (placed || generic !== null)
      ? 'government'
      : partyRest.test(rest) && placed
        ? 'party'
        : zone.test(rest)
          ? 'zone'
          : 'department'
  return { kind, places, rest, generic, unknownPlace: null }
}

function splitBodies(name: string): string[] {
  const parts = name.split(/[\s\u3000、，,]+/).filter(Boolean)
  if (parts.length === 1) {
    const glued = /^((?:中共|中国共产党).+?委(?:员会)?)([\u4e00-\u9fa5]{1,20}(?:人民政府|政府))$/.exec(name)
    if (glued?.[1] && glued[2]) return [glued[1], glued[2]]
  }
  return parts
}

function isPartyName(body: string): boolean {
  if (partyPrefix.test(body)) return true
  const places = matchPlaces(body)
  return places.end > 0 && partyRest.test(body.slice(places.end))
}

// 国家税务总局天津市税务局: the place sits inside the name; there only a full name counts (天津市, not 天津).
function findInnerPlace(body: string): { places: PlaceMatch; start: number } | null {
  for (let start = 1; start < body.length - 1; start += 1) {
    const found = matchPlaces(body.slice(start))
    const first = found.candidates[0]
    if (found.end > 0 && first && body.slice(start, start + found.end).endsWith(first.name)) {
      return { places: found, start }
    }
  }
  return null
}
