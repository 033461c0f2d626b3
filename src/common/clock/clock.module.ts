import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock.js';

/**
 * One clock for the whole server: the runner's deadlines, the stores' expiry,
 * the coordinator's lease sweeps and the outage bounds all read the same time,
 * and a test that overrides `Clock` moves all of them at once.
 */
@Global()
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
