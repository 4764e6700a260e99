/**
 * The probes a load balancer or an operator asks: `/health` (the process answers: its
 * status, version and uptime) and `/ready` (it can serve: the database answers and holds the
 * administrative units), both JSON. `/ready` names each check that failed, so that an
 * operator knows what to do, in Vietnamese and English; a database that does not answer is
 * named by a reason code (db's `databaseUnavailable`), without the driver's message or the host.
 */
import { createRequire } from 'node:module';
import { databaseUnavailable, type Database } from '@antq/db';
import { useReadinessCheck, type Plugin } from 'graphql-yoga';

/** This package's version, as published. */
export const VERSION: string = (createRequire(import.meta.url)('@antq/graphql/package.json') as { version: string }).version;

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

/** One check of readiness: null when it passes, else what is wrong and what to do. */
type Problem = { readonly check: string; readonly reason?: string; readonly vi: string; readonly en: string };

const prismaCodeOf = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^P\d{4}$/.test(code) ? code : null;
};

async function problemsOf(db: Database): Promise<Problem[]> {
  let units: boolean;
  try {
    const [row] = await db.prisma.$queryRaw<Array<{ units: boolean }>>`SELECT EXISTS (SELECT 1 FROM "AdminUnit") AS units`;
    units = row?.units === true;
  } catch (error) {
    // A reason code (or Prisma's code), never the driver's message: it can name the host.
    const reason = databaseUnavailable(error) ?? prismaCodeOf(error) ?? 'UNKNOWN';
    return [
      {
        check: 'database',
        reason,
        vi: `Cơ sở dữ liệu không trả lời (${reason}): kiểm tra máy chủ PostgreSQL (DATABASE_URL). Khi nó trả lời lại, antq tự kết nối lại, không cần khởi động lại.`,
        en: `The database does not answer (${reason}): check the PostgreSQL server (DATABASE_URL). When it answers again antq reconnects by itself, without a restart.`,
      },
    ];
  }
  if (units) return [];
  return [
    {
      check: 'adminUnits',
      vi: 'Chưa có đơn vị hành chính: chạy `antq import admin-units` (nhập dữ liệu đi kèm @antq/db), hoặc khởi động lại máy chủ.',
      en: 'No administrative units yet: run `antq import admin-units` (it imports the data shipped with @antq/db), or restart the server.',
    },
  ];
}

export function probePlugins(db: Database): Plugin[] {
  return [
    useReadinessCheck({
      endpoint: '/health',
      check: () => json({ status: 'ok', version: VERSION, uptime: Math.round(process.uptime()) }, 200),
    }),
    useReadinessCheck({
      endpoint: '/ready',
      check: async () => {
        const problems = await problemsOf(db);
        return json(
          problems.length
            ? { status: 'not ready', notReady: problems.map((p) => p.check), problems, version: VERSION }
            : { status: 'ready', notReady: [], version: VERSION },
          problems.length ? 503 : 200,
        );
      },
    }),
  ];
}
