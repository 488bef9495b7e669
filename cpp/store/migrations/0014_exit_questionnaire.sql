-- Version 14: the exit questionnaire at closure (issue 8): whether the family found the
-- assessment easy to understand and fair, and the plan clear about who does what, each
-- yes, partly or no; with their comments. Syncs; the supervisor's tablet totals the team's.
CREATE TABLE exit_questionnaires (
    id TEXT PRIMARY KEY NOT NULL,
    family_id TEXT NOT NULL REFERENCES families(id) DEFERRABLE INITIALLY DEFERRED,
    answered_on TEXT NOT NULL,
    assessment_easy TEXT,
    assessment_fair TEXT,
    plan_clear TEXT,
    comments TEXT,
    causal_length INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX exit_questionnaires_family ON exit_questionnaires(family_id);
