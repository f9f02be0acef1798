namespace QaShopper.Sqlite.Migrations;

/// <summary>
/// The schema's history. Shipped migrations are never edited: later changes (recordings, campaigns,
/// Quartz tables) are appended with the next version number.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "initial: scenarios, agents, calls, results, items, overrides", """
            -- Times are TEXT in ISO-8601 round-trip format ('o') in UTC, so text order is time order.
            CREATE TABLE scenarios (
                id            TEXT NOT NULL,
                content_hash  TEXT NOT NULL,
                title         TEXT NOT NULL,
                locale        TEXT NOT NULL,
                source_text   TEXT NOT NULL,
                first_seen_at TEXT NOT NULL,
                PRIMARY KEY (id, content_hash)
            );

            CREATE TABLE agents (
                id           TEXT NOT NULL PRIMARY KEY,
                name         TEXT,
                staff_number TEXT,
                site         TEXT
            );

            -- No foreign keys to scenarios or agents: imported transcripts and unknown agents must still be storable.
            CREATE TABLE calls (
                call_id               TEXT NOT NULL PRIMARY KEY,
                scenario_id           TEXT NOT NULL,
                scenario_hash         TEXT NOT NULL,
                agent_id              TEXT,
                carrier               TEXT NOT NULL,
                placed_at             TEXT NOT NULL,
                status                TEXT NOT NULL,
                answered_after        REAL,
                duration              REAL,
                recording_path        TEXT,
                transcript_json       TEXT,
                template_choices_json TEXT NOT NULL
            );

            -- result_json holds the whole score sheet and is what the store reads back; the columns and
            -- result_items are projections for reports that query by grade, agent or item.
            CREATE TABLE results (
                call_id      TEXT NOT NULL PRIMARY KEY REFERENCES calls (call_id) ON DELETE CASCADE,
                score        REAL NOT NULL,
                grade        TEXT NOT NULL,
                needs_review INTEGER NOT NULL CHECK (needs_review IN (0, 1)),
                agent_id     TEXT,
                scored_at    TEXT NOT NULL,
                result_json  TEXT NOT NULL
            );

            CREATE TABLE result_items (
                call_id       TEXT NOT NULL REFERENCES results (call_id) ON DELETE CASCADE,
                item_id       TEXT NOT NULL,
                ordinal       INTEGER NOT NULL,
                outcome       TEXT NOT NULL CHECK (outcome IN ('passed', 'failed', 'not_applicable', 'uncertain')),
                weight        REAL NOT NULL,
                critical      INTEGER NOT NULL CHECK (critical IN (0, 1)),
                evidence_json TEXT NOT NULL,
                PRIMARY KEY (call_id, item_id)
            );

            -- Overrides hang off the call, not the result, so re-scoring a call keeps the reviewers' work.
            CREATE TABLE item_overrides (
                id       INTEGER PRIMARY KEY AUTOINCREMENT,
                call_id  TEXT NOT NULL REFERENCES calls (call_id) ON DELETE CASCADE,
                item_id  TEXT NOT NULL,
                outcome  TEXT NOT NULL CHECK (outcome IN ('passed', 'failed', 'not_applicable', 'uncertain')),
                reviewer TEXT NOT NULL,
                note     TEXT,
                at       TEXT NOT NULL
            );

            CREATE INDEX ix_calls_agent_placed ON calls (agent_id, placed_at);
            CREATE INDEX ix_calls_placed ON calls (placed_at);
            CREATE INDEX ix_results_agent ON results (agent_id);
            CREATE INDEX ix_item_overrides_call ON item_overrides (call_id);
            """),
        new(2, "ground truth of simulated calls", """
            -- Beside the call, never inside the result: the truth is what evaluation compares the scorer with.
            CREATE TABLE ground_truth (
                call_id        TEXT NOT NULL PRIMARY KEY REFERENCES calls (call_id) ON DELETE CASCADE,
                agent_id       TEXT,
                items_json     TEXT NOT NULL,
                behaviour_json TEXT NOT NULL
            );
            """),
        new(3, "scheduled campaigns, their planned calls and each call's history", """
            -- campaign_json is the campaign as scheduled, so retries and re-plans follow the version the calls were
            -- planned from even after the file changes; source_text is what the user wrote.
            CREATE TABLE campaigns (
                id            TEXT NOT NULL PRIMARY KEY,
                name          TEXT NOT NULL,
                content_hash  TEXT NOT NULL,
                source_text   TEXT NOT NULL,
                campaign_json TEXT NOT NULL,
                seed          INTEGER NOT NULL,
                mode          TEXT NOT NULL,
                started_at    TEXT NOT NULL,
                cancelled_at  TEXT
            );

            -- attempt_call_id is the calls.call_id of the latest attempt; no foreign key, because the call is stored
            -- by the pipeline after the attempt starts (and never for an attempt a crash cut short).
            CREATE TABLE campaign_calls (
                call_id         TEXT NOT NULL PRIMARY KEY,
                campaign_id     TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
                ordinal         INTEGER NOT NULL,
                site_id         TEXT NOT NULL,
                line            TEXT NOT NULL,
                period          TEXT NOT NULL,
                local_date      TEXT NOT NULL,
                at              TEXT NOT NULL,
                window_end      TEXT NOT NULL,
                scenario_id     TEXT NOT NULL,
                caller_number   TEXT NOT NULL,
                caller_voice    TEXT,
                seed            INTEGER NOT NULL,
                state           TEXT NOT NULL CHECK (state IN ('planned', 'running', 'completed', 'no_answer', 'busy', 'failed', 'cancelled', 'skipped')),
                attempts        INTEGER NOT NULL DEFAULT 0,
                attempt_call_id TEXT,
                due_at          TEXT NOT NULL,
                reason          TEXT,
                updated_at      TEXT NOT NULL
            );

            -- Append-only: rows are inserted with each transition and never updated.
            CREATE TABLE campaign_call_events (
                id      INTEGER PRIMARY KEY AUTOINCREMENT,
                call_id TEXT NOT NULL REFERENCES campaign_calls (call_id) ON DELETE CASCADE,
                at      TEXT NOT NULL,
                kind    TEXT NOT NULL,
                detail  TEXT
            );

            CREATE INDEX ix_campaign_calls_campaign ON campaign_calls (campaign_id, ordinal);
            CREATE INDEX ix_campaign_calls_state ON campaign_calls (state);
            CREATE INDEX ix_campaign_call_events_call ON campaign_call_events (call_id, id);
            """),
    ];

    /// <summary>The newest version this build knows.</summary>
    public static int LatestVersion => All[^1].Version;
}
