import type Database from "better-sqlite3";
import { type DB, openDatabase } from "../../db/client";

// One connection per process; kept on globalThis so Vite's dev reloads do not open more.
const globalForDb = globalThis as unknown as { casebookDb?: { db: DB; sqlite: Database.Database } };
const connection = globalForDb.casebookDb ?? openDatabase();
globalForDb.casebookDb = connection;

export const db = connection.db;
export const sqlite = connection.sqlite;
export type { DB };
