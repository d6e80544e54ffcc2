using System.Text.RegularExpressions;

namespace CaseCompliance.Storage.Sql;

/// <summary>One step of the schema: applied once, in order, recorded in <c>cc_schema_version</c>.</summary>
internal sealed record Migration(int Version, string Name, string Ddl);

/// <summary>
/// The schema as ordered migrations, written once with type placeholders that each dialect renders
/// (<see cref="Dialect.Render"/>). Append new migrations; never edit one that has shipped.
/// </summary>
internal static partial class Schema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "scan history", """
            CREATE TABLE cc_scans (
                scan_id {uuid} NOT NULL PRIMARY KEY,
                seq {bigint} NOT NULL,
                as_of {date} NOT NULL,
                started_at {instant} NOT NULL,
                finished_at {instant} NOT NULL,
                trigger_slot {text},
                findings {int} NOT NULL DEFAULT 0,
                new_count {int} NOT NULL DEFAULT 0,
                persisting_count {int} NOT NULL DEFAULT 0,
                resolved_count {int} NOT NULL DEFAULT 0,
                findings_kept {bool} NOT NULL DEFAULT TRUE,
                CONSTRAINT cc_scans_seq_unique UNIQUE (seq),
                CONSTRAINT cc_scans_trigger_slot_unique UNIQUE (trigger_slot)
            );

            CREATE TABLE cc_scan_sources (
                scan_id {uuid} NOT NULL REFERENCES cc_scans (scan_id),
                name {text} NOT NULL,
                ordinal {int} NOT NULL,
                kind {text} NOT NULL,
                status {text} NOT NULL,
                reason {text},
                records_read {bigint} NOT NULL,
                records_rejected {int} NOT NULL,
                children {int} NOT NULL,
                findings {int} NOT NULL,
                kept_from {date},
                PRIMARY KEY (scan_id, name)
            );
            CREATE INDEX cc_scan_sources_name ON cc_scan_sources (name, status);

            CREATE TABLE cc_findings (
                scan_id {uuid} NOT NULL REFERENCES cc_scans (scan_id),
                ordinal {int} NOT NULL,
                rule_id {text} NOT NULL,
                status {text} NOT NULL,
                child_id {text} NOT NULL,
                episode_id {text},
                source {text} NOT NULL,
                anchor_date {date},
                due_date {date},
                completed_date {date},
                days_late {int},
                working_days_late {int},
                worker_id {text},
                team {text},
                evidence {text} NOT NULL,
                detail {text} NOT NULL,
                obligation_key {text} NOT NULL,
                change_kind {text} NOT NULL DEFAULT 'none',
                stale {bool} NOT NULL,
                first_breached_on {date},
                PRIMARY KEY (scan_id, ordinal)
            );
            CREATE INDEX cc_findings_team ON cc_findings (scan_id, team);
            CREATE INDEX cc_findings_child ON cc_findings (scan_id, child_id);
            CREATE INDEX cc_findings_obligation ON cc_findings (scan_id, source, obligation_key);

            CREATE TABLE cc_obligations (
                obligation_key {text} NOT NULL PRIMARY KEY,
                source {text} NOT NULL,
                rule_id {text} NOT NULL,
                child_id {text} NOT NULL,
                episode_id {text},
                anchor_date {date},
                due_date {date},
                team {text},
                worker_id {text},
                first_breached_scan {uuid} NOT NULL,
                first_breached_as_of {date} NOT NULL,
                last_breached_scan {uuid} NOT NULL,
                last_breached_as_of {date} NOT NULL,
                last_status {text} NOT NULL,
                is_open {bool} NOT NULL,
                resolved_scan {uuid}
            );
            CREATE INDEX cc_obligations_child ON cc_obligations (child_id);
            CREATE INDEX cc_obligations_open ON cc_obligations (source, is_open);
            CREATE INDEX cc_obligations_first_breached ON cc_obligations (first_breached_as_of);

            CREATE TABLE cc_resolutions (
                scan_id {uuid} NOT NULL REFERENCES cc_scans (scan_id),
                obligation_key {text} NOT NULL,
                rule_id {text} NOT NULL,
                child_id {text} NOT NULL,
                episode_id {text},
                source {text} NOT NULL,
                due_date {date},
                previous_status {text} NOT NULL,
                now_status {text},
                worker_id {text},
                team {text},
                PRIMARY KEY (scan_id, obligation_key)
            );

            CREATE TABLE cc_children (
                child_id {text} NOT NULL PRIMARY KEY,
                source {text} NOT NULL,
                forename {text},
                surname {text},
                date_of_birth {date},
                scan_id {uuid} NOT NULL
            );

            CREATE TABLE cc_staff (
                source {text} NOT NULL,
                worker_id {text} NOT NULL,
                name {text},
                job_title {text},
                team_id {text},
                PRIMARY KEY (source, worker_id)
            );

            CREATE TABLE cc_teams (
                source {text} NOT NULL,
                team_id {text} NOT NULL,
                name {text},
                parent_id {text},
                PRIMARY KEY (source, team_id)
            );
            """),
        new(2, "alert outbox", """
            CREATE TABLE cc_outbox (
                id {identity},
                scan_id {uuid} NOT NULL,
                channel {text} NOT NULL,
                recipient {text} NOT NULL,
                subject {text} NOT NULL,
                text_body {text} NOT NULL,
                html_body {text},
                state {text} NOT NULL,
                attempts {int} NOT NULL DEFAULT 0,
                last_error {text},
                enqueued_at {instant} NOT NULL,
                claimed_at {instant},
                claimant {text},
                retry_at {instant},
                sent_at {instant},
                CONSTRAINT cc_outbox_message_unique UNIQUE (scan_id, channel, recipient)
            );
            CREATE INDEX cc_outbox_state ON cc_outbox (state, id);
            """),
        new(3, "casework", """
            CREATE TABLE cc_acknowledgements (
                id {identity},
                obligation_key {text} NOT NULL,
                child_id {text} NOT NULL,
                rule_id {text} NOT NULL,
                reason {text} NOT NULL,
                recorded_by {text} NOT NULL,
                recorded_at {instant} NOT NULL
            );
            CREATE INDEX cc_acknowledgements_obligation ON cc_acknowledgements (obligation_key, recorded_at);
            CREATE INDEX cc_acknowledgements_child ON cc_acknowledgements (child_id);

            CREATE TABLE cc_audits (
                id {identity},
                child_id {text} NOT NULL,
                audit_date {date} NOT NULL,
                grade {text},
                recorded_by {text} NOT NULL,
                recorded_at {instant} NOT NULL
            );
            CREATE INDEX cc_audits_child ON cc_audits (child_id, audit_date);

            CREATE TABLE cc_audit_actions (
                id {identity},
                audit_id {bigint} NOT NULL REFERENCES cc_audits (id),
                child_id {text} NOT NULL,
                action {text} NOT NULL,
                owner {text} NOT NULL,
                due {date} NOT NULL,
                done_on {date},
                done_by {text},
                done_recorded_at {instant},
                recorded_by {text} NOT NULL,
                recorded_at {instant} NOT NULL
            );
            CREATE INDEX cc_audit_actions_audit ON cc_audit_actions (audit_id);
            CREATE INDEX cc_audit_actions_child ON cc_audit_actions (child_id);

            CREATE TABLE cc_access_log (
                id {identity},
                user_name {text} NOT NULL,
                child_id {text} NOT NULL,
                accessed_at {instant} NOT NULL,
                what {text} NOT NULL
            );
            CREATE INDEX cc_access_log_child ON cc_access_log (child_id, accessed_at);
            CREATE INDEX cc_access_log_at ON cc_access_log (accessed_at);
            {append-only cc_access_log};
            """),
    ];

    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS cc_schema_version (
            version {int} NOT NULL PRIMARY KEY,
            name {text} NOT NULL,
            applied_at {instant} NOT NULL
        )
        """;

    /// <summary>
    /// The statements of a migration, one by one (SQLite's driver runs several per command, Npgsql too, but one at a
    /// time reports errors better). A statement ends at a <c>;</c> that ends its line, so a trigger body written on one
    /// line (<c>BEGIN …; END</c>) stays whole.
    /// </summary>
    public static IEnumerable<string> Statements(string ddl) =>
        StatementEnd().Split(ddl).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@";[ \t]*(?:\r?\n|$)")]
    private static partial Regex StatementEnd();
}
