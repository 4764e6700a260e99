// pnpm start (in this folder): the partner client's tour. Against a server of your own,
// set ANTQ_URL and ANTQ_API_KEY (a key whose operations are registered: see README.md);
// otherwise an embedded server is started in ./.antq-data with a key issued for the tour.
import { partnerClient } from './client/index.js';
import { startLocalServer } from './operator.js';
import { tour } from './tour.js';

const print = (line: string) => console.log(line);

if (process.env.ANTQ_URL && process.env.ANTQ_API_KEY) {
  await tour(partnerClient({ url: process.env.ANTQ_URL, apiKey: process.env.ANTQ_API_KEY }), print);
} else {
  console.error('starting an embedded antq in ./.antq-data (the first start loads the data: about half a minute)');
  const server = await startLocalServer({ dataDir: '.antq-data' });
  const { key, prefix } = await server.issueKey({
    name: 'Sở Y tế tỉnh Đồng Nai (example)',
    scopes: ['read:aggregates', 'read:catalogues', 'read:areas', 'read:models'],
    unitCode: '75',
  });
  await server.registerOperations(prefix);
  try {
    await tour(partnerClient({ url: server.url, apiKey: key }), print);
  } finally {
    await server.revokeKey(prefix);
    await server.stop();
  }
}
