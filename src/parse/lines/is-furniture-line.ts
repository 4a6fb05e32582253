/** Words that, alone or together on a short line, are page controls rather than report text. */
const controlWords = [
  '扫一扫在手机打开当前页', '在手机上打开当前页', '在手机打开当前页', '扫一扫在手机上打开', '手机扫一扫', '扫一扫', '打印本页',
  '打印此页', '打印文章', '打印页面', '关闭窗口', '关闭本页', '关闭此页', '关闭页面', '返回顶部', '回到顶部', '加入收藏',
  '我要纠错', '我要打印', '分享到', '分享至', '字体大小', '字号', '字体', '打印', '关闭', '收藏', '分享', '纠错', '返回',
  '默认', '微信', '微博', '新浪微博', '腾讯微博', 'QQ空间', 'QQ好友', 'QQ', '朋友圈', '保存', '复制链接', '复制网址',
  '视力保护色', '护眼模式', '繁体', '简体', '无障碍', '适老模式', '大', '中', '小', '特大', '放大', '缩小', '[', ']', '(', ')',
  // WeChat article controls: 阅读原文, 分享 收藏 赞 在看, 点击蓝字 关注我们.
  '阅读原文', '轻触阅读原文', '在看', '点赞', '赞', '写留言', '留言', '转发', '喜欢', '点击蓝字', '点击上方蓝字', '关注我们',
  // Site switches and service links a page header or footer lines up: 长者模式 | 繁體版 | English, 设为首页 | 加入收藏.
  '扫一扫在手机上查看当前页面', '扫一扫在手机上打开当前页', '在手机上查看当前页面', '在手机上打开当前页', '请输入关键字', '请输入关键词',
  '微信公众号', '政务微博', '在手机上查看', '用手机扫描二维码', '手机扫码浏览', '扫码查看', '本页二维码',
  '二维码', '无障碍浏览', '长者模式', '长者版', '关怀版', '关怀模式', '适老化', '适老版', '读屏专用', '繁体版', '繁體版', '简体版',
  '繁體', 'English', '手机版', '移动版', '设为首页', '登录', '注册', '搜索', '智能问答', '收藏本页', '收藏本站', '打印本文',
  '网站地图', '联系我们', '网站声明', '免责声明', '隐私声明', '隐私保护', '政府信息公开指南', '政府信息公开目录', '政府信息公开年报',
  '信息公开指南', '信息公开目录', '信息公开年报', '政府信息公开', '目录',
  '继续滑动看下一个', '向上滑动看下一个', '知道了', '微信扫一扫', '关注该公众号', '长按识别二维码', '长按二维码', '识别二维码', '扫码关注',
].sort((a, b) => b.length - a.length)

// Words that are furniture beside others but may be a report's own line alone (目录 over a table of contents).
const weakWords = new Set(['QQ', '目录'])
const separators = new Set([...' |/、,:;-·•●▪◆■>»›《》→丨'])
const breadcrumbStart = /^[\s•·●▪◆■|[]*(?:您|你)?(?:当前|现在)?(?:所在)?的?(?:位置|栏目)\s*:/
const homeTrail = /^[\s•·●▪◆■|[]*(?:首页|网站首页|主页)\s*(?:>|»|›|→|》|\/|>>)/
// The site's name and the trail on one line: 某市人民政府门户网站 首页 > 信息公开 > 法治政府建设.
const siteTrail = /^[^\s。,;:]{2,30}\s+(?:首页|网站首页|主页)\s*(?:>|»|›|→|》|\/|>>)/
const footerMark = /ICP备|ICP证|公网安备|网站标识码|版权所有|copyright|©|技术支持\s*:|网站地图|(?:推荐|建议)使用.{0,30}浏览器|最佳(?:浏览|显示)效果|\d{3,4}\s*[*×x]\s*\d{3,4}/i
const pagerStart = /^[\s•·●▪◆■|[]*(?:上一篇|下一篇|上一条|下一条|上一页|下一页)/
const attachmentFile = /^[\s[]*(?:附件|相关附件|附件下载)\s*\d*\s*[:：]?.{0,120}\.(?:docx?|pdf|xlsx?|wps|zip|rar|ofd|et|txt|jpe?g|png)\]?$/i
// Page numbers a PDF copy leaves between pages: — 1 —, - 2 -, 第 3 页 共 5 页, 共5页 第3页, 3/12, Page 4 of 9.
const pageNumber = /^(?:[-—–－~―]+\s*\d{1,4}\s*[-—–－~―]+|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,/]?\s*第\s*\d{1,4}\s*页|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i
const pageOfPages = /^(\d{1,4})\s*\/\s*(\d{1,4})$/
const counterLine = /^(?:浏览次数|阅读次数|访问量|访问次数|点击数|点击量|点击次数|浏览量|阅读量|阅读|在看|点赞)\s*:?\s*\d*(?:\.\d+)?\s*(?:次|万|w|\+)?$/i
// Visitor counters and hotlines in a footer: 您是第 1022345 位访问者, 今日访问量：123 总访问量：45678, 政务服务热线12345.
const visitorLine = /^(?:您是(?:本站|本网站|本页)?第\s*[\d,]+\s*位(?:访问者|访客|浏览者|读者)|(?:(?:今日|本日|昨日|总|累计|本月)?(?:访问量|浏览量|访问人次|访问次数|点击量)\s*:?\s*[\d,]+\s*(?:次|人次)?\s*)+$)/
// 今天是：2019年10月31日 星期三 农历十月初七: the site's clock, not the report's date.
const todayLine = /^[\s•·●▪◆■|[]*今天是\s*:?\s*(?:(?:19|20)\d{2}\s*年|\d{4}[-/.])/
const hotlineLine = /^[\u4e00-\u9fa5]{0,10}热线(?:电话)?\s*:?\s*\d[\d\s-]{2,}$/
// WeChat header and footer lines: 收录于合集 #法治政府建设 12个, 点击上方“瑞金司法”关注我们, 长按识别二维码关注.
const wechatLine = /^[↑▲△☝👆,\s]*(?:收录于(?:合集|话题)\s*#|点击(?:上方|下方)?\s*(?:蓝字|“[^”]{1,20}”|"[^"]{1,20}"|[^\s。]{0,10}名片)\s*\+?\s*(?:关注|订阅)|长按(?:识别|扫描)?(?:下方|上方|图中)?二维码|喜欢此内容的人还喜欢|预览时标签不可点|轻点两下取消|(?:喜欢就)?点(?:个|一下)?\s*[“"]?(?:赞|在看)|微信扫一扫\s*(?:关注|可打开)|[-—–\s]*(?:THE\s+)?END[-—–\s]*$)/iu

/**
 * True when a normalised line is page furniture by its shape: breadcrumbs, font-size and print controls,
 * counters, pager links, footers, attachment file links, page numbers of a PDF copy. Sentences (with 。) are never furniture.
 */
export function isFurnitureLine(norm: string): boolean {
  if (norm.includes('。') || norm.length > 240) return false
  if (pageNumber.test(norm) || isPageOfPages(norm)) return true
  if (breadcrumbStart.test(norm) || homeTrail.test(norm) || siteTrail.test(norm)) return true
  if (pagerStart.test(norm) || counterLine.test(norm) || todayLine.test(norm)) return true
  if (norm.length <= 60 && (visitorLine.test(norm) || hotlineLine.test(norm))) return true
  if (norm.length <= 60 && wechatLine.test(norm)) return true
  if (attachmentFile.test(norm)) return true
  if (norm.length <= 160 && footerMark.test(norm)) return true
  return norm.length <= 80 && isControlLine(norm)
}

/** `3/12`: a page number over a page count, never above it. */
function isPageOfPages(norm: string): boolean {
  const match = pageOfPages.exec(norm)
  return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= Number(match[2])
}

/** A line made only of control words and separators, with at least one word of two or more characters. */
function isControlLine(norm: string): boolean {
  let index = 0
  let sawWord = false
  while (index < norm.length) {
    const char = norm.charAt(index)
    if (separators.has(char)) {
      index++
      continue
    }
    const word = controlWords.find((candidate) => norm.startsWith(candidate, index))
    if (word === undefined) return false
    if (word.length >= 2 && !weakWords.has(word)) sawWord = true
    index += word.length
  }
  return sawWord
}
