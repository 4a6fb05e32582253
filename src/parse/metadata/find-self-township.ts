// 我镇 … 下太镇: the name the report uses for its own township, the one written most (at least twice). Every two- and
// three-character run before 镇 is counted, so words before the name (推进下太镇) never win over the name itself.
/**
 * The township a report that calls itself 我镇 / 我乡 / 我街 names most in its text (`word` is 镇, 乡, 街 or 街道), or null.
 *
 * @example findSelfTownship('我镇…下太镇开展…下太镇调解…', '镇') // '下太镇'
 */
export function findSelfTownship(text: string, word: string): string | null {
  const suffix = word === '街' || word === '街道' ? '街' : word
  const counts = new Map<string, number>()
  for (let index = text.indexOf(suffix, 2); index >= 0; index = text.indexOf(suffix, index + 1)) {
    if (suffix === '街' && /^街(?:道(?:办事处)?)?[乡镇街区县市]/.test(text.slice(index, index + 6))) continue
    for (const length of [2, 3]) {
      const name = text.slice(Math.max(0, index - length), index)
      if (name.length < length || !/^[\u4e00-\u9fa5]+$/.test(name) || /[全各我本城乡村集街镇区县市省该每个等与和及的治法在]/.test(name)) continue
      counts.set(name, (counts.get(name) ?? 0) + 1)
    }
  }
  // Longer first on a tie: 桐木漯 over 木漯.
  const [best, second] = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
  if (best === undefined || best[1] < 2 || (second !== undefined && second[1] === best[1] && second[0].length === best[0].length)) return null
  return `${best[0]}${suffix === '街' ? '街道' : word}`
}

