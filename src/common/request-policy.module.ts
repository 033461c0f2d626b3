import { Global, Module } from '@nestjs/common';
import { RequestLimits } from './limits/request-limits.js';
import { OriginPolicy } from './origins/origin-policy.js';

/** Who may talk to the server and how often: limits per address and game, the Origin and Host allowlist. */
@Global()
@Module({ providers: [RequestLimits, OriginPolicy], exports: [RequestLimits, OriginPolicy] })
export class RequestPolicyModule {}
