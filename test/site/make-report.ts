import type { Report } from '../../src/types.ts'

/** A small published report (天津市政务服务办, 2022) for site tests, with the fields a test cares about replaced. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    id: '2022-tianjin-zwfwb',
    title: '市政务服务办2022年法治政府建设情况报告',
    titleInferred: false,
    agency: { name: '天津市人民政府政务服务办公室', short: '市政务服务办', region: ['天津市'], level: 'department' },
    year: 2022,
    published: '2023-03-14',
    source: { file: '2022/a.txt', format: 'txt', encoding: 'utf-8', sha256: '', url: null, publisher: null },
    sections: [],
    warnings: [],
    ...overrides,
  }
}
