/** Every template filter; `.eleventy.ts` registers each under its export name. */
export { chineseDate } from './chinese-date.ts'
export { kindLabel } from './kind-label.ts'
export { levelLabel } from './level-label.ts'
export { timelinessLabel } from './timeliness-label.ts'
export { url } from './url.ts'
