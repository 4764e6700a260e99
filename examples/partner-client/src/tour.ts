/** A tour of the agency's work, printed: what `pnpm start` shows. */
import type { PartnerClient } from './client/index.js';
import { coverage, findAdminUnits, modelDetails, models, movementReport, residentialAreas, submitTip } from './agency.js';

const AS_OF = '2025-12-31';
const COMMUNE = '25195'; // Phường Bình Phước, Đồng Nai (since 1 July 2025)

export async function tour(client: PartnerClient, print: (line: string) => void): Promise<void> {
  const [found] = (await findAdminUnits(client, 'binh phuoc', '2024-06-01')).nodes.filter((u) => u.level === 'PROVINCE');
  if (found)
    print(
      `${found.fullName} (${found.code}) → ${found.successors.map((s) => `${s.unit.fullName} (${s.unit.code}, ${s.kind}, ${s.date})`).join(', ')}`,
    );

  const c = await coverage(client, '75', AS_OF, '2024-12-31');
  print(
    `${c.unit.fullName} on ${c.asOf}, figures of ${c.figuresOn}: ${c.residentialAreasWithActiveModel}/${c.residentialAreas} residential areas with an active model, ${c.activeModels} active models of ${c.modelTypes} types`,
  );
  print(await movementReport(client, '75', AS_OF, 'EN'));

  const areas = await residentialAreas(client, COMMUNE, AS_OF, 20);
  print(
    `${areas.nodes.length} of ${areas.totalCount} residential areas of ${areas.nodes[0]?.commune?.fullName ?? COMMUNE} in ${areas.pages} pages; the first: ${areas.nodes
      .slice(0, 3)
      .map((a) => `${a.name} (models: ${a.models.totalCount})`)
      .join(', ')}`,
  );

  const all = await models(client, COMMUNE, AS_OF);
  const active = all.nodes.filter((m) => m.state === 'ACTIVE').length;
  print(`${all.nodes.length} of ${all.totalCount} models, ${active} active`);
  const first = all.nodes[0];
  const details = first ? await modelDetails(client, first.id, AS_OF) : null;
  if (details)
    print(
      `${details.name}: ${details.modelType.name} (${details.modelType.catalogue.name}), ${details.state ?? 'no state'}, ${details.events.length} lifecycle events`,
    );

  const refused = await submitTip(client, { category: 'THEFT', unitCode: COMMUNE, text: 'short' });
  if (refused.kind === 'invalid')
    print(`tip refused: ${refused.error.messageEn} ${[...refused.fields].map(([path, message]) => `${path}: ${message}`).join('; ')}`);
  const received = await submitTip(client, { category: 'THEFT', unitCode: COMMUNE, text: 'Mất trộm xe máy trước cổng chợ lúc 21 giờ.' });
  if (received.kind === 'received') print(`tip received: number ${received.tipNumber} (the informant keeps the secret)`);
}
