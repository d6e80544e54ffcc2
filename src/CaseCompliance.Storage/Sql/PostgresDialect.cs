using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace CaseCompliance.Storage.Sql;

/// <summary>
/// PostgreSQL: native <c>uuid</c>, <c>date</c>, <c>timestamptz</c> and <c>boolean</c>; text in the <c>"C"</c>
/// collation so lists sort as on SQLite, whatever the server's locale; writers that must not interleave (migrations,
/// scan saves) take a transaction-scoped advisory lock; findings arrive by binary <c>COPY</c>.
/// </summary>
internal sealed class PostgresDialect : Dialect
{
    // Advisory lock keys: arbitrary constants, "CC" then a number, unlikely to meet another application's.
    private const long MigrateLockKey = 0x4343_0000_0001;
    private const long SaveLockKey = 0x4343_0000_0002;

    private readonly NpgsqlDataSource _source;

    private PostgresDialect(NpgsqlDataSource source)
    {
        _source = source;
    }

    public static PostgresDialect Create(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageConfigurationException("Storage:ConnectionString: required when Storage:Provider is postgresql.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return new PostgresDialect(new NpgsqlDataSourceBuilder(connectionString).Build());
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or KeyNotFoundException or NotSupportedException)
        {
            // Not chained: the driver's message can quote the string, and the string can hold a password.
            throw new StorageConfigurationException("Storage:ConnectionString: not a valid PostgreSQL connection string.");
        }
    }

    public override string Provider => "postgresql";

    public override int LongCommandTimeout => 0;

    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken);

    public override async Task<DbTransaction> BeginAsync(DbConnection connection, WriteLock writeLock, CancellationToken cancellationToken)
    {
        var transaction = await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        if (writeLock != WriteLock.None)
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, transaction);
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue("key", writeLock == WriteLock.Migrate ? MigrateLockKey : SaveLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return transaction;
    }

    public override string Render(string ddl) => RenderAppendOnly(ddl)
        .Replace("{text}", "text COLLATE \"C\"", StringComparison.Ordinal)
        .Replace("{uuid}", "uuid", StringComparison.Ordinal)
        .Replace("{date}", "date", StringComparison.Ordinal)
        .Replace("{instant}", "timestamptz", StringComparison.Ordinal)
        .Replace("{bool}", "boolean", StringComparison.Ordinal)
        .Replace("{int}", "integer", StringComparison.Ordinal)
        .Replace("{bigint}", "bigint", StringComparison.Ordinal)
        .Replace("{identity}", "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY", StringComparison.Ordinal);

    /// <summary>A statement-level trigger, so <c>TRUNCATE</c> is refused too (row triggers do not see it).</summary>
    protected override string AppendOnly(string table) =>
        "CREATE OR REPLACE FUNCTION cc_refuse_change() RETURNS trigger LANGUAGE plpgsql AS " +
        "$$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation'; END $$;\n" +
        $"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION cc_refuse_change()";

    public override object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        LocalDate d => d.ToDateOnly(),
        Instant i => Truncate(i).ToDateTimeUtc(),
        _ => value,
    };

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    public override LocalDate ReadDate(DbDataReader reader, int ordinal) => LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(ordinal));

    public override Instant ReadInstant(DbDataReader reader, int ordinal) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    public override bool IsUniqueViolation(DbException exception, string name) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e
        && (e.ConstraintName?.Contains(name, StringComparison.Ordinal) ?? false);

    public override async Task<int> WriteFindingsAsync(Session session, Guid scanId, IEnumerable<FindingRow> rows, CancellationToken cancellationToken)
    {
        // Binary COPY streams rows to the server as they come; an exception before Complete abandons the COPY, and
        // the save's transaction then rolls everything back.
        var connection = (NpgsqlConnection)session.Connection;
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY cc_findings ({FindingInsertColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        importer.Timeout = TimeSpan.FromMinutes(10);
        var count = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(scanId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(row.Ordinal, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.RuleId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Status, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.ChildId, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(importer, row.EpisodeId, cancellationToken);
            await importer.WriteAsync(row.Source, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(importer, row.AnchorDate, cancellationToken);
            await WriteAsync(importer, row.DueDate, cancellationToken);
            await WriteAsync(importer, row.CompletedDate, cancellationToken);
            await WriteAsync(importer, row.DaysLate, cancellationToken);
            await WriteAsync(importer, row.WorkingDaysLate, cancellationToken);
            await WriteAsync(importer, row.WorkerId, cancellationToken);
            await WriteAsync(importer, row.Team, cancellationToken);
            await importer.WriteAsync(row.Evidence, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Detail, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.ObligationKey, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Stale, NpgsqlDbType.Boolean, cancellationToken);
            count++;
        }

        await importer.CompleteAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// <c>ANALYZE</c> (allowed in a transaction; it counts the transaction's own new rows). Without it the planner
    /// still believes the new scan has no rows and picks nested loops that are quadratic in the scan's size: 35 s
    /// instead of 0.3 s for the resolutions of a 200,000-row scan.
    /// </summary>
    public override async Task RefreshStatisticsAsync(Session session, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("ANALYZE cc_findings", cancellationToken);
        await session.ExecuteAsync("ANALYZE cc_obligations", cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task WriteAsync(NpgsqlBinaryImporter importer, LocalDate? value, CancellationToken cancellationToken) =>
        value is { } d ? importer.WriteAsync(d.ToDateOnly(), NpgsqlDbType.Date, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static Task WriteAsync(NpgsqlBinaryImporter importer, int? value, CancellationToken cancellationToken) =>
        value is { } n ? importer.WriteAsync(n, NpgsqlDbType.Integer, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}
