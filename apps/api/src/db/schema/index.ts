/**
 * The tables every service imports. They are typed as the PostgreSQL tree
 * (`../pg-schema/`), whose query builders only run asynchronously, so code
 * that compiles against them runs on both engines; at load each name is bound
 * to the tree of the engine this process uses — PostgreSQL when DATABASE_URL
 * is set, SQLite otherwise. The two trees are kept equal by
 * `test/db/schema-parity.test.ts` (both migrated, then compared).
 */
import * as pg from '../pg-schema/index.js';
import * as sqlite from '../sqlite-schema/index.js';
import { ENGINE } from '../engine.js';

const tree = (ENGINE === 'postgres' ? pg : sqlite) as unknown as typeof pg;

export const orgs = tree.orgs;
export const members = tree.members;
export const memberStudy = tree.memberStudy;
export const committees = tree.committees;
export const committeeMembers = tree.committeeMembers;
export const meetings = tree.meetings;
export const meetingAttendance = tree.meetingAttendance;
export const attachments = tree.attachments;
export const brands = tree.brands;
export const secretaryProjects = tree.secretaryProjects;
export const projectMilestones = tree.projectMilestones;
export const vanguardPosts = tree.vanguardPosts;
export const recruits = tree.recruits;
export const unitPlans = tree.unitPlans;
export const partyWorkers = tree.partyWorkers;
export const secretaryReviews = tree.secretaryReviews;
export const responsibilityItems = tree.responsibilityItems;
export const ruleSets = tree.ruleSets;
export const users = tree.users;
export const loginThrottle = tree.loginThrottle;
export const sessions = tree.sessions;
export const auditLog = tree.auditLog;
export const reportParagraphs = tree.reportParagraphs;
export const closedYears = tree.closedYears;
export const closedYearUnits = tree.closedYearUnits;
export const qualityScores = tree.qualityScores;
