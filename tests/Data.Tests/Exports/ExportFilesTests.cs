using Admin.Data.Exports;

namespace Admin.Data.Tests.Exports;

/// <summary>Housekeeping touches only files named as exports name them.</summary>
public class ExportFilesTests
{
    [Theory]
    [InlineData("0190f4c26a8e7b1c9d2e3f4a5b6c7d8e.csv", true)]
    [InlineData("0190f4c26a8e7b1c9d2e3f4a5b6c7d8e.ndjson.gz", true)]
    [InlineData("0190f4c26a8e7b1c9d2e3f4a5b6c7d8e.csv.gz.tmp.part2", true)]
    [InlineData("0190f4c26a8e7b1c9d2e3f4a5b6c7d8e.csv.tmp", true)]
    [InlineData("report.csv", false)]
    [InlineData("0190f4c26a8e7b1c9d2e3f4a5b6c7d8e.xlsx", false)]
    [InlineData("..0190f4c26a8e7b1c9d2e3f4a5b6c7d8e.csv", false)]
    public void Export_file_names_are_recognised(string name, bool expected) => Assert.Equal(expected, ExportFiles.IsExportFile(name));

    [Fact]
    public void A_stored_path_outside_the_export_directory_is_not_served()
    {
        var options = new ExportOptions { Directory = Path.Combine(Path.GetTempPath(), "exports-dir") };

        Assert.True(ExportFiles.IsInside(options, Path.Combine(options.Directory, "a.csv")));
        Assert.False(ExportFiles.IsInside(options, Path.Combine(options.Directory, "..", "etc-passwd.csv")));
        Assert.False(ExportFiles.IsInside(options, options.Directory + "-other/a.csv"));
    }
}
