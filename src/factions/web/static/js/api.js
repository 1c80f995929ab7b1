// Talking to the JSON API of this server (the only host the page ever asks).

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }

  /** The database was held by an ingest for longer than the server waits. */
  get busy() {
    return this.status === 503;
  }
}

function messageOf(body) {
  if (!body) return null;
  if (typeof body.detail === "string") return body.detail;
  if (Array.isArray(body.detail)) {
    return body.detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ");
  }
  return null;
}

async function call(path, init) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, ...init });
  } catch {
    throw new ApiError(0, "The factions server does not answer: is `factions serve` still running?");
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, messageOf(body) || `${response.status} ${response.statusText}`);
  }
  return body;
}

/** GET /api/<path>, leaving out empty parameters. */
export function get(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "" && v !== false) query.set(k, String(v));
  }
  const text = query.toString();
  return call(`/api/${path}${text ? `?${text}` : ""}`);
}

/** POST a JSON body to /api/<path>. */
export function post(path, data) {
  return call(`/api/${path}`, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(data),
  });
}

let summary = null;

/** The database summary with the event types and their colours, asked once. */
export function meta() {
  if (summary === null) {
    summary = get("summary").catch((error) => {
      summary = null;
      throw error;
    });
  }
  return summary;
}
