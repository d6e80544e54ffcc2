using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace CaseCompliance.Storage.Sql;

/// <summary>
/// SQLite: one file, WAL (readers never wait for the nightly save), a busy timeout so a second writer waits instead
/// of failing, and every write transaction <c>BEGIN IMMEDIATE</c> so it holds the write lock from the start.
/// Dates are <c>yyyy-MM-dd</c> text (they sort and compare as dates), instants integer microseconds since 1970,
/// ids text.
/// </summary>
internal sealed class SqliteDialect : Dialect
{
    /// <summary>How long a writer waits for another (a million-row save takes a while).</summary>
    private const int BusySeconds = 300;

    private readonly string _connectionString;
    private volatile bool _walSet;

    public SqliteDialect(string connectionString)
    {
        _connectionString = connectionString;
    }

    public override string Provider => "sqlite";

    public override int LongCommandTimeout => BusySeconds;

    /// <summary>
    /// Builds the connection string: <paramref name="connectionString"/> when given (a relative <c>Data Source</c> is
    /// taken from <paramref name="baseDirectory"/>), else <c>casecompliance.db</c> in <paramref name="directory"/>.
    /// </summary>
    public static SqliteDialect Create(string? connectionString, string directory, string baseDirectory)
    {
        SqliteConnectionStringBuilder builder;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.GetFullPath(Path.Combine(baseDirectory, directory));
            builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "casecompliance.db") };
        }
        else
        {
            try
            {
                builder = new SqliteConnectionStringBuilder(connectionString);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                // The driver's message can quote the string; the string is configuration the logs must not carry.
                throw new StorageConfigurationException("Storage:ConnectionString: not a valid SQLite connection string.");
            }

            if (string.IsNullOrWhiteSpace(builder.DataSource))
            {
                throw new StorageConfigurationException("Storage:ConnectionString: a SQLite connection string needs a Data Source (the database file).");
            }

            if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
            }

            if (connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
            {
                return new SqliteDialect(builder.ConnectionString);
            }
        }

        builder.DefaultTimeout = BusySeconds;
        builder.Pooling = true;
        return new SqliteDialect(builder.ConnectionString);
    }

    /// <summary>The database file (for tests and messages about the folder, never the connection string).</summary>
    public string DataSource => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var file = DataSource;
        if (file != ":memory:" && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var timeout = connection.DefaultTimeout * 1000;
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {timeout.ToString(CultureInfo.InvariantCulture)};";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            if (!_walSet)
            {
                // Persistent in the file once set; another process switching at the same moment just waits on the busy timeout.
                await using var wal = connection.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                _walSet = string.Equals(await wal.ExecuteScalarAsync(cancellationToken) as string, "wal", StringComparison.OrdinalIgnoreCase);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task<DbTransaction> BeginAsync(DbConnection connection, WriteLock writeLock, CancellationToken cancellationToken)
    {
        // deferred: false is BEGIN IMMEDIATE: the write lock is taken now, so two writers queue on the busy timeout
        // instead of both reading and then one failing to upgrade.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);
        return Task.FromResult(transaction);
    }

    public override string Render(string ddl) => RenderAppendOnly(ddl)
        .Replace("{text}", "TEXT", StringComparison.Ordinal)
        .Replace("{uuid}", "TEXT", StringComparison.Ordinal)
        .Replace("{date}", "TEXT", StringComparison.Ordinal)
        .Replace("{instant}", "INTEGER", StringComparison.Ordinal)
        .Replace("{bool}", "INTEGER", StringComparison.Ordinal)
        .Replace("{int}", "INTEGER", StringComparison.Ordinal)
        .Replace("{bigint}", "INTEGER", StringComparison.Ordinal)
        .Replace("{identity}", "INTEGER PRIMARY KEY AUTOINCREMENT", StringComparison.Ordinal);

    protected override string AppendOnly(string table) =>
        $"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;\n" +
        $"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END";

    public override object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString("D"),
        LocalDate d => LocalDatePattern.Iso.Format(d),
        Instant i => Truncate(i).ToUnixTimeTicks() / 10,
        bool b => b ? 1 : 0,
        _ => value,
    };

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => Guid.Parse(reader.GetString(ordinal));

    public override LocalDate ReadDate(DbDataReader reader, int ordinal) => LocalDatePattern.Iso.Parse(reader.GetString(ordinal)).Value;

    public override Instant ReadInstant(DbDataReader reader, int ordinal) => Instant.FromUnixTimeTicks(reader.GetInt64(ordinal) * 10);

    public override bool IsUniqueViolation(DbException exception, string name) =>
        exception is SqliteException { SqliteErrorCode: 19 } e && e.Message.Contains(name, StringComparison.Ordinal);

    public override async Task<int> WriteFindingsAsync(Session session, Guid scanId, IEnumerable<FindingRow> rows, CancellationToken cancellationToken)
    {
        // One prepared statement reused for every row inside the save's transaction: SQLite's fastest path, and
        // nothing but the current row is held.
        await using var command = session.Command(
            $"INSERT INTO cc_findings ({FindingInsertColumns}) VALUES " +
            "(@scan, @ordinal, @rule, @status, @child, @episode, @source, @anchor, @due, @completed, @late, @wlate, @worker, @team, @evidence, @detail, @key, @stale)");
        session.Add(command, "@scan", scanId);
        var p = new[]
        {
            "@ordinal", "@rule", "@status", "@child", "@episode", "@source", "@anchor", "@due", "@completed", "@late", "@wlate",
            "@worker", "@team", "@evidence", "@detail", "@key", "@stale",
        }.Select(name => session.Add(command, name, null)).ToArray();
        command.Prepare();

        var count = 0;
        foreach (var row in rows)
        {
            if ((count & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            p[0].Value = row.Ordinal;
            p[1].Value = row.RuleId;
            p[2].Value = row.Status;
            p[3].Value = row.ChildId;
            p[4].Value = ToDb(row.EpisodeId);
            p[5].Value = row.Source;
            p[6].Value = ToDb(row.AnchorDate);
            p[7].Value = ToDb(row.DueDate);
            p[8].Value = ToDb(row.CompletedDate);
            p[9].Value = ToDb(row.DaysLate);
            p[10].Value = ToDb(row.WorkingDaysLate);
            p[11].Value = ToDb(row.WorkerId);
            p[12].Value = ToDb(row.Team);
            p[13].Value = row.Evidence;
            p[14].Value = row.Detail;
            p[15].Value = row.ObligationKey;
            p[16].Value = row.Stale ? 1 : 0;
            command.ExecuteNonQuery();
            count++;
        }

        return count;
    }

    public override ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
