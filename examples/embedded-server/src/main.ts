// pnpm start (in this folder): serves antq on http://127.0.0.1:4001/graphql from ./.antq-data
import { start } from './server.js';

const { server } = await start({ dataDir: '.antq-data', port: Number(process.env.PORT ?? 4001), log: console.error });
console.error(`antq is serving ${server.url}`);
