// Builds the .docx fixture the tests read, with the docx package: Word's automatic numbering, as real reports use it.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx'

/** The report's parts: level-0 numbered headings (一、), level-1 numbered headings (（一）) and plain paragraphs. */
const parts: Array<[0 | 1 | null, string]> = [
  [null, '2023年，佛山市南海区人民政府坚持以习近平法治思想为指导，全面推进法治政府建设，各项工作取得新进展。现将有关情况报告如下。'],
  [0, '主要举措和成效'],
  [1, '完善依法行政制度体系'],
  [null, '严格落实重大行政决策程序规定，全年对十二项重大行政决策开展合法性审查，审查率达到百分之百。'],
  [1, '推进严格规范公正文明执法'],
  [null, '深化综合行政执法改革，开展行政执法案卷评查，评查案卷三百余宗，督促整改问题四十余个。'],
  [0, '党政主要负责人履行推进法治建设第一责任人职责情况'],
  [null, '区政府主要负责人认真履行推进法治建设第一责任人职责，全年主持召开常务会议专题研究法治政府建设工作五次。'],
  [0, '存在的不足和原因'],
  [null, '基层执法人员法治素养有待进一步提高，行政复议办案力量相对不足。'],
  [0, '2024年工作安排'],
  [null, '2024年，我区将持续深化法治政府建设，推进行政执法规范化，加强行政复议能力建设。'],
]

/** A .docx of a district's 2023 report, its headings numbered by Word (chineseCounting), not typed. */
export async function makeDocx(): Promise<Buffer> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'parts',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: '佛山市南海区人民政府2023年法治政府建设年度报告', alignment: AlignmentType.CENTER }),
          ...parts.map(([level, text]) => (level === null ? new Paragraph({ text }) : new Paragraph({ text, numbering: { reference: 'parts', level } }))),
          new Paragraph({ text: '佛山市南海区人民政府', alignment: AlignmentType.RIGHT }),
          new Paragraph({ text: '2024年3月25日', alignment: AlignmentType.RIGHT }),
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}
