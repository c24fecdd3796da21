/**
 * `npm run bench [-- --smoke]`: performance as ratios measured in one run, side by side, on tfjs's
 * cpu and wasm backends in Node and on WebGPU in headless Chromium (SwiftShader here: report its
 * ratios, not its times). Prints a table and writes bench/results.json. `--smoke` runs reduced sizes and fails
 * only when a figure is absurd, so the bench cannot rot in CI. Bundle sizes are the production
 * build's (dist/); the browser part drives the test build (dist-e2e/, which has `window.__zo`).
 * `--no-build` reuses both builds when they exist (`npm run test:e2e` has just made them).
 * `--memory` measures only the resident-memory ratios (Adam / ZO-SGD) on cpu and wasm in Node.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { E2E_MODE, E2E_OUT_DIR } from '../../vite.config';
import { FULL_BENCH, SMOKE_BENCH, residentRatios, runBench, type BenchResult, type ResidentRatio } from '../core/bench';
import { residentBytes } from '../core/run/memory';
import { useDiskAssets } from './assets';
import { startNodeBackend, type NodeBackend } from './backend';
import { measureSpeed, type SpeedFigure } from './benchSpeed';

const smoke = process.argv.includes('--smoke');
const memoryOnly = process.argv.includes('--memory');
const skipBuild = process.argv.includes('--no-build');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

type Hooks = {
  __zo: {
    getState(): { backend?: string; step: number; done: boolean };
    bench(smoke: boolean): Promise<{ result?: BenchResult; error?: string }>;
    drawnPoints(): number[];
  };
  __longTasks: number[];
};

async function nodeBench(backend: NodeBackend): Promise<BenchResult> {
  await startNodeBackend(backend);
  useDiskAssets();
  return runBench(smoke ? SMOKE_BENCH : FULL_BENCH, 'typescript');
}

function bundleSizes() {
  const html = readFileSync('dist/index.html', 'utf8');
  const mainName = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!mainName) throw new Error('no main script in dist/index.html');
  const assets = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
  const gz = (f: string) => gzipSync(readFileSync(join('dist/assets', f))).length;
  // What the page loads before its first paint: the entry and the chunks it imports statically
  // (index.html preloads them); chunks fetched later by a dynamic import are not counted.
  const preloaded = [...html.matchAll(/rel="modulepreload"[^>]*href="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
  const startup = [mainName, ...preloaded.filter((f) => f !== mainName)];
  const main = startup.map((f) => readFileSync(join('dist/assets', f), 'utf8')).join('\n');
  const workers = assets.filter((f) => f.includes('worker'));
  return {
    mainGzipBytes: startup.reduce((a, f) => a + gz(f), 0),
    workerGzipBytes: workers.reduce((a, f) => a + gz(f), 0),
    // Strings only tfjs carries (engine errors and its variable registry).
    tfjsInMain: /Backend name|registeredVariables/.test(main),
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The page's main-thread tasks from a Chrome trace: how many took over 50 ms of wall time (what the
 * Long Tasks API counts), how many over 50 ms of the thread's own CPU time (work the page did, not
 * time it waited for a core), and the main thread's CPU time in all. On a machine whose cores the
 * worker and the GPU process keep busy the two counts differ: a 25 ms task can take 60 ms of wall time.
 */
function mainThreadTasks(trace: Buffer): { wall50: number; cpu50: number; cpuMs: number } {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('the trace has no renderer main thread');
  const tasks = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.name === 'ThreadControllerImpl::RunTask');
  return {
    wall50: tasks.filter((e) => (e.dur ?? 0) > 50_000).length,
    cpu50: tasks.filter((e) => (e.tdur ?? 0) > 50_000).length,
    cpuMs: tasks.reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000,
  };
}

/** Functions, not strings: the page's CSP forbids evaluating strings. */
const ready = () => Boolean((window as unknown as Partial<Hooks>).__zo?.getState().backend);
const finished = () => (window as unknown as Partial<Hooks>).__zo?.getState().done === true;

async function waitFor(page: Page, predicate: () => boolean, timeout: number) {
  await page.waitForFunction(predicate, null, { timeout, polling: 250 });
}

async function browserBench(url: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, '--enable-unsafe-webgpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(url + '#v=1&backend=webgpu');
    await waitFor(page, ready, 60_000);
    const backend = await page.evaluate(() => (window as unknown as Hooks).__zo.getState().backend);
    const out = await page.evaluate((s) => (window as unknown as Hooks).__zo.bench(s), smoke);
    if (out.error || !out.result) throw new Error(`browser bench failed: ${out.error}`);
    await page.close();

    // Main-thread long tasks while four lanes run (counted from the moment the run plays).
    const lanes = await browser.newPage();
    await lanes.addInitScript(() => {
      const w = window as unknown as Hooks;
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
        type: 'longtask',
        buffered: false,
      });
    });
    const runSeconds = smoke ? 8 : 30;
    await lanes.goto(url + '#v=1&lane=zo-sgd&lane=zo-sgd:q=4&lane=sgd&lane=adam&steps=100000');
    await waitFor(lanes, ready, 60_000);
    await lanes.waitForTimeout(1000);
    await lanes.evaluate(() => ((window as unknown as Hooks).__longTasks = []));
    await browser.startTracing(lanes, { categories: ['toplevel'] });
    await lanes.getByRole('button', { name: 'Play' }).click();
    await lanes.waitForTimeout(runSeconds * 1000);
    const longTasks = await lanes.evaluate(() => (window as unknown as Hooks).__longTasks);
    const traced = mainThreadTasks(await browser.stopTracing());
    const fourLaneSteps = await lanes.evaluate(() => (window as unknown as Hooks).__zo.getState().step);
    await lanes.close();

    // The default run as a user feels it, per backend: header steps/s and its ratio to the lanes' own time.
    const speedSeconds = smoke ? 4 : 10;
    const speed: SpeedFigure[] = [];
    for (const asked of ['auto', 'cpu', 'wasm', 'webgpu'])
      speed.push(await measureSpeed(browser, url, `#v=1&steps=100000${asked === 'auto' ? '' : `&backend=${asked}`}`, asked, speedSeconds));

    // Points drawn per series after a long run (cpu backend: fast enough for 100k steps here).
    const steps = smoke ? 20_000 : 100_000;
    const long = await browser.newPage();
    await long.goto(url + `#v=1&task=rosenbrock&lane=adam:lr=0.01&lane=zo-sgd:lr=0.0005&steps=${steps}&eval=1000&backend=cpu&run=1`);
    await waitFor(long, finished, 900_000);
    await long.waitForTimeout(600); // the chart redraws at most 4×/s
    const drawn = await long.evaluate(() => (window as unknown as Hooks).__zo.drawnPoints());
    await long.close();
    return { backend, result: out.result, longTasks, traced, runSeconds, fourLaneSteps, speed, longRunSteps: steps, drawnPointsMax: Math.max(...drawn) };
  } finally {
    await browser.close();
  }
}

const fmt = (x: number | undefined, digits = 2) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits));
const kb = (b: number) => `${(b / 1024).toFixed(0)} kB`;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(2)} MB`;

const residentLabel = (r: ResidentRatio) => `resident memory Adam / ZO-SGD, ${r.task === 'spiral' ? 'large MLP' : r.task} (${r.params} params), batch ${r.batch}`;

/** One lane's split: weights + state + peak = resident, in MB. */
const split = (m: ResidentRatio['adam']) => `${mb(m.weightBytes)} + ${mb(m.stateBytes)} + ${mb(m.peakStepBytes)} = ${mb(residentBytes(m))}`;

async function memoryBench(): Promise<void> {
  useDiskAssets();
  for (const backend of ['cpu', 'wasm'] as const) {
    await startNodeBackend(backend);
    const r = await residentRatios(smoke ? SMOKE_BENCH : FULL_BENCH);
    for (const x of [r.mlp, r.gpt]) {
      console.log(`${backend}: ${residentLabel(x)}: ${fmt(x.adamOverZo)}`);
      console.log(`  Adam   weights + state + peak: ${split(x.adam)}`);
      console.log(`  ZO-SGD weights + state + peak: ${split(x.zo)}; z cached by the cpu/wasm kernel: ${mb(x.directionCacheBytes)} (ratio with it: ${fmt(x.adamOverZoWithCache)})`);
    }
  }
}

async function main() {
  if (memoryOnly) return memoryBench();
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH).`);
  console.log(`ZO Playground bench (${smoke ? 'smoke' : 'full'})`);
  const node = await nodeBench('cpu');
  const wasm = await nodeBench('wasm');
  if (!skipBuild || !existsSync('dist/index.html')) await build({ logLevel: 'warn' });
  if (!skipBuild || !existsSync(join(E2E_OUT_DIR, 'index.html'))) await build({ mode: E2E_MODE, logLevel: 'warn' });
  const bundle = bundleSizes();
  const server = await preview({ build: { outDir: E2E_OUT_DIR }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no preview port');
  let web;
  try {
    web = await browserBench(`http://127.0.0.1:${address.port}/`);
  } finally {
    await server.close();
  }
  const gpu = web.result;
  const three = (f: (r: BenchResult) => number, digits = 2) => [fmt(f(node), digits), fmt(f(wasm), digits), fmt(f(gpu), digits)];
  const rows: string[][] = [
    ['metric', 'cpu (Node)', 'wasm (Node)', `${gpu.backend} (Chromium)`, 'target'],
    [`ZO-SGD step / forward, default MLP (${node.mlp.params} params)`, ...three((r) => r.mlp.stepOverForward), '≤ 2.3 (limit 2.0)'],
    [`ZO-SGD step / forward, large MLP (${node.big.params} params)`, ...three((r) => r.big.stepOverForward), '≤ 2.5'],
    ['naive TF.js ZO step (tf.randomNormal) / ours, large MLP', ...three((r) => r.big.naiveOverOurs ?? NaN), '≥ 1 (cpu, wasm), ≥ 3 (GPU)'],
    ['large-MLP forward ms: cpu / this backend', '1.00', fmt(node.big.forwardMs / wasm.big.forwardMs), fmt(node.big.forwardMs / gpu.big.forwardMs), 'reported'],
    ['peak bytes ZO step / forward, large MLP', ...three((r) => r.memory.zoOverForward, 3), `≤ ${fmt(node.memory.zoOverForwardTarget, 3)} / ${fmt(gpu.memory.zoOverForwardTarget, 3)}`],
    [`peak bytes backprop (Adam) step / ZO step, batch ${node.memory.batch}`, ...three((r) => r.memory.backpropOverZo), 'reported'],
    [residentLabel(node.memory.resident.mlp), ...three((r) => r.memory.resident.mlp.adamOverZo), 'reported'],
    [residentLabel(node.memory.resident.gpt), ...three((r) => r.memory.resident.gpt.adamOverZo), 'reported'],
    [`main-thread tasks over 50 ms of CPU, 4 lanes, ${web.runSeconds} s (${web.fourLaneSteps} steps)`, '—', '—', String(web.traced.cpu50), '0'],
    ['  long tasks (>50 ms of wall time, Long Tasks API) / main-thread CPU in all', '—', '—', `${web.longTasks.length} / ${(web.traced.cpuMs / 1000).toFixed(1)} s`, 'reported'],
    ...web.speed.map((f) => [
      `default run in Chromium, backend=${f.asked}${f.asked === 'auto' ? ` (ran ${f.backend})` : ''}: steps/s; run / lanes' own time`,
      '—',
      '—',
      `${fmt(f.stepsPerSec, 1)}; ${fmt(f.ratio)}`,
      '≥ 0.80',
    ]),
    [`points drawn per chart series after ${web.longRunSteps} steps`, '—', '—', String(web.drawnPointsMax), '≤ 2,000'],
    ['main-thread JS gzip / worker JS gzip', `${kb(bundle.mainGzipBytes)} / ${kb(bundle.workerGzipBytes)}`, '—', bundle.tfjsInMain ? 'tfjs IN MAIN' : 'tfjs absent from main', 'main ≤ 250 kB'],
  ];
  const width = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const [i, r] of rows.entries()) {
    console.log('| ' + r.map((cell, c) => cell.padEnd(width[c])).join(' | ') + ' |');
    if (i === 0) console.log('|' + width.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  }
  console.log(
    `absolute (ms, median): cpu forward ${fmt(node.mlp.forwardMs)} / step ${fmt(node.mlp.zoStepMs)}; large ${fmt(node.big.forwardMs)} / ${fmt(node.big.zoStepMs)} / naive ${fmt(node.big.naiveStepMs)}. ` +
      `wasm: ${fmt(wasm.mlp.forwardMs)} / ${fmt(wasm.mlp.zoStepMs)}; large ${fmt(wasm.big.forwardMs)} / ${fmt(wasm.big.zoStepMs)} / naive ${fmt(wasm.big.naiveStepMs)}. ` +
      `${gpu.backend}: ${fmt(gpu.mlp.forwardMs)} / ${fmt(gpu.mlp.zoStepMs)}; large ${fmt(gpu.big.forwardMs)} / ${fmt(gpu.big.zoStepMs)} / naive ${fmt(gpu.big.naiveStepMs)} (kernel ${gpu.perturbKernel}). ` +
      `Peak bytes (large): forward ${mb(gpu.memory.forwardPeakBytes)}, ZO ${mb(gpu.memory.zoStepPeakBytes)}, largest weight ${mb(gpu.memory.largestWeightBytes)}.`,
  );
  const results = { date: new Date().toISOString(), mode: smoke ? 'smoke' : 'full', node, nodeWasm: wasm, browser: web, bundle };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
  console.log('wrote bench/results.json');

  // Smoke guard: absurd figures mean the bench (or the code) broke.
  const absurd: string[] = [];
  for (const [name, r] of [['cpu', node], ['wasm', wasm], [gpu.backend, gpu]] as const) {
    // On wasm the forward pass is so fast that generating z in JavaScript dominates a step (about 10
    // forwards at 1M parameters here, z cached for the step) until z is made in WebAssembly.
    const limit = name === 'wasm' ? 30 : 10;
    if (!(r.mlp.stepOverForward < limit)) absurd.push(`${name}: default-MLP step/forward ${fmt(r.mlp.stepOverForward)}`);
    if (!(r.big.stepOverForward < limit)) absurd.push(`${name}: large-MLP step/forward ${fmt(r.big.stepOverForward)}`);
    if (!(r.memory.zoOverForward < 10)) absurd.push(`${name}: ZO/forward peak bytes ${fmt(r.memory.zoOverForward)}`);
    // Adam holds 2×d of moments and its activations for the backward pass: below 1 the count is broken.
    for (const x of [r.memory.resident.mlp, r.memory.resident.gpt])
      if (!(x.adamOverZo > 1)) absurd.push(`${name}: resident Adam / ZO-SGD on ${x.task} ${fmt(x.adamOverZo)}`);
  }
  if (web.speed.some((f) => !(f.stepsPerSec > 0))) absurd.push('a default run showed no steps/s');
  if (web.drawnPointsMax > 2000) absurd.push(`a chart series drew ${web.drawnPointsMax} points`);
  if (bundle.tfjsInMain) absurd.push('tfjs is in the main-thread bundle');
  if (absurd.length > 0) {
    console.error('bench: absurd figures:\n  ' + absurd.join('\n  '));
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
