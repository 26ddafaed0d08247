using System.Diagnostics;
using Sitrep.Fusion;
using Sitrep.Reports;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Reports;

public sealed class SituationReportTests
{
    static SituationReport Build(out IReadOnlyList<CountryShape> shapes)
    {
        var fuser = EventFuser.CreateDefault();
        fuser.Add(ReportFixtures.October2016());
        var fused = fuser.Snapshot();
        var scope = new ReportScope(new DateOnly(2016, 10, 1), new DateOnly(2016, 10, 31), Admin1: "Aleppo");
        var atlas = TopoJson.FindWorldAtlas(SharedData.RepoRoot);
        shapes = atlas is null
            ? TopoJson.ReadCountries(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fusion", "mini-topo.json"))
            : TopoJson.ReadCountries(atlas);
        return SituationReport.Build(scope, fused, ControlMap.Build(fused.Select(f => f.Event)));
    }

    [Fact]
    public void Build_counts_fused_events_in_scope_only()
    {
        var r = Build(out _);
        // Ten days with a strike (two reports fused into one) and a shelling each, plus the Handarat capture; Idlib is out of scope.
        Assert.Equal(21, r.Events.Length);
        Assert.Equal(r.Events.Sum(e => e.Event.Fatalities ?? 0), r.Fatalities);
        Assert.Equal("Handarat", Assert.Single(r.ControlChanges).Place.Name);
        Assert.All(r.Events, e => Assert.Equal("Aleppo", e.Event.Location!.Admin1));
    }

    [Fact]
    public void Html_is_one_self_contained_file_with_charts_map_and_citations()
    {
        var html = ReportRenderer.Html(Build(out var shapes), shapes);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(html.Split("<svg").Length - 1 >= 4, "charts and map");
        Assert.Contains("Events per day", html, StringComparison.Ordinal);
        Assert.Contains("Agency A, 2016-10-01", html, StringComparison.Ordinal);
        Assert.Contains("Conflicting claims", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_has_tables_and_embedded_figures()
    {
        var md = ReportRenderer.Markdown(Build(out var shapes), shapes);
        Assert.Contains("| Explosions/Remote violence |", md, StringComparison.Ordinal);
        Assert.Contains("data:image/svg+xml;base64,", md, StringComparison.Ordinal);
        Assert.Contains("Handarat", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_screenshot_in_headless_chromium_is_not_blank()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Assert.Skip("chromium is not installed here (CI installs it)");
        }

        var dir = Directory.CreateTempSubdirectory("sitrep-report-");
        try
        {
            var htmlPath = Path.Combine(dir.FullName, "report.html");
            var png = Path.Combine(dir.FullName, "shot.png");
            File.WriteAllText(htmlPath, ReportRenderer.Html(Build(out var shapes), shapes));
            var psi = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            foreach (var a in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}",
                "--hide-scrollbars", "--window-size=1500,1100", $"--screenshot={png}", new Uri(htmlPath).AbsoluteUri,
            })
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            _ = p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            _ = p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            if (!p.WaitForExit(120_000))
            {
                p.Kill(entireProcessTree: true);
                Assert.Fail("chromium did not finish within 120 s");
            }

            Assert.True(File.Exists(png), "no screenshot written");
            var image = PngImage.Read(png);
            Assert.Equal(1500, image.Width);
            Assert.True(image.InkShare() > 0.05, $"ink share {image.InkShare():0.000}");
            Assert.True(image.Colours() > 20, $"{image.Colours()} colours");
            var keep = Environment.GetEnvironmentVariable("SITREP_KEEP_SCREENSHOT");
            if (!string.IsNullOrEmpty(keep))
            {
                File.Copy(png, keep, overwrite: true);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
