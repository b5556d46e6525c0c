import type { Db, Tx } from '../../server/db/types.js';

/** A node of `explain (format json)`, with the fields the plan tests read. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Parallel Aware'?: boolean;
  Strategy?: string;
  'Sort Key'?: string[];
  Plans?: PlanNode[];
}

/** Every node of a plan, the root first. */
export const planNodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(planNodes)];

export interface RecordedPlan {
  sql: string;
  nodes: PlanNode[];
}

/**
 * The database with the plan of each statement `pick` chooses recorded: the statement is first
 * explained in its own transaction, so under the settings the code gave it there, then run.
 */
export function recordingPlans(db: Db, plans: RecordedPlan[], pick: (sql: string) => boolean): Db {
  const spy = Object.create(db) as Db;
  spy.transaction = (run) =>
    db.transaction((tx) => {
      const explaining = Object.create(tx) as Tx;
      explaining.query = async <T>(sql: string, params?: unknown[]) => {
        if (pick(sql)) {
          const [row] = await tx.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${sql}`, params);
          const plan = row!['QUERY PLAN'];
          const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: PlanNode }[];
          plans.push({ sql, nodes: planNodes(parsed[0]!.Plan) });
        }
        return tx.query<T>(sql, params);
      };
      return run(explaining);
    });
  return spy;
}
