using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CaseCompliance.Generation.Tests;

/// <summary>Runs the real executable (casecompliance.dll, as the Host's own build wrote it) as a separate process.</summary>
public static class HostProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string RepoRoot { get; } = FindRoot();

    public static string HostDll { get; } = FindHost();

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

    /// <summary>A copy of the shipped appsettings.json whose calendar file is absolute and whose history stays in the folder.</summary>
    public static string Config(string folder)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot, "appsettings.json")))!.AsObject();
        root["Calendar"]!["BankHolidaysFile"] = Path.Combine(RepoRoot, "rules", "uk-bank-holidays.json");
        root["Storage"] = new JsonObject { ["Directory"] = Path.Combine(folder, "data") };
        var path = Path.Combine(folder, "appsettings.json");
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static string FindHost()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepoRoot, "src", "CaseCompliance.Host", "bin", tfm.Parent!.Name, tfm.Name, "casecompliance.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the Host first: {path} not found.");
    }

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
    public string Path { get; } = Directory.CreateTempSubdirectory("cc-gen-").FullName;

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

/// <summary>A small RFC 4180 reader for checking output files (independent of the code under test).</summary>
public static class Csv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        var header = records[0];
        return [.. records.Skip(1).Select(r => header.Select((h, i) => (h, v: i < r.Length ? r[i] : "")).ToDictionary(x => x.h, x => x.v))];
    }

    private static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}
