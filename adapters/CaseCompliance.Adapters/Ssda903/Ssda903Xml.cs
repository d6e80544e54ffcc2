namespace CaseCompliance.Adapters.Ssda903;

/// <summary>The SSDA903 return's XML file, read as the same tables and columns as its CSV files.</summary>
public static class Ssda903Xml
{
    public static Tables.ITableSource Open(string file, SourceOptions options) =>
        new UnreadableSource(file, $"{file}: the XML form of the return is not read yet.");
}
