using System.Data.Common;
using NodaTime;

namespace CaseCompliance.Storage.Sql;

/// <summary>One open connection (and maybe a transaction) with helpers that bind values through the dialect.</summary>
internal sealed class Session(Dialect dialect, DbConnection connection, int? commandTimeout) : IAsyncDisposable
{
    public Dialect Dialect { get; } = dialect;

    public DbConnection Connection { get; } = connection;

    public DbTransaction? Transaction { get; private set; }

    public int? CommandTimeout { get; } = commandTimeout;

    public async Task BeginAsync(WriteLock writeLock, CancellationToken cancellationToken) =>
        Transaction = await Dialect.BeginAsync(Connection, writeLock, cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Transaction!.CommitAsync(cancellationToken);
        await Transaction.DisposeAsync();
        Transaction = null;
    }

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        if (CommandTimeout is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    public DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = Dialect.ToDb(value);
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<Row, T> map, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var row = new Row(reader, Dialect);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(map(row));
        }

        return list;
    }

    /// <summary>Reads a result row by row without keeping it.</summary>
    public async Task ForEachAsync(string sql, Action<Row> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var row = new Row(reader, Dialect);
        while (await reader.ReadAsync(cancellationToken))
        {
            read(row);
        }
    }

    /// <summary>Rolls back an unfinished transaction; a connection already broken (the server ended it) just closes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            try
            {
                await Transaction.RollbackAsync();
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
            {
                // Nothing to undo here: a dead connection's transaction is rolled back by the server or the file.
            }

            await Transaction.DisposeAsync();
        }

        await Connection.DisposeAsync();
    }
}

/// <summary>The current row of a reader, read by column name through the dialect.</summary>
internal sealed class Row(DbDataReader reader, Dialect dialect)
{
    private int At(string column) => reader.GetOrdinal(column);

    public bool IsNull(string column) => reader.IsDBNull(At(column));

    public string Text(string column) => reader.GetString(At(column));

    public string? TextOrNull(string column) => reader.IsDBNull(At(column)) ? null : reader.GetString(At(column));

    public int Int(string column) => Convert.ToInt32(reader.GetValue(At(column)), System.Globalization.CultureInfo.InvariantCulture);

    public int? IntOrNull(string column) => IsNull(column) ? null : Int(column);

    public long Long(string column) => Convert.ToInt64(reader.GetValue(At(column)), System.Globalization.CultureInfo.InvariantCulture);

    public bool Bool(string column) => reader.GetBoolean(At(column));

    public Guid Guid(string column) => dialect.ReadGuid(reader, At(column));

    public LocalDate Date(string column) => dialect.ReadDate(reader, At(column));

    public LocalDate? DateOrNull(string column) => IsNull(column) ? null : Date(column);

    public Instant Instant(string column) => dialect.ReadInstant(reader, At(column));
}
