using Npgsql;

namespace CaseCompliance.Host.Service;

/// <summary>
/// Creates Quartz's tables on PostgreSQL at start-up from the schema script Quartz ships (every statement creates
/// only what is missing), under an advisory lock so that instances starting together do not race.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";

    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        string script;
        await using (var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(Resource)
                                  ?? throw new InvalidOperationException($"Quartz's schema script {Resource} is missing from its assembly."))
        using (var reader = new StreamReader(stream))
        {
            script = (await reader.ReadToEndAsync(cancellationToken)).Replace("{0}", TablePrefix).Replace("{1}", TablePrefix);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var locking = new NpgsqlCommand("SELECT pg_advisory_xact_lock(774411)", connection, transaction))
        {
            await locking.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var statement in script.Split("\n--;;", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var sql = string.Join('\n', statement.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
            if (string.IsNullOrWhiteSpace(sql))
            {
                continue;
            }

            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
