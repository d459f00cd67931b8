import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { IsoDate, todayIn } from '../dates';

/** The one source of "now" and "today" (in the NPA's time zone), so tests can ask about any date. */
@Injectable()
export class Clock {
  constructor(private readonly config: AppConfig) {}

  now(): Date {
    return new Date();
  }

  today(): IsoDate {
    return todayIn(this.config.TIME_ZONE, this.now());
  }
}
