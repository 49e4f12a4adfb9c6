// Browser performance benchmark of the UI against the real jar (run by ops/bench/ui-benchmark.sh,
// which passes the settings below as environment variables). Prints its figures; touches only
// 127.0.0.1 and WORK; stops every process it starts.
//
//   CCUI_JAR      the built jar (bootstrap/target/ccui.jar)
//   JAVA          a java 21+ binary
//   BENCH_CP      classpath holding dev.ccui.bootstrap.bench.UiBenchmarkApi (bootstrap test classes + deps)
//   CLAUDE_CLI    the pinned claude CLI (for the live run, part d)
//   WORK          work folder (wiped parts: data, claude, home, tmp, work)
//   CHROMIUM      default /usr/bin/chromium
//   MESSAGES      messages in the generated session (2000); DELTAS: deltas of the live run (10000)
//   LOADS         cold and warm loads each (5); PARTS: which parts to run (abcde)
//   THROTTLE      CPU slow-down of part e (4); SWITCH_MESSAGES: messages of its 4 other sessions (300)
//
// (a) JS/CSS transferred on the first load of the signed-in page, and the lazy chunks;
// (b) navigation → DOMContentLoaded → first project link visible, cold (cache disabled) and warm;
// (c) a session of MESSAGES messages: click → first/newest messages painted, scrolling to the top
//     through every older page, heap and DOM after, frame times and long tasks;
// (d) a live run answered with DELTAS text deltas through the real CLI and a fake Messages API;
// (e) a slow device: the CPU throttled THROTTLE× (CDP), 40 mouse-wheel steps up and down the session
//     of MESSAGES messages (frame times, long tasks), then switching between 5 sessions.
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync, readFileSync, appendFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { transcript, encodeCwd, FIRST_MARKER, LAST_MARKER } from './transcript.mjs';

const env = process.env;
const JAR = required('CCUI_JAR');
const JAVA = env.JAVA ?? 'java';
const WORK = required('WORK');
const CHROMIUM = env.CHROMIUM ?? '/usr/bin/chromium';
const MESSAGES = Number(env.MESSAGES ?? 2000);
const DELTAS = Number(env.DELTAS ?? 10000);
const LOADS = Number(env.LOADS ?? 5);
const PARTS = env.PARTS ?? 'abcde';
const THROTTLE = Number(env.THROTTLE ?? 4);
const SWITCH_MESSAGES = Number(env.SWITCH_MESSAGES ?? 300);
const WHEEL_STEPS = 40;
const USER = 'admin';
const PASSWORD = 'ui benchmark password 1';
const PIDS = join(WORK, 'pids');

function required(name) {
  if (!env[name]) {
    console.error(`ui-benchmark: ${name} is not set (run ops/bench/ui-benchmark.sh)`);
    process.exit(2);
  }
  return env[name];
}

// ------------------------------------------------------------------ processes

const children = [];

/** Starts a process, copies its output to a log file, resolves with the first line matching `ready`. */
function start(name, command, args, childEnv, ready, timeoutMs) {
  const log = join(WORK, `${name}.log`);
  const child = spawn(command, args, { env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push({ name, child, log });
  appendFileSync(PIDS, `${child.pid}\n`);
  const out = createWriteStream(log);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: not ready within ${timeoutMs} ms; see ${log}`)), timeoutMs);
    const onLine = (line) => {
      out.write(`${line}\n`);
      const m = line.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before it was ready; see ${log}`));
    });
  });
}

/** The pids of every process below `pid` (read from /proc, Linux). */
function descendants(pid) {
  const found = [];
  let tasks;
  try {
    tasks = execFileSync('ls', [`/proc/${pid}/task`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return found;
  }
  for (const tid of tasks) {
    let kids;
    try {
      kids = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const kid of kids.split(' ').filter(Boolean).map(Number)) {
      found.push(kid, ...descendants(kid));
    }
  }
  return found;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function exited(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

let stopping = null;
/** SIGTERM (stdin closed first) to each process started here, SIGKILL after 20 s; then their leftover children. */
function stopAll() {
  stopping ??= (async () => {
    for (const { name, child } of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const below = descendants(child.pid);
      child.stdin.end();
      child.kill('SIGTERM');
      if (!(await exited(child, 20_000))) {
        console.log(`${name} did not stop within 20 s of SIGTERM; killing it`);
        child.kill('SIGKILL');
        await exited(child, 5_000);
      }
      for (const pid of below) {
        if (alive(pid)) {
          console.log(`${name}: child process ${pid} still running after it stopped; killing it`);
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // gone meanwhile
          }
        }
      }
    }
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping`);
    void stopAll().finally(() => process.exit(130));
  });
}
process.on('exit', () => {
  for (const { child } of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

// ------------------------------------------------------------------ helpers

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const ms = (x) => (x == null || Number.isNaN(x) ? '–' : `${Math.round(x)} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** Waits until `check` returns something truthy, checking every `everyMs`, for at most `timeoutMs`. */
async function until(what, check, timeoutMs, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

let base;
let token;
async function api(method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Bytes of the body the server sends for `path` with the given Accept-Encoding (as sent, compressed). */
function bodyBytes(path, encoding) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + path, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      let n = 0;
      res.on('data', (c) => (n += c.length));
      res.on('end', () => resolve({ bytes: n, encoding: res.headers['content-encoding'] ?? 'identity', status: res.statusCode }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// In every page, before its own scripts: long tasks, frame recording, and "watches" that note
// when a condition on the DOM first holds (checked once per animation frame after a mutation,
// so the check costs little however often React commits) and when it was painted: "painted" is
// taken at the start of the frame after the one that first showed it.
const INSTRUMENT = () => {
  const perf = (window.__perf = { longtasks: [], clicks: [], watches: {}, frames: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) perf.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task API
  }
  document.addEventListener('click', () => perf.clicks.push(performance.now()), true);
  const text = (marker) => () => (document.body?.textContent ?? '').includes(marker);
  const checks = {
    projects: () => {
      const a = document.querySelector('ul[aria-label="Projects"] a');
      return !!a && a.getBoundingClientRect().height > 0;
    },
    rows: () => !!document.querySelector('[role="feed"][aria-label="Messages"] .message-row'),
    first: () => (document.querySelector('[role="feed"][aria-label="Messages"]')?.textContent ?? '').includes('BENCH-FIRST-MESSAGE'),
    last: () => (document.querySelector('[role="feed"][aria-label="Messages"]')?.textContent ?? '').includes('BENCH-LAST-MESSAGE'),
  };
  const feedText = (marker) => () => (document.querySelector('[role="feed"][aria-label="Messages"]')?.textContent ?? '').includes(marker);
  let dirty = true;
  const pending = () => Object.values(perf.watches).some((w) => w.dom == null);
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(0);
  });
  const tick = () => {
    if (dirty && pending()) {
      dirty = false;
      const now = performance.now();
      for (const w of Object.values(perf.watches)) {
        if (w.dom == null && w.check()) {
          w.dom = now;
          afterPaint((t) => (w.painted = t));
        }
      }
    }
    if (perf.frames) perf.frames.push(performance.now());
    if (pending() || perf.frames) requestAnimationFrame(tick);
    else perf.ticking = false;
  };
  perf.watch = (name, kind, arg) => {
    const check = kind === 'text' ? text(arg) : kind === 'feed' ? feedText(arg) : checks[kind];
    perf.watches[name] = { check, armed: performance.now(), dom: null, painted: null };
    dirty = true;
    if (!perf.ticking) {
      perf.ticking = true;
      requestAnimationFrame(tick);
    }
  };
  perf.result = (name) => {
    const w = perf.watches[name];
    return w && w.painted != null ? { armed: w.armed, dom: w.dom, painted: w.painted } : null;
  };
  perf.startFrames = () => {
    perf.frames = [performance.now()];
    if (!perf.ticking) {
      perf.ticking = true;
      requestAnimationFrame(tick);
    }
  };
  perf.stopFrames = () => {
    const f = perf.frames ?? [];
    perf.frames = null;
    const gaps = [];
    for (let i = 1; i < f.length; i++) gaps.push(f[i] - f[i - 1]);
    return gaps;
  };
  new MutationObserver(() => {
    dirty = true;
    perf.lastMutation = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  perf.watch('projects', 'projects');
  if (location.hash.includes('/s/')) {
    perf.watch('rows', 'rows');
    perf.watch('last', 'last');
  }
};

async function watchResult(page, name, timeoutMs) {
  return page.waitForFunction((n) => window.__perf.result(n), name, { timeout: timeoutMs, polling: 50 }).then((h) => h.jsonValue());
}

/**
 * The JS and CSS among finished requests, one entry per address (a modulepreload and the import
 * that uses it are two requests; the second has no bytes on the wire): the most bytes seen.
 */
function jsAndCss(finished) {
  const byUrl = new Map();
  for (const f of finished) {
    const kind = /\.js(\?|$)/.test(f.url) ? 'js' : /\.css(\?|$)/.test(f.url) ? 'css' : null;
    if (!kind) continue;
    const seen = byUrl.get(f.url);
    if (!seen || f.wire > seen.wire) byUrl.set(f.url, { ...f, kind, cached: f.cached || (seen?.cached ?? false) });
  }
  return [...byUrl.values()];
}

function longTasksBetween(all, from, to) {
  const inside = all.filter(([start]) => start >= from && start <= to).map(([, d]) => d);
  return { count: inside.length, total: inside.reduce((a, b) => a + b, 0), max: inside.length ? Math.max(...inside) : 0 };
}

function describeLongTasks(t) {
  return t.count === 0 ? 'none' : `${t.count}, ${ms(t.total)} in all, longest ${ms(t.max)}`;
}

function describeFrames(gaps) {
  if (gaps.length === 0) return 'no frames';
  return `${gaps.length} frames, p50 ${pct(gaps, 50).toFixed(1)} ms, p95 ${pct(gaps, 95).toFixed(1)} ms, ` +
    `max ${Math.max(...gaps).toFixed(1)} ms, ${gaps.filter((g) => g > 50).length} over 50 ms`;
}

async function memory(cdp, gc) {
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { used: heap.usedSize, total: heap.totalSize, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents };
}

async function liveElements(page) {
  return page.evaluate(() => document.getElementsByTagName('*').length);
}

function describeMemory(m, elements) {
  return `JS heap ${mb(m.used)} used (of ${mb(m.total)}), DOM nodes ${m.nodes} (elements in the document ${elements}), ` +
    `listeners ${m.listeners}`;
}

// ------------------------------------------------------------------ setup

/**
 * The same run without the chat UI: from the signed-in page, a script of the benchmark (not the
 * app) starts the run (POST /api/runs), subscribes on a WebSocket of its own and counts the
 * assistant_delta frames; shows that the fake API, the CLI and the server deliver all deltas, and
 * how long that part takes, and what holding the frames costs the tab, without any rendering.
 */
async function transportBaseline(page, cdp, n, projectId, deltas = DELTAS, quiet = false) {
  const say = quiet ? () => {} : (line) => console.log(line);
  say(`  transport baseline #${n} (no UI: a benchmark script in the page POSTs /api/runs and reads /ws itself):`);
  const before = await memory(cdp, true);
  const result = await page.evaluate(async ({ projectId, deltas, timeoutMs }) => {
    const t0 = performance.now();
    const res = await fetch('/api/runs', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CCUI-CSRF': '1' },
      body: JSON.stringify({ projectId, prompt: `DELTAS ${deltas}`, clientMessageId: crypto.randomUUID() }),
    });
    if (res.status !== 202) return { error: `POST /api/runs: ${res.status} ${await res.text()}` };
    const { sessionId } = await res.json();
    const accepted = performance.now() - t0;
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
    const frames = [];
    let firstDelta = null;
    let lastDelta = null;
    let count = 0;
    let ended = null;
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      ws.onopen = () => ws.send(JSON.stringify({ type: 'subscribe', sessionId, afterSeq: 0 }));
      ws.onmessage = (m) => {
        frames.push(m.data);
        const f = JSON.parse(m.data);
        if (f.type !== 'event') return;
        if (f.event?.kind === 'assistant_delta') {
          count++;
          firstDelta ??= performance.now() - t0;
          if (String(f.event.text ?? '').includes(`dw${deltas - 1}`)) lastDelta = performance.now() - t0;
        } else if (f.event?.kind === 'run_ended') {
          ended = { at: performance.now() - t0, reason: f.event.reason ?? f.event.status ?? JSON.stringify(f.event).slice(0, 80) };
          clearTimeout(timer);
          resolve();
        }
      };
      ws.onerror = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    window.__baselineFrames = frames;
    ws.close();
    return { accepted, firstDelta, lastDelta, count, ended, frames: frames.length, bytes: frames.reduce((a, f) => a + f.length, 0) };
  }, { projectId, deltas, timeoutMs: 600_000 });
  if (result.error) {
    console.log(`    ${result.error}`);
    return result;
  }
  const held = await memory(cdp, true);
  await page.evaluate(() => delete window.__baselineFrames);
  say(`    POST → 202 ${ms(result.accepted)}, → first delta frame ${ms(result.firstDelta)}, → last delta frame ` +
    `${ms(result.lastDelta)}, → run_ended ${ms(result.ended?.at)} (${result.ended?.reason ?? 'no run_ended'}); ` +
    `${result.count} assistant_delta frames of ${result.frames} (${kb(result.bytes)} of JSON)`);
  say(`    JS heap with every frame's text kept: ${mb(held.used)} (+${mb(held.used - before.used)} after GC)`);
  return result;
}

let browser = null;

async function main() {
  rmSync(PIDS, { force: true });
  for (const dir of ['data', 'claude', 'home', 'tmp', 'work']) rmSync(join(WORK, dir), { recursive: true, force: true });
  const cwd = join(WORK, 'work', 'app');
  mkdirSync(cwd, { recursive: true });
  for (const dir of ['home', 'tmp', 'claude']) mkdirSync(join(WORK, dir), { recursive: true });
  const sessionId = randomUUID();
  const folder = join(WORK, 'claude', 'projects', encodeCwd(cwd));
  mkdirSync(folder, { recursive: true });
  const jsonl = transcript({ cwd, sessionId, count: MESSAGES });
  writeFileSync(join(folder, `${sessionId}.jsonl`), jsonl);
  // Part e switches between this session and four older, smaller ones, each with markers of its own.
  const others = [];
  if (PARTS.includes('e')) {
    for (let i = 1; i <= 4; i++) {
      const id = randomUUID();
      const text = transcript({ cwd, sessionId: id, count: SWITCH_MESSAGES, seed: 42 + i, start: Date.parse(`2026-11-1${i}T09:00:00Z`) })
        .replaceAll(FIRST_MARKER, `SWITCH-START-${i}`).replaceAll(LAST_MARKER, `SWITCH-END-${i}`);
      writeFileSync(join(folder, `${id}.jsonl`), text);
      others.push({ id, marker: `SWITCH-END-${i}` });
    }
  }

  const cpus = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  console.log(`UI benchmark, ${new Date().toISOString()}, ${cpus} CPUs (load average ${loadavg()}), ${chromiumVersion}, node ${process.version}`);
  console.log(`session: ${MESSAGES} messages (${(jsonl.length / 1e6).toFixed(1)} MB JSONL) in ${folder}`);

  let apiUrl = null;
  const liveWanted = PARTS.includes('d');
  if (liveWanted && env.BENCH_CP) {
    const fake = await start('fake-api', JAVA, ['-cp', env.BENCH_CP, 'dev.ccui.bootstrap.bench.UiBenchmarkApi'],
      { PATH: env.PATH }, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 60_000);
    apiUrl = fake.match[1];
  }

  const appEnv = {
    PATH: env.PATH,
    HOME: join(WORK, 'home'),
    LANG: 'C.UTF-8',
    TMPDIR: join(WORK, 'tmp'),
    CLAUDE_CODE_TMPDIR: join(WORK, 'tmp'),
    CCUI_DATA_DIR: join(WORK, 'data'),
    CLAUDE_CONFIG_DIR: join(WORK, 'claude'),
    CCUI_WORKSPACES_ROOT: join(WORK, 'work'),
    CCUI_PORT: '0',
    CCUI_RATE_LIMIT_PER_MINUTE: '0',
    CCUI_AUTH_RATE_LIMIT: '1000/1m',
    CCUI_BCRYPT_COST: '4',
    CCUI_SHUTDOWN_GRACE: '5s',
    CLAUDE_CLI_PATH: env.CLAUDE_CLI || '/nonexistent',
    ANTHROPIC_BASE_URL: apiUrl ?? 'http://127.0.0.1:9',
    ANTHROPIC_API_KEY: 'test',
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    CLAUDE_CODE_MAX_RETRIES: '0',
  };
  const app = await start('app', JAVA, ['-jar', JAR], appEnv, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 120_000);
  base = app.match[1];
  console.log(`app ${base} (pid ${app.child.pid}, SQLite, rate limits off), jar ${JAR}`);
  token = (await api('POST', '/api/auth/setup', { username: USER, password: PASSWORD })).token;
  const index = await until('the history index', async () => {
    const health = await api('GET', '/api/health');
    const i = health?.checks?.index;
    return i && i.state === 'watching' && i.filesTotal > others.length && i.filesDone === i.filesTotal ? i : null;
  }, 120_000);
  const projects = await api('GET', '/api/projects');
  const project = projects.find((p) => p.path === cwd);
  if (!project) throw new Error(`the index has no project for ${cwd}: ${JSON.stringify(projects)}`);
  const session = await api('GET', `/api/sessions/${encodeURIComponent(sessionId)}`);
  console.log(`indexed: ${index.filesDone} file(s); project ${project.id}, session ${sessionId} with ${session.messageCount ?? '?'} messages`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', '--enable-precise-memory-info', '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'],
  });
  const viewport = { width: 1280, height: 800 };
  const login = await browser.newContext({ viewport, baseURL: base });
  const res = await login.request.post('/api/auth/login', { data: { username: USER, password: PASSWORD }, headers: { 'X-CCUI-CSRF': '1' } });
  if (!res.ok()) throw new Error(`login: ${res.status()} ${await res.text()}`);
  const cookies = await login.cookies();
  await login.close();

  async function newContext() {
    const context = await browser.newContext({ viewport, baseURL: base });
    await context.addCookies(cookies);
    await context.addInitScript(INSTRUMENT);
    return context;
  }

  async function newPage(context, { cacheDisabled = false } = {}) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Performance.enable');
    if (cacheDisabled) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const responses = new Map();
    const finished = [];
    cdp.on('Network.responseReceived', (e) => responses.set(e.requestId, {
      url: e.response.url, type: e.type, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'identity',
      cached: e.response.fromDiskCache || e.response.fromPrefetchCache || false, status: e.response.status,
    }));
    cdp.on('Network.loadingFinished', (e) => {
      const r = responses.get(e.requestId);
      if (r) finished.push({ ...r, wire: e.encodedDataLength });
    });
    cdp.on('Network.requestServedFromCache', (e) => {
      const r = responses.get(e.requestId);
      if (r) r.cached = true;
    });
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    return { page, cdp, finished, problems };
  }

  /** One load of the signed-in home page: navigation timing, FCP, first project link painted, assets. */
  async function loadHome(context, cacheDisabled) {
    const p = await newPage(context, { cacheDisabled });
    await p.page.goto('/', { waitUntil: 'commit' });
    const projectsAt = await watchResult(p.page, 'projects', 60_000);
    const timing = await p.page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { ttfb: nav.responseStart, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, fcp: fcp?.startTime ?? null };
    });
    const longtasks = await p.page.evaluate(() => window.__perf.longtasks);
    const assets = jsAndCss(p.finished);
    return { ...timing, projectsDom: projectsAt.dom, projects: projectsAt.painted, assets, longtasks: longTasksBetween(longtasks, 0, projectsAt.painted), p };
  }

  let initialAssets;

  // ------------------------------------------------------------------ (a) + (b)

  if (PARTS.includes('a') || PARTS.includes('b')) {
    const cold = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await newContext();
      const load = await loadHome(context, true);
      cold.push(load);
      await context.close();
    }
    const warmContext = await newContext();
    const prime = await loadHome(warmContext, false);
    await prime.p.page.close();
    const warm = [];
    for (let i = 0; i < LOADS; i++) {
      const load = await loadHome(warmContext, false);
      warm.push(load);
      await load.p.page.close();
    }
    await warmContext.close();
    // The JS/CSS of the first load, from all cold loads (per address the most bytes seen: a
    // module fetched for a modulepreload and again for its import counts once).
    initialAssets = jsAndCss(cold.flatMap((l) => l.assets));

    if (PARTS.includes('a')) {
      console.log(`\n[load average ${loadavg()}]`);
      console.log('\n== (a) JS/CSS of the first load of the signed-in page (/, projects list) ==');
      const names = new Set(initialAssets.map((a) => new URL(a.url).pathname));
      // Sizes as the server sends each file (the browser asks for br; with gzip only, the .gz).
      let gzJs = 0;
      let gzCss = 0;
      let brAll = 0;
      let raw = 0;
      for (const a of initialAssets) {
        const path = new URL(a.url).pathname;
        const gz = await bodyBytes(path, 'gzip');
        const br = await bodyBytes(path, 'br');
        const plain = await bodyBytes(path, 'identity');
        raw += plain.bytes;
        brAll += br.bytes;
        if (a.kind === 'js') gzJs += gz.bytes;
        else gzCss += gz.bytes;
        console.log(`  ${a.kind === 'js' ? 'js ' : 'css'} ${path.padEnd(36)} gzip ${kb(gz.bytes).padStart(9)}  ` +
          `br ${kb(br.bytes).padStart(9)}  raw ${kb(plain.bytes).padStart(9)}`);
      }
      console.log(`  initial total: gzip JS ${kb(gzJs)} + CSS ${kb(gzCss)} = ${kb(gzJs + gzCss)}; br (what Chromium gets) ` +
        `${kb(brAll)}; uncompressed ${kb(raw)}`);
      const html = await bodyBytes('/', 'gzip');
      console.log(`  index.html: ${kb(html.bytes)} (${html.encoding})`);

      let listing;
      try {
        listing = execFileSync('unzip', ['-Z1', JAR, 'web/assets/*'], { encoding: 'utf8' }).split('\n');
      } catch {
        listing = execFileSync(join(JAVA, '..', 'jar'), ['tf', JAR], { encoding: 'utf8' }).split('\n');
      }
      const lazy = listing.filter((l) => /^web\/assets\/.*\.(js|css)$/.test(l)).map((l) => `/${l.slice(4)}`)
        .filter((p) => !names.has(p)).sort();
      let lazyGz = 0;
      let lazyBr = 0;
      let lazyRaw = 0;
      console.log(`  lazy chunks (not fetched on the first load): ${lazy.length}`);
      const rows = [];
      for (const path of lazy) {
        const gz = await bodyBytes(path, 'gzip');
        const br = await bodyBytes(path, 'br');
        const plain = await bodyBytes(path, 'identity');
        lazyGz += gz.bytes;
        lazyBr += br.bytes;
        lazyRaw += plain.bytes;
        rows.push([path, gz.bytes, br.bytes, plain.bytes]);
      }
      for (const [path, gz, br, plain] of rows.sort((x, y) => y[1] - x[1])) {
        console.log(`    ${path.padEnd(40)} gzip ${kb(gz).padStart(9)}  br ${kb(br).padStart(9)}  raw ${kb(plain).padStart(9)}`);
      }
      console.log(`  lazy total: gzip ${kb(lazyGz)}, br ${kb(lazyBr)}, raw ${kb(lazyRaw)}`);
    }

    if (PARTS.includes('b')) {
      console.log(`\n[load average ${loadavg()}]`);
      console.log(`\n== (b) time to interactive of the signed-in shell (${LOADS} cold loads, cache disabled, new context each; ` +
        `${LOADS} warm loads, HTTP cache and service worker primed) ==`);
      console.log('  from navigation start: first byte → DOMContentLoaded → first contentful paint → first project link in the DOM ' +
        '→ painted (the frame after it)');
      for (const [label, loads] of [['cold', cold], ['warm', warm]]) {
        for (const l of loads) {
          console.log(`  ${label}: TTFB ${ms(l.ttfb)}, DCL ${ms(l.dcl)}, FCP ${ms(l.fcp)}, project link in DOM ${ms(l.projectsDom)}, ` +
            `painted ${ms(l.projects)}; long tasks ${describeLongTasks(l.longtasks)}; ` +
            `JS/CSS on the wire ${kb(l.assets.reduce((a, b) => a + b.wire, 0))}`);
        }
        console.log(`  ${label} median: DCL ${ms(median(loads.map((l) => l.dcl)))}, FCP ${ms(median(loads.map((l) => l.fcp)))}, ` +
          `first project link painted ${ms(median(loads.map((l) => l.projects)))}`);
      }
    }
  }

  // ------------------------------------------------------------------ (c)

  if (PARTS.includes('c')) {
    console.log(`\n[load average ${loadavg()}]`);
    console.log(`\n== (c) a session of ${MESSAGES} messages (pages of 100, virtualised list) ==`);
    const context = await newContext();
    const { page, cdp, problems, finished } = await newPage(context);
    let messageRequests = 0;
    page.on('response', (r) => {
      if (r.url().includes(`/sessions/${sessionId}/messages`)) messageRequests++;
    });
    await page.goto(`/#/p/${encodeURIComponent(project.id)}`);
    const link = page.getByRole('list', { name: /Sessions of/ }).getByRole('link').first();
    await link.waitFor({ timeout: 60_000 });
    const before = await memory(cdp, true);
    const beforeElements = await liveElements(page);
    console.log(`  project page before opening the session: ${describeMemory(before, beforeElements)}`);

    async function openSession(label) {
      await page.evaluate(() => {
        window.__perf.watch('rows', 'rows');
        window.__perf.watch('last', 'last');
      });
      await link.click();
      const rows = await watchResult(page, 'rows', 60_000);
      const last = await watchResult(page, 'last', 60_000);
      const click = await page.evaluate(() => window.__perf.clicks.at(-1));
      const lt = await page.evaluate(() => window.__perf.longtasks);
      console.log(`  ${label}: click → first rows painted ${ms(rows.painted - click)}, → newest message painted ` +
        `${ms(last.painted - click)}; long tasks ${describeLongTasks(longTasksBetween(lt, click, last.painted))}`);
      return last.painted - click;
    }
    const fetchedBefore = finished.length;
    await openSession('first open (SessionView chunk not loaded yet)');
    const chunks = jsAndCss(finished.slice(fetchedBefore));
    // Sizes as the server sends them: once the service worker controls the page, it fetches
    // the chunks itself, and the page's own requests show no bytes on the wire.
    let chunkBr = 0;
    let chunkGz = 0;
    for (const c of chunks) {
      chunkBr += (await bodyBytes(new URL(c.url).pathname, 'br')).bytes;
      chunkGz += (await bodyBytes(new URL(c.url).pathname, 'gzip')).bytes;
    }
    console.log(`    chunks that first open loaded: ${chunks.length}, ${kb(chunkBr)} br / ${kb(chunkGz)} gzip ` +
      `(${chunks.map((c) => new URL(c.url).pathname.replace('/assets/', '')).join(', ')})`);
    const reopen = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`/#/p/${encodeURIComponent(project.id)}`);
      await page.getByRole('heading', { name: project.name, level: 1 }).waitFor();
      reopen.push(await openSession(`open again #${i + 1} (chunk cached)`));
    }
    console.log(`  median of the re-opens: click → newest message painted ${ms(median(reopen))} (target: < 500 ms)`);
    // Loading the session's address directly: the app boots, signs in, loads the chunk and the newest page.
    for (const [label, cacheDisabled] of [['cold', true], ['warm', false]]) {
      const times = [];
      for (let i = 0; i < 3; i++) {
        const ctx = cacheDisabled ? await newContext() : context;
        const q = await newPage(ctx, { cacheDisabled });
        await q.page.goto(`/#/p/${encodeURIComponent(project.id)}/s/${encodeURIComponent(sessionId)}`, { waitUntil: 'commit' });
        const rows = await watchResult(q.page, 'rows', 60_000);
        const last = await watchResult(q.page, 'last', 60_000);
        const dcl = await q.page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
        times.push([dcl, rows.painted, last.painted]);
        await q.page.close();
        if (cacheDisabled) await ctx.close();
      }
      console.log(`  load the session's address ${label} (${label === 'cold' ? 'cache disabled' : 'HTTP cache and service worker primed'}), ` +
        `from navigation start, median of 3: DCL ${ms(median(times.map((t) => t[0])))}, first rows painted ` +
        `${ms(median(times.map((t) => t[1])))}, newest message painted ${ms(median(times.map((t) => t[2])))}`);
    }
    const first = await memory(cdp, false);
    const firstGc = await memory(cdp, true);
    const firstElements = await liveElements(page);
    console.log(`  newest page shown: ${describeMemory(first, firstElements)}; after GC: heap ${mb(firstGc.used)}, DOM nodes ${firstGc.nodes}`);

    // Scroll to the top again and again (as a reader holding Home would) until the first message
    // of the session is on screen: every older page loads (19 more for 2,000), each prepended
    // page re-threads and re-renders the whole list.
    const requestsBefore = messageRequests;
    const scroll = await page.evaluate(async (maxMs) => {
      const perf = window.__perf;
      const feed = document.querySelector('[role="feed"][aria-label="Messages"]');
      const t0 = performance.now();
      perf.startFrames();
      const pages = [];
      let busySince = null;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
      while (performance.now() - t0 < maxMs) {
        const now = await frame();
        const busy = feed.getAttribute('aria-busy') === 'true';
        if (busy && busySince == null) busySince = now;
        if (!busy && busySince != null) {
          pages.push(now - busySince);
          busySince = null;
        }
        if (!busy && feed.textContent.includes('BENCH-FIRST-MESSAGE') && !feed.querySelector('.older')) break;
        if (!busy) {
          if (feed.scrollTop !== 0) feed.scrollTop = 0;
          else feed.querySelector('.older button')?.click();
        }
      }
      const end = performance.now();
      return { total: end - t0, t0, end, pages, frames: perf.stopFrames(), done: feed.textContent.includes('BENCH-FIRST-MESSAGE') };
    }, 180_000);
    const lt = await page.evaluate(() => window.__perf.longtasks);
    console.log(`  scroll to the top through every older page: ${scroll.done ? 'first message shown' : 'NOT DONE (time limit)'} after ` +
      `${ms(scroll.total)}; ${messageRequests - requestsBefore} older pages fetched; per page (aria-busy on → off): ` +
      `p50 ${ms(median(scroll.pages))}, max ${ms(Math.max(...scroll.pages))}`);
    console.log(`    long tasks: ${describeLongTasks(longTasksBetween(lt, scroll.t0, scroll.end))}`);
    console.log(`    frame times: ${describeFrames(scroll.frames)}`);
    const all = await memory(cdp, false);
    const allGc = await memory(cdp, true);
    const allElements = await liveElements(page);
    const loaded = await page.evaluate(() => document.querySelectorAll('[role="feed"] .message-row').length);
    console.log(`  all ${MESSAGES} loaded: ${describeMemory(all, allElements)}; after GC: heap ${mb(allGc.used)}, DOM nodes ${allGc.nodes} ` +
      `(${loaded} rows in the DOM, the rest virtualised)`);

    // With all messages loaded: scroll from the top to the bottom.
    const down = await page.evaluate(async () => {
      const perf = window.__perf;
      const feed = document.querySelector('[role="feed"][aria-label="Messages"]');
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
      feed.scrollTop = 0;
      await frame();
      const t0 = performance.now();
      perf.startFrames();
      let steps = 0;
      // One screen per frame, or more so as to reach the bottom within 400 frames (keeps the run
      // short); the height grows as the virtualiser measures rows, so the step is worked out anew.
      let most = 0;
      while (feed.scrollTop + feed.clientHeight < feed.scrollHeight - 2 && steps < 2000) {
        const step = Math.max(feed.clientHeight, Math.ceil((feed.scrollHeight - feed.scrollTop) / Math.max(1, 400 - steps)));
        most = Math.max(most, step);
        feed.scrollTop += step;
        steps++;
        await frame();
      }
      const end = performance.now();
      return { total: end - t0, t0, end, steps, step: most, frames: perf.stopFrames(), height: feed.scrollHeight };
    });
    const lt2 = await page.evaluate(() => window.__perf.longtasks);
    console.log(`  all loaded, scroll top → bottom, up to ${down.step} px per frame: ${down.steps} steps (${Math.round(down.height)} px) in ` +
      `${ms(down.total)}; frame times: ${describeFrames(down.frames)}; long tasks ${describeLongTasks(longTasksBetween(lt2, down.t0, down.end))}`);

    // With all messages loaded: a state change that rebuilds the thread of all messages and
    // re-renders the list ("Show system messages"), click → next frame painted.
    const toggles = [];
    for (let i = 0; i < 2; i++) {
      toggles.push(await page.evaluate(async () => {
        const box = [...document.querySelectorAll('label.check')].find((l) => l.textContent.includes('Show system messages'))?.querySelector('input');
        if (!box) return null;
        const t0 = performance.now();
        box.click();
        await new Promise((r) => requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = r;
          ch.port2.postMessage(0);
        }));
        return performance.now() - t0;
      }));
    }
    console.log(`  all loaded, toggle "Show system messages" (re-threads ${MESSAGES} messages, re-renders): ` +
      `click → painted ${toggles.map(ms).join(', ')}`);
    if (problems.length) console.log(`  page errors: ${problems.join('; ')}`);
    await context.close();
  }

  // ------------------------------------------------------------------ (d)

  if (liveWanted) {
    console.log(`\n[load average ${loadavg()}]`);
    console.log(`\n== (d) live run streamed as ${DELTAS} assistant_delta events (real claude CLI → fake Messages API) ==`);
    if (!apiUrl) {
      console.log('  skipped: no BENCH_CP (the fake Messages API is in the bootstrap test classes)');
    } else if (!env.CLAUDE_CLI) {
      console.log('  skipped: no claude CLI (CLAUDE_CLI)');
    } else {
      const context = await newContext();
      const { page, cdp, problems } = await newPage(context);
      let deltaFrames = 0;
      let lastDeltaFrameAt;
      page.on('websocket', (ws) => ws.on('framereceived', (f) => {
        const data = typeof f.payload === 'string' ? f.payload : '';
        if (data.includes('"assistant_delta"')) {
          deltaFrames++;
          lastDeltaFrameAt = Date.now();
        }
      }));
      await page.goto(`/#/p/${encodeURIComponent(project.id)}`);
      await watchResult(page, 'projects', 60_000);
      // A short run first, so that neither measured run pays for the first start of the CLI.
      const warm = await transportBaseline(page, cdp, 0, project.id, 100, true);
      console.log(`  warm-up run of 100 deltas: ${warm.error ? warm.error : `run_ended after ${ms(warm.ended?.at)}, ${warm.count} deltas`}`);
      const newSession = page.getByRole('button', { name: 'New session', exact: true }).first();
      const present = await newSession.waitFor({ timeout: 20_000 }).then(() => true, () => false);
      if (!present) {
        console.log('  UI part skipped: no "New session" button on the project page (the live chat UI has not landed in this build)');
      } else {
        await newSession.click();
        const box = page.getByLabel('Message Claude').first();
        await box.waitFor({ timeout: 30_000 });
        await box.fill(`DELTAS ${DELTAS}`);
        const before = await memory(cdp, true);
        const beforeElements = await liveElements(page);
        console.log(`  before sending: ${describeMemory(before, beforeElements)}`);
        const marker = `dw${DELTAS - 1}`;
        await page.evaluate((m) => {
          window.__perf.watch('firstDelta', 'text', 'dw0');
          window.__perf.watch('lastDelta', 'text', m);
          window.__perf.startFrames();
        }, marker);
        let peak = before.used;
        let sampling = true;
        const sampler = (async () => {
          while (sampling) {
            try {
              peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
            } catch {
              return;
            }
            await new Promise((r) => setTimeout(r, 500));
          }
        })();
        deltaFrames = 0;
        lastDeltaFrameAt = null;
        const sentAt = Date.now();
        await page.getByRole('button', { name: 'Send', exact: true }).first().click();
        const firstDelta = await watchResult(page, 'firstDelta', 180_000);
        const lastDelta = await watchResult(page, 'lastDelta', 600_000);
        const visibleAt = Date.now();
        sampling = false;
        await sampler;
        const click = await page.evaluate(() => window.__perf.clicks.at(-1));
        const frames = await page.evaluate(() => window.__perf.stopFrames());
        const lt = await page.evaluate(() => window.__perf.longtasks);
        const after = await memory(cdp, false);
        const afterElements = await liveElements(page);
        const afterGc = await memory(cdp, true);
        console.log(`  Send → first delta painted ${ms(firstDelta.painted - click)}, → last delta (${marker}) painted ` +
          `${ms(lastDelta.painted - click)} (wall clock ${ms(visibleAt - sentAt)}); assistant_delta frames received ${deltaFrames}; ` +
          `last delta frame → painted about ${ms(visibleAt - (lastDeltaFrameAt ?? visibleAt))}`);
        console.log(`  long tasks while streaming: ${describeLongTasks(longTasksBetween(lt, click, lastDelta.painted))}`);
        console.log(`  frame times while streaming: ${describeFrames(frames)}`);
        console.log(`  after the last delta: ${describeMemory(after, afterElements)}; peak heap sampled every 500 ms ${mb(peak)}`);
        const sign = (x) => (x >= 0 ? '+' : '');
        console.log(`  after GC: JS heap ${mb(afterGc.used)} (${sign(afterGc.used - before.used)}${mb(afterGc.used - before.used)} ` +
          `over before), DOM nodes ${afterGc.nodes} (${sign(afterGc.nodes - before.nodes)}${afterGc.nodes - before.nodes})`);
        // Once the page is quiet (no DOM change for 2 s: the run has ended and the history caught up).
        const quiet = await page.waitForFunction(() => performance.now() - (window.__perf.lastMutation ?? 0) > 2000, null,
          { timeout: 120_000, polling: 250 }).then(() => true, () => false);
        const settled = await memory(cdp, true);
        const settledElements = await liveElements(page);
        console.log(`  ${quiet ? 'settled (2 s without a DOM change)' : 'still changing after 120 s'}, after GC: JS heap ` +
          `${mb(settled.used)} (${sign(settled.used - before.used)}${mb(settled.used - before.used)}), DOM nodes ${settled.nodes} ` +
          `(${sign(settled.nodes - before.nodes)}${settled.nodes - before.nodes}), elements in the document ${settledElements}`);
      }
      if (problems.length) console.log(`  page errors: ${problems.join('; ')}`);
      if (!present || env.TRANSPORT_BASELINE !== '0') await transportBaseline(page, cdp, present ? 2 : 1, project.id);
      await context.close();
    }
  }


  // ------------------------------------------------------------------ (e)

  if (PARTS.includes('e')) {
    console.log(`\n[load average ${loadavg()}]`);
    console.log(`\n== (e) a slow device: CPU throttled ${THROTTLE}× (CDP Emulation.setCPUThrottlingRate), 1280×800 ==`);
    const context = await newContext();
    const { page, cdp, problems } = await newPage(context);
    await page.goto(`/#/p/${encodeURIComponent(project.id)}`);
    const list = page.getByRole('list', { name: /Sessions of/ });
    await list.getByRole('link').nth(others.length).waitFor({ timeout: 60_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    const sessions = [{ id: sessionId, marker: LAST_MARKER }, ...others];

    // Opens a session from the sidebar: click → its newest message painted.
    async function open(s) {
      await page.evaluate((m) => window.__perf.watch(`open-${m}`, 'feed', m), s.marker);
      await list.locator(`a[href$="/s/${encodeURIComponent(s.id)}"]`).click();
      const shown = await watchResult(page, `open-${s.marker}`, 120_000);
      const click = await page.evaluate(() => window.__perf.clicks.at(-1));
      const lt = await page.evaluate(() => window.__perf.longtasks);
      return { ms: shown.painted - click, longtasks: longTasksBetween(lt, click, shown.painted) };
    }

    const first = await open(sessions[0]);
    console.log(`  open the ${MESSAGES}-message session: click → newest message painted ${ms(first.ms)}; long tasks ${describeLongTasks(first.longtasks)}`);
    const feed = page.locator('[role="feed"][aria-label="Messages"]');
    const box = await feed.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

    // A reader's wheel: WHEEL_STEPS notches of 400 px, one every frame at most (older pages load on the way up).
    async function wheel(dy, label) {
      const t0 = await page.evaluate(() => {
        window.__perf.startFrames();
        return performance.now();
      });
      for (let i = 0; i < WHEEL_STEPS; i++) {
        await page.mouse.wheel(0, dy);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      }
      const r = await page.evaluate(() => ({ end: performance.now(), frames: window.__perf.stopFrames(), longtasks: window.__perf.longtasks,
        top: document.querySelector('[role="feed"][aria-label="Messages"]').scrollTop }));
      console.log(`  ${WHEEL_STEPS} wheel steps ${label}: ${ms(r.end - t0)}; frame times: ${describeFrames(r.frames)}; ` +
        `long tasks ${describeLongTasks(longTasksBetween(r.longtasks, t0, r.end))}`);
    }
    await wheel(-400, 'up from the newest message');
    await wheel(400, 'down again');

    // Switching: each of the 5 sessions in turn, twice (the second round has seen them all).
    const switches = [];
    for (let round = 0; round < 2; round++) {
      for (const s of [...sessions.slice(1), sessions[0]]) switches.push({ round, ...(await open(s)) });
    }
    for (const round of [0, 1]) {
      const xs = switches.filter((x) => x.round === round);
      console.log(`  switch between the 5 sessions, round ${round + 1}: click → newest message painted ` +
        `${xs.map((x) => ms(x.ms)).join(', ')}; median ${ms(median(xs.map((x) => x.ms)))}, max ${ms(Math.max(...xs.map((x) => x.ms)))}; ` +
        `long tasks ${xs.reduce((a, x) => a + x.longtasks.count, 0)}`);
    }
    console.log(`  all ${switches.length} switches: median ${ms(median(switches.map((x) => x.ms)))} (target: < 1 s)`);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (problems.length) console.log(`  page errors: ${problems.join('; ')}`);
    await context.close();
  }
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`\nui-benchmark failed: ${e.stack ?? e}`);
} finally {
  await browser?.close().catch(() => {});
  console.log('\nstopping the app and the fake API …');
  await stopAll();
  const left = children.filter(({ child }) => child.exitCode === null && child.signalCode === null).length;
  console.log(`stopped (${left} still running)`);
}
process.exit(failed ? 1 : 0);
