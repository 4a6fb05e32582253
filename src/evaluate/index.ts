/** Parser accuracy: held-out corpora scored against their expected JSON, real openings against their labels. */
export { evaluateHoldout } from './evaluate-holdout.ts'
export { evaluateOpenings, formatOpenings } from './evaluate-openings.ts'
export { formatHoldoutTable } from './format-holdout-table.ts'
