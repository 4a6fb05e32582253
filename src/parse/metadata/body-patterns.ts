/** How a reporting body's name ends: 人民政府, 司法局, 政务服务办, 高新区, 街道, 县… */
export const bodyEnding =
  /(?:人民政府|政府|行政公署|办公室|办公厅|办事处|局|厅|办|委员会|委|中心|院|署|所|管委会|开发区|高新区|新区|园区|试验区|示范区|合作区|保税区|街道|镇|乡|省|市|区|县|旗|盟|州|党委|党工委|党组|部|队|站|处|馆|集团|公司)$/

/** Names of websites and media rather than bodies: 青岛政务网, XX门户网站, 中国天津, 本站, XX日报. */
const website =
  /(?:网|网站|门户|官网|客户端|公众号|微信|微博|日报|晚报|报|新闻|电视台|广播电台|融媒体中心|头条|发布)$|网站|门户|^中国[\u4e00-\u9fa5]{2,3}$|^本[站网]/

/** Punctuation that never occurs inside a body's name. */
const sentencePunctuation = /[。；;：:！？!?“”"《》（）()【】\[\]]/

/** Whether a string names a body (one, or two separated by spaces or 、 as joint reports write them). */
export function isBodyName(text: string): boolean {
  const parts = text.trim().split(/[\s\u3000、，,]+/).filter(Boolean)
  if (parts.length === 0 || parts.length > 3) return false
  return parts.every(
    (part) => part.length >= 2 && part.length <= 40 && !sentencePunctuation.test(part) && bodyEnding.test(part),
  )
}

/** Whether a 来源 value names a website or medium (the publisher) rather than a body that could be the author. */
export function isWebsiteName(text: string): boolean {
  return website.test(text.trim())
}

/** Leading 中共 / 中国共产党 of a Party committee's name. */
export const partyPrefix = /^(?:中共|中国共产党)/

/** A name that starts with a bare level word instead of a place, as reports call themselves: 市政务服务办, 区司法局. */
export const genericPrefix = /^(?:自治区|省|市|区|县|州|旗)(?=[\u4e00-\u9fa5])/

/** Central bodies, which have no region: 司法部, 国家税务总局, 国务院办公厅. */
export const nationalBody = /^(?:国家|国务院|中华人民共和国|中国(?!共产党))|(?:部|总局|总署)$/
