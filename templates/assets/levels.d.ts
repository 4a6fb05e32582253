import type { Level } from '../../src/types.ts'

export const levelLabels: Record<Level, string>
