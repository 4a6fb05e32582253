/** Traditional characters and their simplified forms, as pairs. */
export const traditionalPairs: string
