// pnpm start (in this folder): antq with fire-prevention inspections on http://127.0.0.1:4002/graphql, from ./.antq-data
import { start } from './server.js';

const { server } = await start({ dataDir: '.antq-data', port: Number(process.env.PORT ?? 4002), log: console.error });
console.error(`antq with fire-prevention inspections is serving ${server.url}`);
