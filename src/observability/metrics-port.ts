import { createServer, type Server } from 'node:http';
import type { MetricsService } from './metrics.service.js';

/** The metrics alone on their own port (METRICS_PORT), for a Prometheus that cannot hold the teacher key. */
export function serveMetricsOnPort(metrics: MetricsService, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Only /metrics here.' } }));
      return;
    }
    metrics.registry
      .metrics()
      .then((text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text))
      .catch(() => res.writeHead(500).end());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
