using System.Diagnostics;
using Sitrep.Reports;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Reports;

/// <summary>End-to-end runs of the fusion verbs through the built CLI, on hand-built events written as JSONL.</summary>
public sealed class CliFusionTests : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sitrep-cli-fusion-");

    public void Dispose() => _dir.Delete(recursive: true);

    internal static (int Code, string Out, string Err) Run(string workDir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Sitrep.Cli.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["SITREP_HOME"] = SharedData.RepoRoot;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    string WriteEvents()
    {
        var path = Path.Combine(_dir.FullName, "events.jsonl");
        File.WriteAllLines(path, ReportFixtures.October2016().Select(e => EventJson.ToJson(e).ToJsonString()));
        return path;
    }

    [Fact]
    public void Control_answers_holder_with_evidence()
    {
        var events = WriteEvents();
        var (code, output, _) = Run(_dir.FullName, "control", "Handarat", "--at", "2016-10-20", "--events", events);
        Assert.Equal(0, code);
        Assert.Contains("Handarat: Military Forces of Syria since 2016-10-02", output, StringComparison.Ordinal);
        Assert.Contains("Agency A", output, StringComparison.Ordinal);

        var (gcode, geojson, _) = Run(_dir.FullName, "control", "--at", "2016-10-20", "--format", "geojson", "--events", events);
        Assert.Equal(0, gcode);
        Assert.Contains("\"marker-color\"", geojson, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_acled_csv_then_compare_matches_every_event()
    {
        var events = WriteEvents();
        var csv = Path.Combine(_dir.FullName, "ours.csv");
        var (code, _, err) = Run(_dir.FullName, "export", "--format", "acled-csv", "--out", csv, "--events", events);
        Assert.Equal(0, code);
        Assert.Contains("22 fused events from 32 reports", err, StringComparison.Ordinal);
        var (ccode, output, _) = Run(_dir.FullName, "compare", "acled", csv, "--from", "2016-10-01", "--to", "2016-10-31", "--events", events);
        Assert.Equal(0, ccode);
        Assert.Contains("ACLED 22, Sitrep 22: matches 22, misses 0, extras 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_writes_html_file()
    {
        var events = WriteEvents();
        var html = Path.Combine(_dir.FullName, "r.html");
        var (code, _, err) = Run(_dir.FullName, "report", "--from", "2016-10-01", "--to", "2016-10-31", "--admin1", "Aleppo", "--format", "html", "--out", html, "--events", events);
        Assert.True(code == 0, err);
        Assert.Contains("<svg", File.ReadAllText(html), StringComparison.Ordinal);
    }
}
