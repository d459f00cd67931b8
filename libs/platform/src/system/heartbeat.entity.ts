import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('system_heartbeats')
export class Heartbeat {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  processedAt: Date | null;

  @Column('text', { nullable: true })
  processedBy: string | null;

  @Column('integer', { default: 0 })
  attempts: number;
}
