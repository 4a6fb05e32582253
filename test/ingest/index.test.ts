import { describe, expect, it } from 'vitest'
import * as ingest from '../../src/ingest/index.ts'

describe('ingest', () => {
  it('exposes the public api', () => {
    expect(Object.keys(ingest).sort()).toEqual([
      'charsetOfContentType',
      'decodeBytes',
      'decodeFetchedBytes',
      'detectBinary',
      'detectFormat',
      'htmlToText',
      'listReportFiles',
      'listReportFolder',
      'looksLikeMetadata',
      'markdownToText',
      'normaliseText',
      'readReport',
      'sidecarEndings',
      'sidecarPathsOf',
      'validateOverrides',
    ])
  })
})
