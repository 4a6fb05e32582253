import { inferMetadata } from '../../../src/parse/metadata/index.ts'
import { buildInput, section } from './build-input.ts'
const cases = {
  province: buildInput({ title: '四川省人民政府关于2022年度法治政府建设情况的报告', sections: [section('preamble', ['2022年，在省委坚强领导下，全省…']), section('closing', ['四川省人民政府', '2023年3月28日'])] }),
  city: buildInput({ title: '2021年度巴中市法治政府建设情况报告', fields: { 信息来源: '巴中市人民政府网', 发布日期: '2022年03月30日' }, sections: [section('preamble', ['2021年，巴中市坚持…'])] }),
  county: buildInput({ title: '南江县人民政府关于2022年法治政府建设工作情况的报告', sections: [section('preamble', ['今年以来，我县…'])] }),
  township: buildInput({ title: '长赤镇2022年法治政府建设年度报告', sections: [section('preamble', ['2022年，南江县长赤镇坚持…']), section('closing', ['南江县长赤镇人民政府', '二〇二三年一月十日'])] }),
  sfj: buildInput({ title: '市司法局2022年度法治政府建设工作报告', fields: { 来源: '青岛政务网', 发布时间: '2023/3/1' }, text: '2022年，市司法局在市委…青岛市…青岛市…青岛市', sections: [section('preamble', ['2022年，市司法局在市委…青岛市…青岛市…青岛市'])] }),
  joint: buildInput({ title: '中共南江县委 南江县人民政府关于2022年度法治政府建设情况的报告', sections: [section('closing', ['中共南江县委', '南江县人民政府', '2023年2月20日'])] }),
  jointGlued: buildInput({ title: '中共巴中市委、巴中市人民政府关于2021年法治政府建设情况的报告' }),
  traditional: buildInput({ title: '天津市人民政府政務服務辦公室2022年法治政府建設情況報告', fields: { 來源: '天津市人民政府政務服務辦公室', 發佈時間: '2023-03-14' } }),
  ambiguous: buildInput({ title: '朝阳区2022年法治政府建设情况报告', sections: [section('preamble', ['2022年，朝阳区坚持…'])] }),
  ambiguousResolved: buildInput({ title: '朝阳区2022年法治政府建设情况报告', sections: [section('preamble', ['2022年，朝阳区坚持落实北京市委…北京市…'])] }),
  noDate: buildInput({ sections: [section('preamble', ['今年以来，我局…']), section('plans', ['…'], '三、2024年工作计划')] }),
  nothing: buildInput({ text: '一、主要成效\n工作…' }),
  pubOnly: buildInput({ title: '某某县法治政府建设年度报告', hints: { published: '2024-02-01T08:00:00+08:00', title: '某某县法治政府建设年度报告_某某县人民政府', url: 'https://example.gov.cn/a.html' } }),
  override: buildInput({ title: '市政务服务办2022年法治政府建设情况报告', overrides: { agency: '巴中市政务服务和大数据管理局', year: 2021, id: 'custom-id' } }),
  guangzhou: buildInput({ title: '广州市天河区2022年法治政府建设年度报告', fields: { 来源: '区司法局' } }),
  tax: buildInput({ title: '国家税务总局天津市税务局2022年法治政府建设情况报告' }),
  ministry: buildInput({ title: '司法部2022年法治政府建设年度报告' }),
  hintOnly: buildInput({ hints: { title: '泸州市江阳区2022年度法治政府建设情况报告-泸州市江阳区人民政府' }, sections: [section('preamble', ['2022年，江阳区…'])] }),
  streets: buildInput({ title: '和平街道2022年法治政府建设情况报告', fields: { 来源: '天津市和平区人民政府' } }),
}
for (const [k, c] of Object.entries(cases)) { const r = inferMetadata(c); console.log(k, JSON.stringify(r.value), r.messages.map(m => m.ruleId + ': ' + m.reason).join(' | ')) }
