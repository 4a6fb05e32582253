import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { inferMetadata } from '../../../src/parse/metadata/index.ts'
import { buildInput, section } from './build-input.ts'

// Inputs built by hand from the bundled reports (title line, metadata fields, preamble, closing), so these tests
// check metadata inference alone, whatever the structure stage makes of the rest.
const read = async (path: string): Promise<string[]> =>
  (await readFile(new URL(`../../../${path}`, import.meta.url), 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')

describe('inferMetadata on the bundled reports', () => {
  it('reads 市政务服务办 with its 来源 and 发布时间 line', async () => {
    const lines = await read('reports/2022/tianjin-zwfwb.txt')
    expect(lines[1]).toBe('来源:天津市人民政府政务服务办公室 发布时间:2023-03-14 15:35')
    const body = lines.slice(2)
    const result = inferMetadata(
      buildInput({
        file: 'reports/2022/tianjin-zwfwb.txt',
        title: lines[0] ?? null,
        fields: { 来源: '天津市人民政府政务服务办公室', 发布时间: '2023-03-14 15:35' },
        sections: [section('preamble', body.slice(0, 1))],
        text: body.join('\n'),
      }),
    )
    expect(result).toEqual({
      value: {
        id: '2022-tianjin-zwfwb',
        title: '市政务服务办2022年法治政府建设情况报告',
        titleInferred: false,
        agency: { name: '天津市人民政府政务服务办公室', short: '市政务服务办', region: ['天津市'], level: 'department' },
        year: 2022,
        published: '2023-03-14',
        url: null,
        publisher: '天津市人民政府政务服务办公室',
      },
      messages: [],
    })
  })

  it('infers the title of 武清区, which has neither title nor date', async () => {
    const lines = await read('reports/2020/tianjin-wuqing.txt')
    const result = inferMetadata(
      buildInput({ file: 'reports/2020/tianjin-wuqing.txt', sections: [section('preamble', lines.slice(0, 1))], text: lines.join('\n') }),
    )
    expect(result.value).toMatchObject({
      id: '2020-tianjin-wuqing',
      title: '天津市武清区人民政府2020年度法治政府建设情况报告',
      titleInferred: true,
      agency: { name: '天津市武清区人民政府', short: '武清区', region: ['天津市', '武清区'], level: 'county' },
      year: 2020,
      published: null,
    })
    expect(result.messages).toEqual([])
  })

  it('reads 巴中市政务服务和大数据管理局 from its signature', async () => {
    const lines = await read('reports/2022/bazhong-zwfwdsjj.txt')
    const closing = lines.slice(-2)
    expect(closing).toEqual(['巴中市政务服务和大数据管理局', '2023年2月2日'])
    const result = inferMetadata(
      buildInput({
        file: 'reports/2022/bazhong-zwfwdsjj.txt',
        sections: [section('preamble', lines.slice(0, 1)), section('closing', closing)],
        text: lines.join('\n'),
      }),
    )
    expect(result.value).toMatchObject({
      agency: { name: '巴中市政务服务和大数据管理局', region: ['四川省', '巴中市'], level: 'department' },
      year: 2022,
      published: '2023-02-02',
      titleInferred: true,
    })
  })

  it('reads 天津滨海高新区 with its 来源 and 发布日期', async () => {
    const lines = await read('reports/2023/tianjin-binhai-gaoxin.txt')
    const start = lines.findIndex((line) => line.startsWith('2023年,'))
    const result = inferMetadata(
      buildInput({
        file: 'reports/2023/tianjin-binhai-gaoxin.txt',
        title: lines[1] ?? null,
        fields: { 发布日期: '2024-03-27 16:51', 来源: '天津滨海高新技术产业开发区' },
        sections: [section('preamble', lines.slice(start, start + 1))],
        text: lines.slice(start).join('\n'),
      }),
    )
    expect(result.value).toMatchObject({
      title: '天津滨海高新区2023年度法治政府建设情况报告',
      agency: { name: '天津滨海高新技术产业开发区', short: '滨海高新区', region: ['天津市', '滨海新区'], level: 'department' },
      year: 2023,
      published: '2024-03-27',
    })
  })
})
