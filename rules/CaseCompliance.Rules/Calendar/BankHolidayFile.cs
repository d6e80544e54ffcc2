using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace CaseCompliance.Rules.Calendar;

/// <summary>Reads the UK government's bank-holidays.json shape: region → { division, events: [{ date, title }] }.</summary>
public static class BankHolidayFile
{
    public static readonly IReadOnlyList<string> Regions = ["england-and-wales", "scotland", "northern-ireland"];

    /// <summary>Builds the calendar for <paramref name="region"/> from the file's content.</summary>
    public static WorkingDayCalendar Load(Stream json, string region, IEnumerable<LocalDate>? closureDays, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{origin}: not valid JSON ({e.Message}).", e);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty(region, out var division))
            {
                var known = string.Join(", ", document.RootElement.EnumerateObject().Select(p => p.Name));
                throw new InvalidDataException($"{origin}: no region '{region}' (it has: {known}).");
            }

            if (!division.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{origin}: region '{region}' has no 'events' array.");
            }

            var dates = new List<LocalDate>();
            var index = 0;
            foreach (var e in events.EnumerateArray())
            {
                var text = e.TryGetProperty("date", out var d) ? d.GetString() : null;
                var parsed = LocalDatePattern.Iso.Parse(text ?? "");
                if (!parsed.Success)
                {
                    throw new InvalidDataException($"{origin}: {region} event {index}: date '{text}' is not yyyy-MM-dd.");
                }

                dates.Add(parsed.Value);
                index++;
            }

            if (dates.Count == 0)
            {
                throw new InvalidDataException($"{origin}: region '{region}' lists no bank holidays.");
            }

            return new WorkingDayCalendar(region, dates.Min().Year, dates.Max().Year, dates, closureDays);
        }
    }
}
