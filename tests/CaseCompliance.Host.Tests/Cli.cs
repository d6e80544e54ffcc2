using System.Diagnostics;

namespace CaseCompliance.Host.Tests;

/// <summary>Runs the real executable (casecompliance.dll) as a separate process, as a user or scheduler would.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string RepoRoot { get; } = FindRoot();

    public static string SampleFolder => Path.Combine(RepoRoot, "samples", "standard");

    /// <summary>
    /// The Host as its own build wrote it (src/CaseCompliance.Host/bin/&lt;configuration&gt;/&lt;tfm&gt;), not the copy in
    /// this test folder, whose dependencies are resolved together with the test tools' (WireMock brings older ones).
    /// </summary>
    public static string HostDll { get; } = FindHost();

    private static string FindHost()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepoRoot, "src", "CaseCompliance.Host", "bin", tfm.Parent!.Name, tfm.Name, "casecompliance.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the Host first: {path} not found.");
    }

    public static string DefaultConfig => Path.Combine(RepoRoot, "appsettings.json");

    public static Result Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostDll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // A developer's own overrides must not leak into the tests.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("CASECOMPLIANCE__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"casecompliance {string.Join(' ', args)} did not finish");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs from the repository root, as the README does.</summary>
    public static Result RunFromRoot(params string[] args) => Run(RepoRoot, args);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseCompliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CaseCompliance.sln not found above the test folder.");
    }
}

/// <summary>A temporary folder removed after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("cc-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
