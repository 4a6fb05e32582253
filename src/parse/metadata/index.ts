/** Metadata inference for parsed reports: who reported, on which year, when published, under which id. */
export { inferMetadata, type Metadata, type MetadataInput } from './infer-metadata.ts'
