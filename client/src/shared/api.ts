/** REST calls with the teacher key, which the browser keeps after it is entered once. */
const KEY = 'aulaquiz.teacherKey';

export function teacherKey(): string | null {
  return localStorage.getItem(KEY);
}

export function saveTeacherKey(key: string): void {
  localStorage.setItem(KEY, key.trim());
}

export function forgetTeacherKey(): void {
  localStorage.removeItem(KEY);
}

/** "#key=…" from the URL the server printed: kept, then removed from the address bar. */
export function takeKeyFromHash(): void {
  const key = /[#&]key=([^&]+)/.exec(location.hash)?.[1];
  if (key === undefined) return;
  saveTeacherKey(decodeURIComponent(key));
  history.replaceState(null, '', location.pathname + location.search);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${teacherKey() ?? ''}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK');
  }
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: { code: string } };
  if (!response.ok) throw new ApiError(response.status, data.error?.code ?? 'INTERNAL_ERROR');
  return data as T;
}

/** Downloads with the key (a plain link could not send it). */
export async function download(path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${teacherKey() ?? ''}` } });
  if (!response.ok) throw new ApiError(response.status, 'INTERNAL_ERROR');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
