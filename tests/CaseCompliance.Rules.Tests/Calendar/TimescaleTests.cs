using System.ComponentModel;
using CaseCompliance.Rules.Tests.Support;

namespace CaseCompliance.Rules.Tests.Calendar;

public class TimescaleTests
{
    [Theory]
    [InlineData("45 working days", 45, TimescaleUnit.WorkingDays)]
    [InlineData("14 days", 14, TimescaleUnit.Days)]
    [InlineData("1 week", 1, TimescaleUnit.Weeks)]
    [InlineData("3 Months", 3, TimescaleUnit.Months)]
    [InlineData("24 hours", 24, TimescaleUnit.Hours)]
    [InlineData("10 working-days", 10, TimescaleUnit.WorkingDays)]
    public void Parse_ReadsNumberAndUnit(string text, int amount, TimescaleUnit unit)
    {
        Assert.Equal(new Timescale(amount, unit), Timescale.Parse(text));
    }

    [Theory]
    [InlineData("fortnightly")]
    [InlineData("14")]
    [InlineData("14 fortnights")]
    public void Parse_RefusesWhatItCannotRead(string text)
    {
        Assert.Throws<FormatException>(() => Timescale.Parse(text));
    }

    [Fact]
    public void Months_Truncate_At31January()
    {
        var cal = TestCalendar.EnglandAndWales;
        Assert.Equal(28.February(2025), Timescale.Months(1).AddTo(31.January(2025), cal));
        Assert.Equal(29.February(2024), Timescale.Months(1).AddTo(31.January(2024), cal));
        Assert.Equal(28.February(2025), Timescale.Months(12).AddTo(29.February(2024), cal));
    }

    [Fact]
    public void CalendarDays_AreNotMovedOffWeekendsOrHolidays()
    {
        Assert.Equal(25.December(2024), Timescale.Days(7).AddTo(18.December(2024), TestCalendar.EnglandAndWales));
        Assert.Equal(22.March(2025), Timescale.Weeks(1).AddTo(15.March(2025), TestCalendar.EnglandAndWales));
    }

    [Fact]
    public void Converter_BindsFromText()
    {
        var converter = TypeDescriptor.GetConverter(typeof(Timescale));
        Assert.Equal(Timescale.WorkingDays(10), converter.ConvertFrom("10 working days"));
        Assert.Equal("10 working days", Timescale.WorkingDays(10).ToString());
    }
}

public class IsoDateTests
{
    [Theory]
    [InlineData(2025, 3, 14, "2025-03-14")]
    [InlineData(2024, 2, 29, "2024-02-29")]
    [InlineData(1999, 12, 31, "1999-12-31")]
    [InlineData(2028, 1, 1, "2028-01-01")]
    public void Format_IsIsoDate(int y, int m, int d, string expected)
    {
        Assert.Equal(expected, IsoDate.Format(new LocalDate(y, m, d)));
        Assert.Equal(new LocalDate(y, m, d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), IsoDate.Format(new LocalDate(y, m, d)));
    }
}
