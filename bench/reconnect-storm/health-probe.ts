/**
 * Asks `/health` every PROBE_MS (100 ms) and sends each answer's status and latency to the bench, from
 * its own process: the bench's event loop, busy with thousands of sockets, would otherwise add its
 * own delay to the latency measured. One request at a time, as a load balancer's probe does.
 */
const url = process.argv[2];
const every = Number(process.env.PROBE_MS ?? 100);
let stopped = false;
process.on('message', (message: { kind: string }) => {
  if (message.kind === 'stop') stopped = true;
});

async function probe(): Promise<void> {
  while (!stopped) {
    const startedAt = Date.now();
    const t0 = performance.now();
    let status = 0;
    let database = '';
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(10_000) });
      status = response.status;
      database = ((await response.json()) as { details?: { database?: { status?: string } } }).details?.database?.status ?? '';
    } catch (error) {
      database = String(error);
    }
    process.send!({ at: startedAt, status, ms: performance.now() - t0, database });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, every - (Date.now() - startedAt))));
  }
  process.exit(0);
}

void probe();
