import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * The largest game `npm run bench` measured to play to the podium on a 2-core
 * machine with every join and answer acknowledged, no phone dropped and no
 * answer lost (docs/benchmarks.md): the default `MAX_PLAYERS` per mode.
 */
export const MEASURED_MAX_PLAYERS = { embedded: 10_000, redis: 5000 } as const;

/**
 * Every setting the server reads from its environment, validated once at
 * start: a typo in an env var stops the server with a message naming it,
 * instead of surfacing mid-lesson.
 */
export class AppConfig {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Base URL students open (join links, QR codes). Defaults to this machine's LAN address. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  /** Secret for teachers. Generated at start when unset. */
  @IsOptional()
  @IsString()
  @MinLength(12)
  TEACHER_KEY?: string;

  @IsString()
  DATA_DIR = './data';

  @IsString()
  DECKS_DIR = './content/decks';

  /** The built web client (npm run build:client), served at "/". */
  @IsString()
  CLIENT_DIR = './client/dist';

  /** When set, history (and, across instances, the game's shared state) lives in Redis. */
  @IsOptional()
  @IsString()
  @Matches(/^rediss?:\/\//)
  REDIS_URL?: string;

  /** Every key this server writes starts with this, so several deployments can share one Redis. */
  @IsString()
  @Matches(/^[\w:.-]{1,64}$/)
  REDIS_PREFIX = 'aulaquiz:';

  /** Names this server instance in timer leases (default: random); useful in logs and tests. */
  @IsOptional()
  @IsString()
  @Matches(/^[\w-]{1,40}$/)
  INSTANCE_ID?: string;

  /** A Redis command that takes longer fails instead of hanging a request. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  REDIS_COMMAND_TIMEOUT_MS = 2000;

  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(600)
  DEFAULT_TIME_LIMIT_SEC = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(600)
  MIN_TIME_LIMIT_SEC = 5;

  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(3600)
  MAX_TIME_LIMIT_SEC = 240;

  /** Answers this late after the deadline still count: phones on school Wi-Fi lag. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5000)
  ANSWER_GRACE_MS = 500;

  /** A dropped phone keeps the question open this long, so a reload does not end it for the class. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  RECONNECT_GRACE_MS = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(500)
  HOST_ABSENCE_PAUSE_MS = 15_000;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  ABANDON_AFTER_MS = 30 * 60_000;

  /** How long an ended game is kept (a locked phone still sees its final rank); then its live keys expire. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  ENDED_GAME_RETENTION_MS = 3 * 60 * 60_000;

  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(5000)
  HOST_UPDATE_INTERVAL_MS = 200;

  /** Players per game. Unset: the largest game measured to play to the podium with nothing lost on 2 cores, in this mode (`MEASURED_MAX_PLAYERS`). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  MAX_PLAYERS: number = MEASURED_MAX_PLAYERS.embedded;

  /** Joins (attempts, right or wrong) one address may make per minute: a class behind one NAT needs one per student. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  JOIN_LIMIT_PER_ADDRESS = 120;

  /** Joins one game takes per minute from everywhere together: a flood from many addresses cannot fill it at once. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  JOIN_LIMIT_PER_GAME = 1000;

  /** PINs naming no game that one address may try per 10 minutes, over all its connections. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  PIN_GUESS_LIMIT_PER_ADDRESS = 60;

  /** PINs naming no game that all addresses together may try per minute; past it, addresses that guessed wrong wait. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  PIN_GUESS_LIMIT_GLOBAL = 600;

  /** Socket connections one address may hold open at once (per instance): several classes behind one school address fit. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  MAX_CONNECTIONS_PER_ADDRESS = 300;

  /** Wrong teacher keys one address may send per 10 minutes before REST answers 429. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  AUTH_FAILURE_LIMIT_PER_ADDRESS = 20;

  /**
   * Proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs; "loopback" for
   * 127.0.0.0/8 and ::1): behind nginx or the cluster entry point, limits apply to the
   * students' own addresses instead of the proxy's.
   */
  @IsString()
  @Matches(/^[\w.:/, -]{0,1000}$/)
  TRUST_PROXY = 'loopback';

  /**
   * Origins (scheme://host[:port], comma-separated) allowed besides this server's own
   * (PUBLIC_URL, its addresses, localhost): web pages elsewhere cannot open sockets or call the API.
   */
  @IsString()
  @Matches(/^[\w.:/, [\]-]{0,2000}$/)
  ALLOWED_ORIGINS = '';

  /** Redis mode refuses a Redis that keeps nothing on disk (no append-only file) unless this is 1: a restart would erase every live game and all history. */
  @IsIn(['0', '1'])
  ALLOW_VOLATILE_REDIS: '0' | '1' = '0';

  /** On SIGTERM the server tells clients, finishes its writes and exits; past this it exits anyway. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** Prometheus metrics on their own port (0: served at /metrics on the main port, behind the teacher key). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT = 0;

  /** Quiet by default: the terminal a teacher started the server in shows the host URL, then only problems. */
  @IsIn(['error', 'warn', 'log', 'debug'])
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' = 'warn';
}

export const CONFIG_KEYS = [...new Set([...Object.keys(new AppConfig()), 'PUBLIC_URL', 'TEACHER_KEY', 'REDIS_URL', 'INSTANCE_ID'])];

/** Used by ConfigModule.forRoot({ validate }). Throws one message listing every bad setting. */
export function validateConfig(env: Record<string, unknown>): AppConfig {
  const picked = Object.fromEntries(Object.entries(env).filter(([k, v]) => CONFIG_KEYS.includes(k) && v !== '' && v !== undefined));
  const config = plainToInstance(AppConfig, picked);
  if (picked.MAX_PLAYERS === undefined && config.REDIS_URL) config.MAX_PLAYERS = MEASURED_MAX_PLAYERS.redis;
  const errors = validateSync(config);
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}=${String(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
