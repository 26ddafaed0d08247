using Sitrep.Tests.Support;

namespace Sitrep.Tests.Reports;

/// <summary>
/// The done-when checks on the seed articles. They need the event extractor (<c>sitrep extract</c>,
/// issue 5) and ../shared/seeds; they skip with a reason until both are present.
/// </summary>
public sealed class DoneWhenTests : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sitrep-done-when-");

    public void Dispose() => _dir.Delete(recursive: true);

    string ExtractSeeds()
    {
        var seeds = SharedData.Find("seeds");
        if (seeds is null)
        {
            Assert.Skip("../shared/seeds is absent");
        }

        if (!Sitrep.Cli.Program.BuildRoot().Subcommands.Any(c => c.Name == "extract"))
        {
            Assert.Skip("the extractor (sitrep extract, issue 5) has not landed yet");
        }

        var events = Path.Combine(_dir.FullName, "seeds.jsonl");
        var (code, output, err) = CliFusionTests.Run(_dir.FullName, "extract", seeds, "--format", "jsonl", "--db", Path.Combine(_dir.FullName, "s.db"));
        Assert.True(code is 0 or 1, err);
        File.WriteAllText(events, output);
        return events;
    }

    [Fact]
    public void Control_Albu_Kamal_on_2017_11_12_is_Islamic_State_on_AFP_evidence()
    {
        var events = ExtractSeeds();
        var (code, output, err) = CliFusionTests.Run(_dir.FullName, "control", "Albu Kamal", "--at", "2017-11-12", "--events", events);
        Assert.True(code == 0, err + output);
        var first = output.Split('\n')[0];
        Assert.Contains("Islamic State", first, StringComparison.Ordinal);
        Assert.Contains("AFP", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_al_Waleed_history_falls_to_IS_in_2015_then_Iraqi_forces()
    {
        var events = ExtractSeeds();
        var (code, output, err) = CliFusionTests.Run(_dir.FullName, "control", "al-Waleed", "--history", "--events", events);
        Assert.True(code == 0, err + output);
        var lines = output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("    ", StringComparison.Ordinal)).ToArray();
        var isLine = Array.FindIndex(lines, l => l.Contains("Islamic State", StringComparison.Ordinal) && l.Contains("2015", StringComparison.Ordinal));
        var iraqLine = Array.FindIndex(lines, l => l.Contains("Iraq", StringComparison.Ordinal));
        Assert.True(isLine >= 0, output);
        Assert.True(iraqLine > isLine, output);
    }
}
