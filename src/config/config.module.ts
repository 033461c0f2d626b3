import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig, CONFIG_KEYS, validateConfig } from './app-config.js';
import { PublicUrl } from './public-url.js';

/**
 * Reads .env and the environment once, validates it (a bad value stops the
 * start with a message naming it), and offers it as the typed AppConfig.
 */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ cache: true })],
  providers: [
    {
      provide: AppConfig,
      inject: [ConfigService],
      useFactory: (env: ConfigService) => validateConfig(Object.fromEntries(CONFIG_KEYS.map((k) => [k, env.get(k)]))),
    },
    PublicUrl,
  ],
  exports: [AppConfig, PublicUrl],
})
export class AppConfigModule {}
