import type { SocketErrorMessage } from '@agm/contracts';
import { pathInWords } from '@agm/contracts/common/field-words';

/** The one error shape of the api (HTTP and socket acks alike), as an exception the screens can show. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly errors?: Record<string, string>,
    readonly rule?: string,
  ) {
    super(message);
  }

  static from(error: SocketErrorMessage): ApiError {
    return new ApiError(error.statusCode, error.message, error.errors, error.rule);
  }

  /**
   * The message with every field problem, for an alert. A reason that names its field ("Email address
   * must be …") is shown as it is; one that does not ("must be a whole number") gets its field in words,
   * never the property name or the path of ids a developer sees.
   */
  describe(): string {
    const fields = this.errors
      ? Object.entries(this.errors).map(([field, reason]) =>
          /^[A-Z]/.test(reason)
            ? reason
            : /^(is|are|must|should|has|cannot|may)\b/.test(reason)
              ? `${pathInWords(field)} ${reason}` // "Reason is required"
              : `${pathInWords(field)}: ${reason}`,
        )
      : [];
    return [this.message, ...fields].join(' ');
  }
}

export interface StoredSession {
  token: string;
  expiresAt: string;
  kind: 'account' | 'attendee' | 'projector';
  conferenceId?: string;
}

const SESSION_KEY = 'agm.session';

export function loadSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    return new Date(session.expiresAt).getTime() > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

/** Called when the api answers 401 to a signed-in request: the session is over. */
let onUnauthorised: (reason: string) => void = () => undefined;
export function setUnauthorisedHandler(handler: (reason: string) => void): void {
  onUnauthorised = handler;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const session = loadSession();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (session) headers.Authorization = `Bearer ${session.token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  const text = await response.text();
  const data = text ? (safeJson(text) as unknown) : undefined;
  if (!response.ok) {
    const shape = (data ?? {}) as Partial<SocketErrorMessage>;
    const error = new ApiError(
      response.status,
      shape.message ?? `The server answered ${response.status}.`,
      shape.errors,
      shape.rule,
    );
    if (response.status === 401 && session) onUnauthorised(error.message);
    throw error;
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {});
export const patch = <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {});
export const del = <T>(path: string) => request<T>('DELETE', path);

/**
 * A document the api serves behind the bearer token (agenda, booklet, minutes, reports): a plain link
 * cannot carry the token, so it is fetched here and handed to the browser as a download of the blob.
 * It is always saved, never opened in a tab: a blob URL belongs to this app's origin and loses the
 * server's Content-Security-Policy, so an HTML document must not render here. The object URL is then
 * revoked. Resolves to the file name the browser was given.
 */
export async function openDocument(
  path: string,
  filename: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<string> {
  const session = loadSession();
  const headers: Record<string, string> = session ? { Authorization: `Bearer ${session.token}` } : {};
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    const shape = (safeJson(await response.text()) ?? {}) as Partial<SocketErrorMessage>;
    const error = new ApiError(
      response.status,
      typeof shape === 'object' && shape.message ? shape.message : `The server answered ${response.status}.`,
      shape.errors,
      shape.rule,
    );
    if (response.status === 401 && session) onUnauthorised(error.message);
    throw error;
  }
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = named ?? filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after the click returns (FileSaver.js waits 40 s for the same reason).
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
  return link.download;
}

/** A register file sent as it is (Content-Type: text/csv), as the import endpoints take it. */
export async function postCsv<T>(path: string, csv: string): Promise<T> {
  const session = loadSession();
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'text/csv' };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: csv });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  const data = safeJson(await response.text()) as Partial<SocketErrorMessage> | undefined;
  if (!response.ok) {
    const error = new ApiError(
      response.status,
      data?.message ?? `The server answered ${response.status}.`,
      data?.errors,
      data?.rule,
    );
    if (response.status === 401 && session) onUnauthorised(error.message);
    throw error;
  }
  return data as T;
}
