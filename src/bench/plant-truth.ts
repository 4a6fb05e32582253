import { createHash } from 'node:crypto'
import { collectParagraphs, foldOnly } from '../analysis/index.ts'
import { parseReport } from '../parse/index.ts'
import type { Report } from '../types.ts'
import { createRandom, type Random } from './create-random.ts'

/** Options for `plantTruth`. */
export interface PlantOptions {
  /** Agencies; each reports on every year. Default 30. */
  agencies?: number
  /** Years reported on, inclusive. Default 2021–2023. */
  years?: [number, number]
  /** Seed. Default 1. */
  seed?: number
}

/** What was planted, to score the analysis against. */
export interface PlantedTruth {
  /** Reuse pairs `{id}#{anchor}>{other id}|{same|other}`: paragraphs copied (with small edits) between reports. */
  reuse: Set<string>
  /** Plan items: report id, a phrase only that item holds, and what became of it the next year. */
  plans: { id: string; key: string; status: 'addressed' | 'relisted' | 'not-found' }[]
}

/** A planted corpus: parsed reports and the truth about them. */
export interface PlantedCorpus {
  reports: Report[]
  truth: PlantedTruth
}

// Filler is random text from a pool of common characters: two filler sentences share no 20-character run.
const pool = '的一在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'
/** Long boilerplate sentences many reports open with: real reuse (20+ characters), for the boilerplate pages. */
const banalSentences = [
  '全面贯彻落实党中央国务院关于法治政府建设的决策部署，扎实推进各项工作取得明显成效。',
  '坚持把法治政府建设摆在全局工作的突出位置，统筹谋划，一体推进，压实责任。',
  '认真对照法治政府建设实施纲要确定的目标任务，逐项梳理，狠抓落实，持续发力。',
  '始终坚持依法决策依法管理依法办事，不断提高运用法治思维和法治方式解决问题的能力。',
]
const stockPhrases = ['坚持以人民为中心', '全面依法治国方略', '法治政府建设工作', '提高政治站位意识', '深入学习贯彻落实', '推进严格规范执法']
const verbs = ['推进', '完善', '健全', '深化', '落实', '加快', '强化', '优化']
const doneVerbs = ['全面建成', '顺利完成', '持续推进', '初步建立', '稳步实施']
const categories = ['制度', '平台', '清单', '机制', '工程', '体系', '行动', '改革']
const purposes = ['切实提升依法行政水平', '不断增强群众获得感', '进一步规范行政行为', '持续优化法治化营商环境', '推动各项工作落地见效']
const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/**
 * Write and parse a corpus with known reuse and follow-up: paragraphs copied between agencies and from an agency's
 * own last report with a few characters changed, long boilerplate sentences in many preambles (reuse too), stock
 * phrases of 8 characters in many reports (which must not count), plan items restated in the next year's achievements in other words, and plans listed again.
 */
export function plantTruth(options: PlantOptions = {}): PlantedCorpus {
  const random = createRandom(options.seed ?? 1)
  const [first, last] = options.years ?? [2021, 2023]
  const agencyCount = options.agencies ?? 30
  const families = new Map<string, number>()
  let nextFamily = 0
  const originals: { text: string; agency: number }[] = []
  const lastShortcoming = new Map<number, string>()
  const plansOf = new Map<string, { term: string; status: PlantedTruth['plans'][number]['status'] }[]>()
  const texts: { id: string; agency: number; year: number; text: string }[] = []
  for (let year = first; year <= last; year++) {
    for (let agency = 0; agency < agencyCount; agency++) {
      const name = `${pickName(agency)}局`
      const id = `${year}-plant-a${String(agency).padStart(3, '0')}`
      const previous = plansOf.get(`${agency}|${year - 1}`) ?? []
      const achievements: string[][] = [[], [], []]
      // Last year's plans: restated as achievements, listed again, or left.
      const relisted: string[] = []
      for (const plan of previous) {
        if (plan.status === 'addressed') random.pick(achievements).push(restate(plan.term, random))
        if (plan.status === 'relisted') relisted.push(plan.term)
      }
      for (const block of achievements) for (let n = random.int(1, 2); n > 0; n--) block.push(filler(random, true))
      // A paragraph copied from another agency's report, a few characters changed.
      if (originals.length > 0 && random.next() < 0.5) {
        const source = random.pick(originals.filter((original) => original.agency !== agency).slice(-40))
        const copy = edit(source.text, random)
        families.set(copy, families.get(source.text) ?? -1)
        random.pick(achievements).push(copy)
      }
      const fresh = filler(random, true) + filler(random, false)
      families.set(fresh, nextFamily++)
      originals.push({ text: fresh, agency })
      random.pick(achievements).push(fresh)
      // Shortcomings: sometimes last year's again, lightly edited.
      const shortcomings = [filler(random, true) + filler(random, false), filler(random, false)]
      const before = lastShortcoming.get(agency)
      if (before !== undefined && random.next() < 0.4) {
        const copy = edit(before, random)
        families.set(copy, families.get(before) ?? -1)
        shortcomings[0] = copy
      } else families.set(shortcomings[0] as string, nextFamily++)
      lastShortcoming.set(agency, shortcomings[0] as string)
      // Plans: new items, plus last year's relisted ones in other words.
      const plans: { term: string; status: PlantedTruth['plans'][number]['status'] }[] = []
      const itemTexts: string[] = []
      for (const term of relisted) itemTexts.push(`继续${random.pick(verbs)}${term}，${random.pick(purposes)}`)
      for (let n = random.int(3, 5); n > 0; n--) {
        const term = `${randomText(random, 3)}${random.pick(categories)}`
        const roll = random.next()
        plans.push({ term, status: roll < 0.45 ? 'addressed' : roll < 0.7 ? 'relisted' : 'not-found' })
        itemTexts.push(`${random.pick(verbs)}${term}建设，${random.pick(purposes)}`)
      }
      plansOf.set(`${agency}|${year}`, plans)
      const banal = random.next() < 0.3 ? random.pick(banalSentences) : null
      if (banal !== null && !families.has(banal)) families.set(banal, nextFamily++)
      const body = [
        `${name}${year}年法治政府建设情况报告`,
        `${year}年，${name}${filler(random, false)}现将有关情况报告如下。`,
        ...(banal === null ? [] : [banal]),
        '一、主要举措和成效',
        ...achievements.flatMap((block, index) => [`（${digits[index + 1]}）${randomText(random, 6)}`, ...block]),
        '二、存在的不足和原因',
        ...shortcomings,
        `三、${year + 1}年工作安排`,
        ...(random.next() < 0.5
          ? itemTexts.map((text, index) => `（${digits[index + 1]}）${text}。`)
          : [`${year + 1}年，我局将重点做好以下工作：`, itemTexts.map((text, index) => `${digits[index + 1]}是${text}`).join('；') + '。']),
        name,
        `${year + 1}年3月${random.int(1, 28)}日`,
      ]
      texts.push({ id, agency, year, text: `${body.join('\n')}\n` })
    }
  }
  const reports = texts.map(({ id, year, agency, text }) => parsePlanted(id, year, `${pickName(agency)}局`, text))
  return { reports, truth: { reuse: reusePairs(reports, families), plans: planTruth(reports, plansOf, first, last, agencyCount) } }
}

/** Parse a report text with its id, year and agency set, as a sidecar would (a department of 四川省). */
export function parsePlanted(id: string, year: number, agency: string, text: string): Report {
  const parsed = parseReport({
    file: `${year}/${id}.txt`,
    format: 'txt',
    encoding: 'utf-8',
    sha256: createHash('sha256').update(text).digest('hex'),
    text,
    overrides: { id, year, agency, region: ['四川省'], level: 'department' },
  })
  if (!parsed.value) throw new Error(`planted report ${id} did not parse: ${parsed.messages.map((message) => message.reason).join('; ')}`)
  return parsed.value
}

/** Every pair of planted paragraphs of one family in different reports, both ways. */
function reusePairs(reports: readonly Report[], families: ReadonlyMap<string, number>): Set<string> {
  const byFolded = new Map([...families].map(([text, family]) => [foldOnly(text), family]))
  const members = new Map<number, { id: string; anchor: string; agency: string }[]>()
  for (const report of reports) {
    for (const paragraph of collectParagraphs(report)) {
      const family = byFolded.get(foldOnly(paragraph.text))
      if (family === undefined || family < 0) continue
      members.set(family, [...(members.get(family) ?? []), { id: report.id, anchor: paragraph.anchor, agency: report.id.slice(5) }])
    }
  }
  const pairs = new Set<string>()
  for (const list of members.values()) {
    for (const a of list) for (const b of list) if (a.id !== b.id) pairs.add(`${a.id}#${a.anchor}>${b.id}|${a.agency === b.agency ? 'same' : 'other'}`)
  }
  return pairs
}

function planTruth(
  reports: readonly Report[],
  plansOf: ReadonlyMap<string, { term: string; status: PlantedTruth['plans'][number]['status'] }[]>,
  first: number,
  last: number,
  agencies: number,
): PlantedTruth['plans'] {
  const ids = new Set(reports.map((report) => report.id))
  const plans: PlantedTruth['plans'] = []
  for (let year = first; year < last; year++) {
    for (let agency = 0; agency < agencies; agency++) {
      const id = `${year}-plant-a${String(agency).padStart(3, '0')}`
      if (!ids.has(id)) continue
      for (const plan of plansOf.get(`${agency}|${year}`) ?? []) plans.push({ id, key: plan.term, status: plan.status })
    }
  }
  return plans
}

/** A plan restated as done, in other words: the term first, another verb, a figure. */
function restate(term: string, random: Random): string {
  return `${term}${random.pick(doneVerbs)}，${filler(random, false)}累计办理${random.int(12, 400)}件。`
}

/** A sentence of random characters, sometimes opening with a stock phrase. */
function filler(random: Random, stock: boolean): string {
  const opening = stock && random.next() < 0.6 ? `${random.pick(stockPhrases)}，` : ''
  return `${opening}${randomText(random, random.int(14, 26))}，${randomText(random, random.int(10, 20))}。`
}

/** A copy with a few characters changed, one dropped and one added. */
function edit(text: string, random: Random): string {
  const characters = [...text]
  for (let n = random.int(2, 3); n > 0; n--) {
    const at = random.int(0, characters.length - 1)
    if (/\p{Script=Han}/u.test(characters[at] ?? '')) characters[at] = randomText(random, 1)
  }
  characters.splice(random.int(1, characters.length - 2), 1)
  characters.splice(random.int(1, characters.length - 2), 0, randomText(random, 1))
  return characters.join('')
}

function randomText(random: Random, length: number): string {
  let text = ''
  for (let n = 0; n < length; n++) text += pool[random.int(0, pool.length - 1)]
  return text
}

/** A made-up but stable place-and-body name per agency. */
function pickName(agency: number): string {
  return `${'甲乙丙丁戊己庚辛壬癸'[agency % 10]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(agency / 10) % 12]}县${'司法市场交通教育民政财政'.slice((agency % 6) * 2, (agency % 6) * 2 + 2)}`
}
