import type { SectionKind } from '../../types.ts'

/** Keywords of each statutory part, matched on the detection copy of a heading, in the order they are tried. */
export const partKeywords: readonly { kind: SectionKind; pattern: RegExp }[] = [
  { kind: 'leadership', pattern: /第一责任人|主要负责人|党政负责人|主要领导|一把手|履行[^,.:;]{0,14}职责|述法/ },
  // 原因分析 is the second half of the statutory 存在的不足和原因, sometimes a part of its own.
  { kind: 'shortcomings', pattern: /不足|问题|差距|短板|薄弱|弱项|困难|挑战|欠缺|不够|不到位|原因/ },
  // Plans speak of the coming year; 安排 and 计划 alone do not (全面部署安排法治政府建设 and 统筹谋划 report last year's work).
  { kind: 'plans', pattern: /下一步|下步|下一年|下一阶段|明年|今后|未来|来年|新的一年|打算|展望|设想|(?<!部署|统筹)(?:安排|计划)(?=$|[,，;；和及与、])|思路(?=$|[,，;；和及与、])|要点$/ },
  // 主要工作安排 names next year's plans, not this year's work.
  { kind: 'achievements', pattern: /成效|举措|主要工作(?!安排|计划|打算|思路|要点)|工作情况|开展情况|进展|做法|成绩|成果|亮点|经验|完成情况|推进情况|落实情况|建设情况|基本情况|总体情况|取得|措施|工作开展|主要任务/ },
]
