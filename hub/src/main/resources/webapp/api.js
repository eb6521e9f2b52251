// The hub's API (docs/hub-api.md §3). The device's credential is an HttpOnly cookie: this code never sees it.
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(method, path, body) {
  const options = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  let answer;
  try {
    answer = await fetch(`/api/v1${path}`, options);
  } catch (e) {
    throw new ApiError(0, 'offline', e.message);
  }
  const json = answer.status === 204 ? null : await answer.json().catch(() => null);
  if (!answer.ok) {
    throw new ApiError(answer.status, json?.error ?? 'http', json?.message ?? `HTTP ${answer.status}`);
  }
  return json;
}
