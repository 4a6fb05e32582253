// Three tiny reports over two years: enough to test shards, filters, kinds and one-report phrases.
import type { PageSpec } from './make-index-record.ts'

export const fixturePages: PageSpec[] = [
  {
    year: 2022,
    slug: 'tianjin-zwfwb',
    title: '天津市政务服务办2022年法治政府建设年度报告',
    agency: '天津市人民政府政务服务办公室',
    province: '天津市',
    level: 'department',
    published: '2023-01-20',
    sections: [
      { anchor: 'preamble', kind: 'preamble', heading: '导语', paragraphs: ['2022年，我办深入学习贯彻习近平法治思想。'] },
      { anchor: 'achievements', kind: 'achievements', heading: '一、主要举措和成效', paragraphs: ['持续优化营商环境，深化“放管服”改革。'] },
      { anchor: 'achievements-1', kind: 'achievements', heading: '（一）加强普法宣传', paragraphs: ['落实“谁执法谁普法”普法责任制，开展宪法宣传周活动。'] },
      { anchor: 'shortcomings', kind: 'shortcomings', heading: '二、存在的不足和原因', paragraphs: ['行政复议应诉能力有待提升，营商环境法治保障仍有短板。'] },
      { anchor: 'plans', kind: 'plans', heading: '三、下一年度主要安排', paragraphs: ['继续推进政务服务标准化，加强普法工作。'] },
    ],
  },
  {
    year: 2022,
    slug: 'bazhong-zwfwdsjj',
    title: '巴中市政务服务和大数据管理局2022年法治政府建设年度报告',
    agency: '巴中市政务服务和大数据管理局',
    province: '四川省',
    level: 'department',
    published: '2023-02-10',
    sections: [
      { anchor: 'achievements', kind: 'achievements', heading: '一、主要举措和成效', paragraphs: ['推行“一网通办”，持续优化营商环境。'] },
      { anchor: 'shortcomings', kind: 'shortcomings', heading: '二、存在的不足和原因', paragraphs: ['普法形式较为单一，数据共享不够充分。'] },
      { anchor: 'plans', kind: 'plans', heading: '三、下一年度主要安排', paragraphs: ['建设川东北数字经济示范区。'] },
    ],
  },
  {
    year: 2020,
    slug: 'tianjin-wuqing',
    title: '天津市武清区2020年法治政府建设年度报告',
    agency: '天津市武清区人民政府',
    province: '天津市',
    level: 'county',
    published: '2021-03-01',
    sections: [
      { anchor: 'achievements', kind: 'achievements', heading: '一、主要举措和成效', paragraphs: ['开展公平竞争审查，清理妨碍统一市场的规定。'] },
      { anchor: 'leadership', kind: 'leadership', heading: '二、党政主要负责人履行第一责任人职责', paragraphs: ['区政府常务会议专题学法四次。'] },
      { anchor: 'shortcomings', kind: 'shortcomings', heading: '三、存在的不足和原因', paragraphs: ['基层执法人员普法意识有待加强。'] },
    ],
  },
]
