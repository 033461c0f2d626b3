import type { AddressInfo } from 'node:net';
import { createApp } from './app.factory.js';
import { TeacherKey } from './auth/teacher-key.service.js';
import { AppConfig } from './config/app-config.js';
import { PublicUrl } from './config/public-url.js';
import { drainOnSignals } from './health/drain-on-signals.js';
import { serveMetricsOnPort } from './observability/metrics-port.js';
import { MetricsService } from './observability/metrics.service.js';
import { RedisConnection } from './redis/redis-connection.js';
import { assertRedisPersists } from './redis/redis-persistence.js';

async function checkRedisPersistence(connection: RedisConnection, config: AppConfig): Promise<void> {
  if (!connection.enabled) return;
  const probe = connection.create('persistence-check');
  try {
    await assertRedisPersists(probe, config.ALLOW_VOLATILE_REDIS === '1');
  } finally {
    probe.disconnect();
  }
}

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);
  await checkRedisPersistence(app.get(RedisConnection), config);
  drainOnSignals(app, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.PORT, config.HOST);
  if (config.METRICS_PORT > 0) (await serveMetricsOnPort(app.get(MetricsService), config.METRICS_PORT, config.HOST)).unref();
  const urls = app.get(PublicUrl);
  urls.setPort((app.getHttpServer().address() as AddressInfo).port);
  const key = app.get(TeacherKey);
  const lines = [
    `aulaquiz is running at ${urls.base()}`,
    `Host a game (teacher): ${urls.hostUrl(key.value)}`,
    key.generated ? 'The teacher key above was generated for this run; set TEACHER_KEY to keep one.' : 'Teacher key: from TEACHER_KEY.',
    `Students join at ${urls.base()}/play with the game PIN.`,
  ];
  // Printed plainly (not through the logger) so it can be copied from the terminal, as Jupyter does with its token.
  console.log(`\n${lines.join('\n')}\n`);
}

bootstrap().catch((err: unknown) => {
  // A plain message (no stack): most start failures are a bad setting or a port in use.
  console.error(`aulaquiz could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
