using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CaseCompliance.Storage.Tests;

/// <summary>
/// A real PostgreSQL server for tests, one per test run, with a fresh database per call of
/// <see cref="CreateDatabaseAsync"/>. <c>CASECOMPLIANCE_TEST_POSTGRES</c> (a connection string) names a server to use;
/// otherwise a private cluster is created in a temporary folder from the Debian <c>postgresql</c> package's binaries,
/// started on a free loopback port with trust authentication, and stopped when the test process exits.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "CASECOMPLIANCE_TEST_POSTGRES";

    private const string Marker = "cc-pg-";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string _adminConnectionString;
    private readonly PrivateCluster? _cluster;

    private PostgresServer(string adminConnectionString, PrivateCluster? cluster)
    {
        _adminConnectionString = adminConnectionString;
        _cluster = cluster;
    }

    /// <summary>True when this run started its own server (no <see cref="EnvironmentVariable"/>).</summary>
    public bool IsPrivate => _cluster is not null;

    /// <summary>The server of this test run, started on first use.</summary>
    public static async Task<PostgresServer> SharedAsync()
    {
        if (_shared is { } ready)
        {
            return ready;
        }

        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
                if (!string.IsNullOrWhiteSpace(external))
                {
                    _shared = new PostgresServer(external, null);
                }
                else
                {
                    var cluster = await PrivateCluster.StartAsync();
                    _shared = new PostgresServer(cluster.ConnectionString, cluster);
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopInBackground();
                }
            }

            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "cc_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, ending any connection still open to it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (name is null || !name.StartsWith("cc_test_", StringComparison.Ordinal))
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A cluster in <c>/tmp/cc-pg-*</c>, owned by user <c>postgres</c> when the tests run as root (PostgreSQL refuses root).</summary>
    private sealed class PrivateCluster
    {
        private readonly string _root;
        private readonly string _bin;
        private int _stopped;

        private PrivateCluster(string root, string bin, int port)
        {
            _root = root;
            _bin = bin;
            ConnectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = true, Timeout = 15,
            }.ConnectionString;
        }

        public string ConnectionString { get; }

        private string Data => Path.Combine(_root, "data");

        public static async Task<PrivateCluster> StartAsync()
        {
            var bin = FindBinaries();
            CleanUpAbandoned(bin);
            var root = Path.Combine(Path.GetTempPath(), Marker + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(Path.Combine(root, "run"));
            await File.WriteAllTextAsync(Path.Combine(root, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            if (IsRoot)
            {
                Run("chown", ["-R", "postgres:postgres", root], root);
            }

            Run(Path.Combine(bin, "initdb"), ["-D", Path.Combine(root, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                "--locale=C", "--no-sync"], root, asPostgres: true);

            // A port picked free can be taken before the server binds it: try a few.
            Exception? last = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var port = FreePort();
                var cluster = new PrivateCluster(root, bin, port);
                try
                {
                    Run(Path.Combine(bin, "pg_ctl"), ["-D", cluster.Data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                        "-o", $"-c listen_addresses=127.0.0.1 -k {Path.Combine(root, "run")} -p {port} -c fsync=off " +
                              "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                        "start"], root, asPostgres: true);
                    await cluster.WaitUntilReadyAsync();
                    return cluster;
                }
                catch (InvalidOperationException e)
                {
                    last = e;
                    cluster.Stop(deleteFolder: false);
                }
            }

            throw new InvalidOperationException($"the private PostgreSQL server did not start (log: {Path.Combine(root, "server.log")}).", last);
        }

        /// <summary>
        /// Stops the server (fast shutdown) and deletes its folder from a detached shell: the test host gives its exit
        /// handlers too little time to wait for either, and a run that dies anyway is cleaned up by the next one.
        /// </summary>
        public void StopInBackground()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 1)
            {
                return;
            }

            var start = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
            foreach (var a in new[] { "sh", "-c", "\"$@\" >/dev/null 2>&1 </dev/null; rm -rf \"$CC_PG_ROOT\"", "sh" })
            {
                start.ArgumentList.Add(a);
            }

            foreach (var a in (IsRoot ? ["runuser", "-u", "postgres", "--"] : Array.Empty<string>())
                         .Concat([Path.Combine(_bin, "pg_ctl"), "-D", Data, "stop", "-m", "fast", "-w", "-t", "60"]))
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["CC_PG_ROOT"] = _root;
            using var _ = Process.Start(start);
        }

        /// <summary>Stops a server that failed to come up, waiting for it.</summary>
        private void Stop(bool deleteFolder)
        {
            try
            {
                if (File.Exists(Path.Combine(Data, "postmaster.pid")))
                {
                    Run(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "stop", "-m", "fast", "-w", "-t", "30"], _root, asPostgres: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Already stopped, or stopping anyway: the folder goes below.
            }

            if (deleteFolder)
            {
                TryDelete(_root);
            }
        }

        private async Task WaitUntilReadyAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(ConnectionString);
                    await connection.OpenAsync();
                    return;
                }
                catch (NpgsqlException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }

        private static string FindBinaries()
        {
            var candidates = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(d => (Dir: d, Version: double.TryParse(Path.GetFileName(d), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0))
                    .OrderByDescending(d => d.Version)
                    .Select(d => Path.Combine(d.Dir, "bin"))
                    .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                    .ToList()
                : [];
            return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
                "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb): install the Debian package `postgresql` " +
                $"(apt-get install postgresql), or set {EnvironmentVariable} to the connection string of a server the tests may create databases on.");
        }

        /// <summary>Stops and removes clusters left by test runs that died before their exit handler ran.</summary>
        private static void CleanUpAbandoned(string bin)
        {
            foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), Marker + "*"))
            {
                var owner = Path.Combine(dir, "owner.pid");
                if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), out var pid) || IsAlive(pid))
                {
                    continue;
                }

                if (File.Exists(Path.Combine(dir, "data", "postmaster.pid")))
                {
                    try
                    {
                        Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(dir, "data"), "stop", "-m", "immediate", "-w", "-t", "30"], dir, asPostgres: true);
                    }
                    catch (InvalidOperationException)
                    {
                        // Not running any more.
                    }
                }

                TryDelete(dir);
            }
        }

        private static bool IsAlive(int pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static void TryDelete(string dir)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static bool IsRoot => Environment.UserName == "root";

        /// <summary>Runs a command to its end (at most two minutes); output goes to a file so a daemon it starts cannot hold our pipes open.</summary>
        private static void Run(string file, IReadOnlyList<string> args, string workingDirectory, bool asPostgres = false)
        {
            var output = Path.Combine(workingDirectory, $"cc-pg-run-{Guid.NewGuid():N}.log");
            var start = new ProcessStartInfo { UseShellExecute = false, WorkingDirectory = workingDirectory };
            if (asPostgres && IsRoot)
            {
                start.FileName = "runuser";
                foreach (var a in new[] { "-u", "postgres", "--", file })
                {
                    start.ArgumentList.Add(a);
                }
            }
            else
            {
                start.FileName = file;
            }

            // sh only redirects: the arguments stay separate ("$@"), never parsed by a shell.
            var shell = new ProcessStartInfo("sh") { UseShellExecute = false, WorkingDirectory = workingDirectory };
            shell.ArgumentList.Add("-c");
            shell.ArgumentList.Add("\"$@\" > \"$CC_PG_OUT\" 2>&1 < /dev/null");
            shell.ArgumentList.Add("sh");
            shell.ArgumentList.Add(start.FileName);
            foreach (var a in start.ArgumentList.Concat(args))
            {
                shell.ArgumentList.Add(a);
            }

            shell.Environment["CC_PG_OUT"] = output;
            try
            {
                using var process = Process.Start(shell)!;
                if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
                {
                    process.Kill(entireProcessTree: true);
                    throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish in two minutes.");
                }

                if (process.ExitCode != 0)
                {
                    var text = File.Exists(output) ? File.ReadAllText(output) : "";
                    throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {text}");
                }
            }
            finally
            {
                File.Delete(output);
            }
        }
    }
}
