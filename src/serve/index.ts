/** The static server behind `npm start`. */
export { serveStatic, type ServeOptions, type StaticServer } from './serve-static.ts'
