/** Node's system error codes said in Chinese, for messages users read: file system and network alike. */
const words: Record<string, string> = {
  ENOENT: '文件不存在',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  EISDIR: '这是文件夹',
  ENOTDIR: '上级路径不是文件夹',
  EMFILE: '打开的文件过多',
  ECONNREFUSED: '连接被拒绝',
  ECONNRESET: '连接被重置',
  ENOTFOUND: '域名无法解析',
  EAI_AGAIN: '域名暂时无法解析',
  CERT_HAS_EXPIRED: '证书已过期',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: '证书无法验证',
}

/**
 * The `code` a Node system error carries (`ENOENT`, `EEXIST`, `ECONNREFUSED`), or `''` when it has none.
 * @example errorCode(await readFile('gone').catch((error: unknown) => error)) // 'ENOENT'
 */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
}

/**
 * A system error in words with its code, e.g. `文件不存在 (ENOENT)`; the error's own message for a code without
 * words. A failed `fetch` is described by its cause, where Node keeps the network error.
 */
export function describeSystemError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  const code = errorCode(cause)
  const text = words[code] ?? (cause instanceof Error ? cause.message : String(cause))
  return code ? `${text} (${code})` : text
}

/** Whether a file-system error says the file is not there (`ENOENT`, or a parent that is not a folder). */
export function isMissingFile(error: unknown): boolean {
  const code = errorCode(error)
  return code === 'ENOENT' || code === 'ENOTDIR'
}
