// Citation.js ships no types; the tests use only `Cite.async(text, { forceType })` and `.data`.
declare module '@citation-js/core' {
  export class Cite {
    static async(data: string, options?: { forceType?: string }): Promise<Cite>
    data: unknown[]
  }
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
