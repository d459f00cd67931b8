import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Service } from './service.entity';

/** A service's attendance at a regional networking day, regional meeting or the Development Day. */
@Entity('networking_attendance')
@Index('networking_attendance_service_idx', ['serviceId', 'date'])
export class NetworkingAttendance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: Service;

  @Column('date')
  date: string;

  @Column('text')
  event: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
