// pnpm start (in this folder): the gateway on http://127.0.0.1:4010/graphql, over antq (4011) and the patrol service (4012).
import { issueToken, prepareDatabase, serverSecrets } from '@antq/graphql';
import { samplePatrols } from './sample.js';
import { startAll } from './start.js';

const dataDir = '.antq-data';
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? '' };
const secrets = serverSecrets(env, dataDir);
const db = await prepareDatabase({ env, dataDir, log: console.error });
const running = await startAll({
  db,
  secrets,
  patrols: await samplePatrols(db),
  ports: {
    gateway: Number(process.env.GATEWAY_PORT ?? 4010),
    antq: Number(process.env.ANTQ_PORT ?? 4011),
    patrols: Number(process.env.PATROLS_PORT ?? 4012),
  },
});
const token = await issueToken(secrets.jwtSecret, {
  role: 'PROVINCE_OFFICER',
  unitCode: '75',
  areaId: null,
  subject: 'example@75',
  ttl: '8h',
});
console.error(`the gateway is serving ${running.urls.gateway} (antq: ${running.urls.antq}, patrols: ${running.urls.patrols})`);
console.error(`a province officer's token for Đồng Nai (75), valid 8 hours:\n  Authorization: Bearer ${token}`);
console.error(`try: { patrolsOn(date: "${new Date().toISOString().slice(0, 10)}") { shift team area { name commune { fullName } } } }`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running
      .stop()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}
