// Entry point for the TypeORM CLI (migration:generate, migration:show); the app never imports it.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@npa/platform';
import { dataSourceOptions } from './data-source';

export default new DataSource(dataSourceOptions(loadConfig().DATABASE_URL));
