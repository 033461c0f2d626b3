import { networkInterfaces } from 'node:os';
import { Injectable } from '@nestjs/common';
import { AppConfig } from './app-config.js';

/**
 * The address students' phones can reach: PUBLIC_URL, or this machine's
 * first LAN IPv4 address (a teacher's laptop on school Wi-Fi), or localhost.
 */
@Injectable()
export class PublicUrl {
  private port: number;

  constructor(private readonly config: AppConfig) {
    this.port = config.PORT;
  }

  /** The port actually bound (differs from PORT when PORT=0). */
  setPort(port: number): void {
    this.port = port;
  }

  base(): string {
    if (this.config.PUBLIC_URL) return this.config.PUBLIC_URL.replace(/\/+$/, '');
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    const host = this.config.HOST === '0.0.0.0' || this.config.HOST === '::' ? (lan?.address ?? 'localhost') : this.config.HOST;
    return `http://${host}:${this.port}`;
  }

  joinUrl(pin: string): string {
    return `${this.base()}/play?pin=${pin}`;
  }

  /** The key travels in the fragment, so it never reaches a server log. */
  hostUrl(teacherKey: string): string {
    return `${this.base()}/host#key=${encodeURIComponent(teacherKey)}`;
  }
}
