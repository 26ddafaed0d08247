using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Geo;
using Sitrep.Text;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep places FILE|-</c>: the toponyms of a text with their roles and resolved places.</summary>
static class PlacesCommand
{
    public static Command Create()
    {
        var cmd = new Command("places", "List the toponyms of a text file (or - for stdin): role, resolved place, coordinates, precision");
        var file = new Argument<string>("file") { Description = "Text file, or - for standard input" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var places = new Option<string[]>("--places") { Description = "Extra supplement file(s), same format as data/geo/supplement.tsv", AllowMultipleArgumentsPerToken = true };
        cmd.Arguments.Add(file);
        cmd.Options.Add(format);
        cmd.Options.Add(places);
        cmd.SetAction(r =>
        {
            var path = r.GetValue(file)!;
            if (CommonOptions.ReadTextOrStdin(path) is not { } text)
            {
                return 1;
            }

            var parser = Geoparser.Create(new GeoparserOptions { PlacesFiles = [.. r.GetValue(places) ?? []], Trace = Environment.GetEnvironmentVariable("SITREP_GEO_TRACE") == "1" ? Console.Error : null }, Console.Error);
            var spans = new SentenceSplitter().Split(text);
            var mentions = parser.Parse(text, [.. spans.Select((s, i) => new Sentence(i, s, []))]);
            if (r.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(mentions, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }

            Console.WriteLine("span\ttext\trole\tname\tid\tlat\tlon\tcc\tadmin1\tadmin2\tprecision\trelation\tscore");
            foreach (var m in mentions)
            {
                var p = m.Place;
                Console.WriteLine(string.Join('\t',
                    $"{m.Span.Start}-{m.Span.End}",
                    m.Text,
                    m.Role,
                    p?.Name ?? "",
                    p?.Id ?? "",
                    p?.Latitude.ToString("0.0000", CultureInfo.InvariantCulture) ?? "",
                    p?.Longitude.ToString("0.0000", CultureInfo.InvariantCulture) ?? "",
                    p?.CountryCode ?? "",
                    p?.Admin1 ?? "",
                    p?.Admin2 ?? "",
                    m.Precision.ToString(CultureInfo.InvariantCulture),
                    m.Relation ?? "",
                    m.Score.ToString("0.00", CultureInfo.InvariantCulture)));
            }

            return 0;
        });
        return cmd;
    }
}
