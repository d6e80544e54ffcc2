using System.Text;
using System.Text.Json;
using CaseCompliance.Rules.Engine;
using NodaTime.Text;

namespace CaseCompliance.Scanning.Output;

/// <summary>summary.json: scan id, as-of date, times, per-source status and counts, counts by rule and status.</summary>
public static class SummaryJson
{
    public static void Write(string path, ScanResult result)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("scan_id", result.ScanId.ToString());
        json.WriteString("as_of", FindingRows.Date(result.AsOf));
        json.WriteString("started_at", InstantPattern.ExtendedIso.Format(result.StartedAt));
        json.WriteString("finished_at", InstantPattern.ExtendedIso.Format(result.FinishedAt));
        json.WriteStartArray("sources");
        foreach (var s in result.Sources)
        {
            json.WriteStartObject();
            json.WriteString("name", s.Name);
            json.WriteString("kind", s.Kind);
            json.WriteString("location", s.Location);
            json.WriteString("status", s.Status);
            if (s.Reason is null)
            {
                json.WriteNull("reason");
            }
            else
            {
                json.WriteString("reason", s.Reason);
            }

            json.WriteNumber("records_read", s.RecordsRead);
            json.WriteNumber("records_rejected", s.RecordsRejected);
            json.WriteNumber("children", s.Children);
            json.WriteNumber("findings", s.Findings);
            json.WriteString("reading", s.Reading);
            if (s.ReadingNote is not null)
            {
                json.WriteString("reading_note", s.ReadingNote);
            }

            if (s.KeptFrom is { } kept)
            {
                json.WriteString("findings_kept_from", FindingRows.Date(kept));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("findings", result.FindingCount);
        json.WriteNumber("exceptions", result.ExceptionCount);
        json.WriteNumber("rejected", result.RejectedCount);
        json.WriteStartObject("counts_by_status");
        foreach (var status in FindingStatuses.All)
        {
            json.WriteNumber(status.Id(), result.Counts.Values.Sum(c => c[status]));
        }

        json.WriteEndObject();
        json.WriteStartObject("counts_by_rule");
        foreach (var (rule, counts) in result.Counts)
        {
            json.WriteStartObject(rule);
            foreach (var status in FindingStatuses.All)
            {
                json.WriteNumber(status.Id(), counts[status]);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
