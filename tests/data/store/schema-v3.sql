-- A database as Readiness 0.3 (schema version 3) writes it, for /store/migrate.
-- Never edit: later schema versions must open exactly this.
PRAGMA application_id = 1382313587;
PRAGMA user_version = 3;
BEGIN TRANSACTION;
CREATE TABLE answer (  respondent_id INTEGER NOT NULL REFERENCES respondent (id) ON DELETE CASCADE,  item_id TEXT NOT NULL,  item_version INTEGER NOT NULL CHECK (item_version >= 1),  value REAL,  date TEXT,  not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),  answered INTEGER NOT NULL,  PRIMARY KEY (respondent_id, item_id),  CHECK ((not_applicable = 1 AND value IS NULL AND date IS NULL) OR         (not_applicable = 0 AND (value IS NULL) <> (date IS NULL)))) WITHOUT ROWID;
INSERT INTO answer VALUES(1,'a-plan',1,4.0,NULL,0,1761955300);
INSERT INTO answer VALUES(1,'a-review',1,NULL,'2025-03-01',0,1761955400);
INSERT INTO answer VALUES(1,'b-mfa',1,NULL,NULL,1,1761955500);
CREATE TABLE assessment (  id INTEGER PRIMARY KEY,  uuid TEXT NOT NULL UNIQUE,  school_id INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,  school_year TEXT NOT NULL,  framework_id TEXT NOT NULL,  framework_version TEXT NOT NULL,  mode TEXT NOT NULL CHECK (mode IN ('full', 'pulse')),  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),  created INTEGER NOT NULL,  completed INTEGER,  trashed INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1)), last_area TEXT, last_item TEXT);
INSERT INTO assessment VALUES(1,'2f1c6a52-4d0e-4b8e-9a57-0d0c3b1f0002',1,'2025-2026','small-fixture','1.0','full','complete',1761955200,1762041600,0,'beta','b-mfa');
CREATE TABLE respondent (  id INTEGER PRIMARY KEY,  uuid TEXT NOT NULL UNIQUE,  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,  respondent_group TEXT NOT NULL CHECK (respondent_group IN    ('leader', 'teacher', 'support-staff', 'learner', 'parent', 'other')),  pseudonym TEXT,  created INTEGER NOT NULL);
INSERT INTO respondent VALUES(1,'2f1c6a52-4d0e-4b8e-9a57-0d0c3b1f0003',1,'leader',NULL,1761955200);
CREATE TABLE school (  id INTEGER PRIMARY KEY,  uuid TEXT NOT NULL UNIQUE,  name TEXT NOT NULL CHECK (length(trim(name)) > 0),  region TEXT,  school_type TEXT,  created INTEGER NOT NULL,  trashed INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1)));
INSERT INTO school VALUES(1,'2f1c6a52-4d0e-4b8e-9a57-0d0c3b1f0001','Fixture School','Antwerpen','secondary',1761955200,0);
CREATE TABLE target (  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,  factor TEXT NOT NULL CHECK (factor IN ('strategy', 'engagement', 'capacity', 'investment')),  target REAL NOT NULL CHECK (target BETWEEN 0 AND 100),  PRIMARY KEY (assessment_id, factor)) WITHOUT ROWID;
INSERT INTO target VALUES(1,'capacity',65.0);
INSERT INTO target VALUES(1,'engagement',60.0);
INSERT INTO target VALUES(1,'investment',60.0);
INSERT INTO target VALUES(1,'strategy',70.0);
CREATE TABLE action (  id INTEGER PRIMARY KEY,  uuid TEXT NOT NULL UNIQUE,  origin TEXT NOT NULL,  assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,  title TEXT NOT NULL CHECK (length(trim(title)) > 0),  factor TEXT NOT NULL CHECK (factor IN ('strategy', 'engagement', 'capacity', 'investment')),  owner TEXT,  due TEXT CHECK (due IS NULL OR due = date(due)),  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'done')),  criterion TEXT,  notes TEXT,  carried_from TEXT,  created INTEGER NOT NULL,  trashed INTEGER NOT NULL DEFAULT 0 CHECK (trashed IN (0, 1)));
INSERT INTO "action" VALUES(1,'2f1c6a52-4d0e-4b8e-9a57-0d0c3b1f0004','2f1c6a52-4d0e-4b8e-9a57-0d0c3b1f0004',1,'Write the digital plan','strategy','Principal','2026-06-30','in-progress','The plan is approved by the board','Start in the autumn',NULL,1762041700,0);
CREATE TABLE action_item (  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,  item_id TEXT NOT NULL,  position INTEGER NOT NULL,  PRIMARY KEY (action_id, item_id)) WITHOUT ROWID;
INSERT INTO action_item VALUES(1,'a-plan',0);
CREATE INDEX assessment_by_school ON assessment (school_id);
CREATE INDEX respondent_by_assessment ON respondent (assessment_id);
CREATE INDEX action_by_assessment ON action (assessment_id);
COMMIT;
