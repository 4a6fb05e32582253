// The administrative levels a report can have, with their Chinese labels, in display order: the one list the
// report pages, the search page's level menu and the search CLI read (plain JavaScript, so browsers load it as is).

/** Level → Chinese label. A new level is one line here (and one in `Level`, src/types.ts). */
export const levelLabels = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
  department: '部门',
  central: '中央部门',
}
