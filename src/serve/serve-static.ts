import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import { normalisePrefix } from '../path-prefix.ts'
import { errorCode } from '../system-error.ts'

/** A running static server. */
export interface StaticServer {
  /** Base address, e.g. `http://127.0.0.1:8080/` (ends with the path prefix). */
  url: string
  /** Port actually bound. */
  port: number
  /** Stop serving. */
  close: () => Promise<void>
}

/** Options for `serveStatic`. */
export interface ServeOptions {
  /** First port to try; the next free one is taken when it is busy. 0 picks any free port. Default 8080. */
  port?: number
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string
  /** Sub-path the site is built for, e.g. `/archive/`. Default `/`. */
  pathPrefix?: string
  /** Requests wait for this before they are answered (`npm start` binds its port, then builds the site it serves). */
  ready?: Promise<unknown>
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  // Originals kept beside report pages: a PDF opens in the browser (so `#page=N` links work), a .docx downloads.
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/** Serve a built site folder over HTTP on the loopback interface (Pagefind does not work from `file://`). */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const host = options.host ?? '127.0.0.1'
  const prefix = normalisePrefix(options.pathPrefix ?? '/')
  // A half-built site is never served: a request made during the build is answered once it is done.
  const ready = (options.ready ?? Promise.resolve()).catch(() => undefined)
  const server = createServer((request, response) => {
    void ready.then(() => respond(root, prefix, request.url ?? '/', response))
  })
  let port = options.port ?? 8080
  for (let attempt = 0; ; attempt++) {
    try {
      await listen(server, port, host)
      break
    } catch (error) {
      const busy = errorCode(error) === 'EADDRINUSE'
      if (!busy || port === 0 || attempt >= 50) throw error
      port += 1
    }
  }
  const address = server.address()
  const bound = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://${host}:${bound}${prefix}`,
    port: bound,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = () => {
      server.off('error', onError)
      resolve()
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
}

async function respond(
  root: string,
  prefix: string,
  requestUrl: string,
  response: import('node:http').ServerResponse,
): Promise<void> {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname)
  } catch {
    return send(response, 400, 'Bad request')
  }
  if (!pathname.startsWith(prefix)) {
    if (pathname === '/' && prefix !== '/') {
      response.writeHead(302, { location: prefix }).end()
      return
    }
    return send(response, 404, 'Not found')
  }
  const base = path.resolve(root)
  const file = path.join(base, pathname.slice(prefix.length))
  // Refuse paths that climb out of the site folder.
  if (file !== base && !file.startsWith(base + path.sep)) return send(response, 403, 'Forbidden')
  let target = file
  try {
    const info = await stat(target)
    if (info.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { location: `${pathname}/` }).end()
        return
      }
      target = path.join(target, 'index.html')
      await stat(target)
    }
  } catch {
    return send(response, 404, 'Not found', path.join(root, '404.html'))
  }
  response.writeHead(200, {
    'content-type': types[path.extname(target).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  })
  createReadStream(target).pipe(response)
}

function send(response: import('node:http').ServerResponse, status: number, text: string, page?: string): void {
  if (page) {
    stat(page).then(
      () => {
        response.writeHead(status, { 'content-type': types['.html'] ?? 'text/html' })
        createReadStream(page).pipe(response)
      },
      () => response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text),
    )
    return
  }
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text)
}
