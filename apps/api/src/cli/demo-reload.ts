/**
 * Puts the demo commission back into the configured database, discarding every
 * change made to the domain data (users, sessions, audit log and rule sets stay):
 *   pnpm --filter @wj/api demo:reload [-- --scale N]
 * Org ids are stable, so demo logins scoped to a unit or branch still fit.
 * On the configured database: DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite).
 */
import { databaseTarget, loadConfig } from '../config.js';
import { openDb } from '../db/index.js';
import { countDomainRows, DEMO_AS_OF, generateCommission, reloadDemoData } from '../demo/index.js';
import { displayTarget } from '../ops/pg-tools.js';

function parseScale(args: string[]): number {
  const i = args.findIndex((a) => a === '--scale' || a.startsWith('--scale='));
  if (i < 0) return 1;
  const raw = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  const scale = Number(raw);
  if (!Number.isInteger(scale) || scale < 1) {
    console.error(`--scale 应为正整数 (must be a positive integer), got ${raw}`);
    process.exit(2);
  }
  return scale;
}

const scale = parseScale(process.argv.slice(2));
const config = loadConfig();
const target = databaseTarget(config);
const db = await openDb(target);
const t0 = performance.now();
const data = generateCommission({ scale });
const t1 = performance.now();
try {
  await reloadDemoData(db, data);
} catch (err) {
  await db.close();
  console.error('重新载入失败，数据库未改动 (reload failed, nothing changed):', err instanceof Error ? err.message : err);
  console.error('若有账号绑定在演示数据之外的组织上，请先调整其范围 (a user may be scoped to an org the demo does not have).');
  process.exit(1);
}
const t2 = performance.now();
const n = await countDomainRows(db);
await db.close();

const units = data.orgs.filter((o) => o.unitId === o.id).length;
const branches = data.orgs.filter((o) => o.kind === 'branch').length;
const active = data.members.filter((m) => m.status === 'active');
const retired = active.filter((m) => m.employment === 'retired').length;
console.log(`已重新载入演示数据 (demo data reloaded) → ${displayTarget(target)}`);
console.log(`  截至 (as of) ${DEMO_AS_OF}, 规模 (scale) ${scale}`);
console.log(`  ${units} 个单位 units, ${branches} 个党支部 branches, ${active.length} 名党员 members (在职 in service ${active.length - retired}, 离退休 retired ${retired})`);
console.log(`  ${n.meetings} 条组织生活 meetings, ${n.brands} 个品牌 brands, ${n.secretaryProjects} 个书记项目 projects, ${n.recruits} 条发展党员记录 recruits`);
console.log(`  生成 generated in ${Math.round(t1 - t0)} ms, 写入 loaded in ${Math.round(t2 - t1)} ms`);
