import path from 'node:path';
import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AppConfig } from './config/app-config.js';

/**
 * The host screen, the phone page and the history pages, built by Vite into
 * CLIENT_DIR and served from "/" ("/play" → play.html). Everything is bundled:
 * nothing is fetched from a CDN at run time.
 */
@Module({
  imports: [
    ServeStaticModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [
        {
          rootPath: path.resolve(config.CLIENT_DIR),
          exclude: ['/api/{*rest}', '/health', '/health/{*rest}', '/metrics', '/socket.io/{*rest}'],
          serveStaticOptions: { extensions: ['html'], index: 'index.html', fallthrough: true },
        },
      ],
    }),
  ],
})
export class ClientModule {}
