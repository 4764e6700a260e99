/**
 * Read-your-writes with a read replica (`DATABASE_REPLICA_URL`, @antq/db's replica.ts). The
 * context of each request reads from the server `Database.reader` chose for its viewer
 * (context.ts); this plugin turns an operation that is a mutation to the primary before it
 * runs, whatever its fields (the mutation pipeline's, an import's, an extension's): it reads,
 * writes and answers its payload there. While it runs, the viewer's other requests read from
 * the primary too; when it ends, the primary's WAL position is recorded, and the viewer reads
 * from the primary until the replica has replayed past it, or for `ANTQ_REPLICA_MAX_LAG_MS`
 * at most. Without a replica it does nothing.
 */
import type { Database } from '@antq/db';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

export function useReadYourWrites(db: Database): Plugin<Context> {
  const replica = db.replica;
  if (!replica) return {};
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      const ctx = args.contextValue as Context;
      ctx.reads.toPrimary();
      replica.writing(ctx.reads.key);
      return {
        onExecuteDone() {
          // Recorded after the answer is computed; until it is, the viewer reads from the primary.
          void replica.wrote(ctx.reads.key);
        },
      };
    },
  };
}
