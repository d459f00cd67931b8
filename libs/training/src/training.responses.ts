import { PageResponse } from '@npa/platform';
import { TrainerView } from './trainer.dto';
import { WorkshopView } from './workshop.dto';

export class TrainerPage extends PageResponse {
  items: TrainerView[];
}

export class WorkshopPage extends PageResponse {
  items: WorkshopView[];
}
