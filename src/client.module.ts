import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { AppConfig } from './config/app-config.js';
import { staticAssets } from './static-assets.js';

/**
 * The host screen, the phone page and the history pages, built by Vite into
 * CLIENT_DIR and served from "/" ("/play" → play.html), pre-compressed and
 * with long caching for hashed files (see static-assets.ts). Everything is
 * bundled: nothing is fetched from a CDN at run time. Mounted after the API
 * routes, so it never shadows them.
 */
@Module({})
export class ClientModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Unset in an application context without HTTP (a standalone context), whatever the type says.
    const http = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (http?.getType() !== 'express') return;
    http.getInstance<Express>().use(staticAssets(this.config.CLIENT_DIR));
  }
}
