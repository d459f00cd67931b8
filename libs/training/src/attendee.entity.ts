import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Person } from '@npa/registry';
import { Workshop } from './workshop.entity';

@Entity('workshop_attendees')
@Unique('workshop_attendees_person_key', ['workshopId', 'personId'])
export class Attendee {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  workshopId: string;

  @ManyToOne(() => Workshop, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workshop_id' })
  workshop?: Workshop;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
