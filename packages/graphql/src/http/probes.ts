/**
 * The probes a load balancer or an operator asks: `/health` (the process answers: its
 * status, version and uptime) and `/ready` (it can serve: the database answers and holds the
 * administrative units; a read replica that does not answer is said as `degraded`, still 200), both JSON. `/ready` names each check that failed, so that an
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

/**
 * The read replica's state, when there is one: a replica that does not answer, or no longer
 * replays (promoted, or not a standby), is named, but the server stays ready: reads go to the
 * primary meanwhile (@antq/db's replica.ts), so taking the server out of a load balancer
 * would only stop what still works.
 */
async function replicaWarnings(db: Database): Promise<Problem[]> {
  if (!db.replica) return [];
  const status = await db.replica.status();
  if (status.up && status.replaying) return [];
  if (status.up)
    return [
      {
        check: 'replica',
        reason: 'NOT_REPLAYING',
        vi: 'Bản sao đọc (DATABASE_REPLICA_URL) trả lời nhưng không phải là bản sao đang nhận dữ liệu từ máy chủ chính: kiểm tra cấu hình sao chép.',
        en: 'The read replica (DATABASE_REPLICA_URL) answers but is not a standby replaying the primary: check the replication.',
      },
    ];
  return [
    {
      check: 'replica',
      reason: status.reason,
      vi: `Bản sao đọc không trả lời (${status.reason}): máy chủ chính đang trả lời mọi truy vấn. Kiểm tra máy chủ bản sao (DATABASE_REPLICA_URL); khi nó trả lời lại, antq tự dùng lại nó.`,
      en: `The read replica does not answer (${status.reason}): the primary answers every read meanwhile. Check the replica server (DATABASE_REPLICA_URL); when it answers again antq reads from it by itself.`,
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
        const [problems, warnings] = await Promise.all([problemsOf(db), replicaWarnings(db)]);
        // Degraded (the replica) is said beside the answer, never as a 503: see replicaWarnings.
        const degraded = warnings.length ? { degraded: warnings.map((w) => w.check), warnings } : {};
        return json(
          problems.length
            ? { status: 'not ready', notReady: problems.map((p) => p.check), problems, ...degraded, version: VERSION }
            : { status: 'ready', notReady: [], ...degraded, version: VERSION },
          problems.length ? 503 : 200,
        );
      },
    }),
  ];
}
