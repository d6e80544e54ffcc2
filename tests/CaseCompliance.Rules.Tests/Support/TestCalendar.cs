using CaseCompliance.Rules.Calendar;

namespace CaseCompliance.Rules.Tests.Support;

/// <summary>The shipped bank holiday file (rules/uk-bank-holidays.json), loaded once.</summary>
public static class TestCalendar
{
    private static readonly Lazy<WorkingDayCalendar> Shipped = new(() => Load("england-and-wales"));

    public static WorkingDayCalendar EnglandAndWales => Shipped.Value;

    public static WorkingDayCalendar Load(string region, IEnumerable<LocalDate>? closures = null)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "uk-bank-holidays.json"));
        return BankHolidayFile.Load(stream, region, closures, "uk-bank-holidays.json");
    }
}
