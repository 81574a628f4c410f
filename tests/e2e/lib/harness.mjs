// Shared helpers of the end-to-end scripts: argument parsing, polling with a deadline, and the JSON result.
// Each script prints exactly one JSON object as the LAST line of stdout (progress goes to stderr) and exits
// 0 when every check passed, 1 when a check failed, 2 on a usage error.
import { parseArgs } from 'node:util';

export class CheckFailed extends Error {
  constructor(message, details) {
    super(message);
    this.name = 'CheckFailed';
    this.details = details;
  }
}

export class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses argv with node:util parseArgs; prints usage on --help. */
export function readOptions(options, usage) {
  let parsed;
  try {
    parsed = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: false });
  } catch (error) {
    throw new UsageError(`${error.message}\n\n${usage}`);
  }

  if (parsed.values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }

  return parsed.values;
}

/** The --url value as a base URL without a trailing slash. */
export function baseUrl(value, usage) {
  if (!value) {
    throw new UsageError(`--url is required.\n\n${usage}`);
  }

  let url;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url must be an absolute http(s) URL, got "${value}".`);
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--url must be an absolute http(s) URL, got "${value}".`);
  }

  return url.origin + url.pathname.replace(/\/+$/, '');
}

export function positiveInt(value, name) {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new UsageError(`${name} must be a positive integer, got "${value}".`);
  }

  return number;
}

/** "A|B|C" -> ['A', 'B', 'C']; '' -> []. */
export function list(value) {
  return (value ?? '').split('|').map((item) => item.trim()).filter((item) => item.length > 0);
}

export function bool(value, name) {
  if (value === 'true' || value === true) {
    return true;
  }

  if (value === 'false' || value === false) {
    return false;
  }

  throw new UsageError(`${name} must be true or false, got "${value}".`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls probe() every intervalMs until it returns a truthy value (returned) or timeoutMs passes (CheckFailed with
 * describe(lastValue) as the message).
 */
export async function pollUntil(probe, { timeoutMs, intervalMs = 150, describe }) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last && last.done) {
      return last;
    }

    if (Date.now() >= deadline) {
      throw new CheckFailed(describe(last), last);
    }

    await sleep(intervalMs);
  }
}

/** Runs named steps in order, timing each; the first failure stops the run. */
export class Steps {
  constructor(log) {
    this.steps = [];
    this.log = log;
  }

  async run(name, action) {
    const started = Date.now();
    this.log(`step: ${name}`);
    try {
      const value = await action();
      this.steps.push({ name, ok: true, ms: Date.now() - started });
      return value;
    } catch (error) {
      this.steps.push({ name, ok: false, ms: Date.now() - started, error: error.message });
      throw error;
    }
  }
}

export const log = (message) => process.stderr.write(`[${new Date().toISOString()}] ${message}\n`);

/** Prints the result as the last stdout line and exits (0 ok, 1 check failed, 2 usage). */
export function finish(result, error) {
  if (error) {
    result.ok = false;
    result.error = error.message;
    if (!(error instanceof CheckFailed) && !(error instanceof UsageError) && error.stack) {
      result.stack = error.stack.split('\n').slice(0, 6).join('\n');
    }
    log(`FAILED: ${error.message}`);
  } else {
    result.ok = true;
  }

  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : error ? 1 : 0;
}
