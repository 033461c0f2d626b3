import { Global, Module } from '@nestjs/common';
import { ConnectionsPerAddress } from './limits/connections-per-address.js';
import { RequestLimits } from './limits/request-limits.js';
import { OriginPolicy } from './origins/origin-policy.js';

/** Who may talk to the server and how often: limits per address and game, open connections per address, the Origin and Host allowlist. */
@Global()
@Module({ providers: [RequestLimits, OriginPolicy, ConnectionsPerAddress], exports: [RequestLimits, OriginPolicy, ConnectionsPerAddress] })
export class RequestPolicyModule {}
