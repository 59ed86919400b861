// The DataSource the TypeORM CLI loads (migration:generate). Apps build theirs through DatabaseModule.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnv } from '../config/load-env';
import { dataSourceOptions, ENTITY_GLOB } from './data-source-options';

export default new DataSource({ ...dataSourceOptions(loadEnv()), entities: [ENTITY_GLOB] });
