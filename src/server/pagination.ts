// Opaque keyset cursors: base64url of the last row's sort key and id.
import { AppError } from './errors';

export function encodeCursor(k: string | number, id: string): string {
  return Buffer.from(JSON.stringify({ k, id })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { k: string; id: string } | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; id?: unknown };
    if (typeof v.id === 'string' && (typeof v.k === 'string' || typeof v.k === 'number'))
      return { k: String(v.k), id: v.id };
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', {}, [
    { field: 'query.cursor', code: 'invalid', message: 'This cursor is not valid; start from the first page.' },
  ]);
}
