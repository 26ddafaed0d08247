using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Temporal;
using Sitrep.Text;

namespace Sitrep.Tests.Events;

/// <summary>Hand-made documents for event tests: one sentence per line, regex tokens, places given by name.</summary>
static class EventTestText
{
    static readonly Regex TokenRx = new(@"\w+(?:[-'’]\w+)*|'s|’s|[^\s\w]", RegexOptions.None, TimeSpan.FromSeconds(1));

    public static EventExtractor Extractor { get; } = new(ActorRegistry.LoadDefault(), TriggerLexicon.LoadDefault());

    public static Place Place(string name, double lat, double lon, string country = "SY", PlaceKind kind = PlaceKind.Settlement, string? admin1 = null) =>
        new("test:" + name.ToLowerInvariant().Replace(' ', '-'), name, lat, lon, country, admin1, null, kind, 1000);

    /// <summary>A document whose sentences are the lines of <paramref name="text"/>; <paramref name="places"/> are marked wherever they occur.</summary>
    public static EventDocument Doc(string text, DateOnly? published = null, IEnumerable<Place>? places = null, IEnumerable<(string Phrase, DateOnly Day)>? dates = null)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var offset = 0;
        foreach (var line in text.Split('\n'))
        {
            var tokens = TokenRx.Matches(line).Select(m => new Token(new TextSpan(offset + m.Index, m.Length), m.Value)).ToImmutableArray();
            sentences.Add(new Sentence(sentences.Count, new TextSpan(offset, line.Length), tokens));
            offset += line.Length + 1;
        }

        var mentions = ImmutableArray.CreateBuilder<PlaceMention>();
        foreach (var p in places ?? [])
        {
            for (var i = text.IndexOf(p.Name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(p.Name, i + 1, StringComparison.Ordinal))
            {
                mentions.Add(new PlaceMention(new TextSpan(i, p.Name.Length), p.Name, ToponymRole.Location, p, 1, null, null, 1));
            }
        }

        var times = ImmutableArray.CreateBuilder<TemporalExpression>();
        foreach (var (phrase, day) in dates ?? [])
        {
            var i = text.IndexOf(phrase, StringComparison.Ordinal);
            times.Add(new TemporalExpression(new TextSpan(i, phrase.Length), new DateInterval(day, day), TimePrecision.Day, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new EventDocument(new DocumentId("test"), text, sentences.ToImmutable(), [.. mentions.OrderBy(m => m.Span.Start)], times.ToImmutable(), published);
    }

    public static ImmutableArray<MatchUnit> Units(string sentence) =>
        MatchUnit.Of([.. TokenRx.Matches(sentence).Select(m => new Token(new TextSpan(m.Index, m.Length), m.Value))]);
}
