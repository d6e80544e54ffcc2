using System.Globalization;
using CaseCompliance.Bench;

// bench floor DIR                      read and split every CSV row of DIR with the adapters' reader, nothing else
// bench sep-floor DIR                  the same files split by Sep alone (fields as spans, no strings, no checks)
// bench scan DIR [--runs N]            floor and full scan of DIR, N runs each (medians)
// bench run [--children 10000,100000,1000000] [--runs 3] [--seed 42] [--data DIR] [--as-of yyyy-MM-dd]
//                                      generate (once, kept in --data) and measure each size; prints a markdown table
var options = Options.Parse(args.Skip(1).ToArray());
switch (args.FirstOrDefault())
{
    case "floor" when args.Length >= 2:
    {
        var (rows, _, elapsed) = Floor.Run(args[1]);
        Console.WriteLine($"floor {args[1]}: {rows} rows in {elapsed.TotalSeconds:F2} s ({rows / elapsed.TotalSeconds:F0} rows/s)");
        return 0;
    }

    case "sep-floor" when args.Length >= 2:
    {
        var (rows, _, elapsed) = Floor.Sep(args[1]);
        Console.WriteLine($"sep floor {args[1]}: {rows} rows in {elapsed.TotalSeconds:F2} s ({rows / elapsed.TotalSeconds:F0} rows/s)");
        return 0;
    }

    case "scan" when args.Length >= 2:
        Console.WriteLine(Runner.Table([Runner.Measure(args[1], children: null, options.Runs, options.AsOf)]));
        return 0;

    case "run":
    {
        var results = new List<Measurement>();
        foreach (var n in options.Children)
        {
            var folder = Runner.Generate(options.Data, n, options.Seed, options.AsOf);
            results.Add(Runner.Measure(folder, n, options.Runs, options.AsOf));
            Console.Error.WriteLine(Runner.Table(results));
        }

        Console.WriteLine(Runner.Table(results));
        return 0;
    }

    default:
        Console.Error.WriteLine("usage: bench floor DIR | bench sep-floor DIR | bench scan DIR [--runs N] | bench run [--children 10000,100000] [--runs 3] [--seed 42] [--data DIR] [--as-of yyyy-MM-dd]");
        return 2;
}

internal sealed record Options(int[] Children, int Runs, int Seed, string Data, string AsOf)
{
    public static Options Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Options(
            (Get("--children") ?? "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
            int.Parse(Get("--runs") ?? "3", CultureInfo.InvariantCulture),
            int.Parse(Get("--seed") ?? "42", CultureInfo.InvariantCulture),
            Get("--data") ?? Path.Combine(Path.GetTempPath(), "casecompliance-bench"),
            Get("--as-of") ?? "2026-11-20");
    }
}
