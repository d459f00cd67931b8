import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Anyone the register knows: practitioners, setting staff, trainers, workshop attendees. */
@Entity('people')
@Index('people_email_key', { synchronize: false })
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** Unique whatever its case (a unique index on lower(email)). */
  @Column('text')
  email: string;

  /** Set when retention replaced the name and email (libs/privacy); the rows that point here stay. */
  @Column('timestamptz', { nullable: true })
  anonymisedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
