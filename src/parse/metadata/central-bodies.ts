import { matchPlaces } from './match-places.ts'

/**
 * 国务院 departments (组成部门, 直属机构, 部委管理的国家局, 办事机构) and the former names reports still use
 * (原环境保护部): central bodies, level `central`, no region. Short forms map to the official name.
 */
const officialNames = [
  '国务院办公厅', '外交部', '国防部', '国家发展和改革委员会', '教育部', '科学技术部', '工业和信息化部', '国家民族事务委员会',
  '公安部', '国家安全部', '民政部', '司法部', '财政部', '人力资源和社会保障部', '自然资源部', '生态环境部', '住房和城乡建设部',
  '交通运输部', '水利部', '农业农村部', '商务部', '文化和旅游部', '国家卫生健康委员会', '退役军人事务部', '应急管理部',
  '中国人民银行', '审计署', '国务院国有资产监督管理委员会', '海关总署', '国家税务总局', '国家市场监督管理总局',
  '国家金融监督管理总局', '中国证券监督管理委员会', '国家广播电视总局', '国家体育总局', '国家统计局', '国家国际发展合作署',
  '国家医疗保障局', '国家机关事务管理局', '国家知识产权局', '国家移民管理局', '国家林业和草原局', '国家铁路局', '中国民用航空局',
  '国家邮政局', '国家文物局', '国家中医药管理局', '国家疾病预防控制局', '国家矿山安全监察局', '国家消防救援局', '国家外汇管理局',
  '国家药品监督管理局', '国家粮食和物资储备局', '国家能源局', '国家国防科技工业局', '国家烟草专卖局', '国家数据局', '国家信访局',
  '国家网信办', '国务院研究室', '国务院港澳事务办公室', '国家宗教事务局',
  // Former names (before the 2018 reform), as reports on 2016–2018 sign.
  '环境保护部', '国土资源部', '农业部', '文化部', '国家卫生和计划生育委员会', '国家工商行政管理总局', '国家质量监督检验检疫总局',
  '国家安全生产监督管理总局', '国家食品药品监督管理总局', '国家新闻出版广电总局', '国家海洋局', '国家测绘地理信息局', '监察部',
  '国家旅游局', '国家林业局', '国家粮食局', '国家行政学院',
]

const shortForms: Record<string, string> = {
  国家发展改革委: '国家发展和改革委员会', 发展改革委: '国家发展和改革委员会', 科技部: '科学技术部', 工信部: '工业和信息化部',
  国家民委: '国家民族事务委员会', 人力资源社会保障部: '人力资源和社会保障部', 人社部: '人力资源和社会保障部',
  住房城乡建设部: '住房和城乡建设部', 住建部: '住房和城乡建设部', 国家卫生健康委: '国家卫生健康委员会', 国家卫健委: '国家卫生健康委员会',
  国务院国资委: '国务院国有资产监督管理委员会', 市场监管总局: '国家市场监督管理总局', 税务总局: '国家税务总局',
  中国证监会: '中国证券监督管理委员会', 广电总局: '国家广播电视总局', 国家医保局: '国家医疗保障局', 民航局: '中国民用航空局',
  国家林草局: '国家林业和草原局', 国家药监局: '国家药品监督管理局', 国家粮食和储备局: '国家粮食和物资储备局',
  退役军人部: '退役军人事务部', 国家卫生计生委: '国家卫生和计划生育委员会', 原环境保护部: '环境保护部',
  中华人民共和国司法部: '司法部',
}

const byName = new Map<string, string>([...officialNames.map((name): [string, string] => [name, name]), ...Object.entries(shortForms)])
// Longest first, so 国家林业和草原局 is read before 国家林业局 could be.
const names = [...byName.keys()].sort((a, b) => b.length - a.length)

/** The official name of the central body a text starts with (原 and 中华人民共和国 allowed before it), or null. */
export function readCentralBody(text: string): { name: string; length: number } | null {
  const lead = /^(?:原|中华人民共和国)?/.exec(text)?.[0] ?? ''
  const rest = text.slice(lead.length)
  const found = names.find((name) => rest.startsWith(name))
  if (found === undefined) return null
  // 国家税务总局齐齐哈尔市税务局 is a local office of a central body: a place after the name makes it local.
  if (matchPlaces(rest.slice(found.length)).end > 0) return null
  return { name: byName.get(found) ?? found, length: lead.length + found.length }
}

/** The length of the central body's name a text starts with, local office or not (国家税务总局 of 国家税务总局某市税务局), else 0. */
export function centralPrefixLength(text: string): number {
  return names.find((name) => text.startsWith(name))?.length ?? 0
}

/** Whether a name is a central body's (official or short form). */
export function isCentralBody(name: string): boolean {
  const read = readCentralBody(name.trim())
  return read !== null && read.length === name.trim().length
}
