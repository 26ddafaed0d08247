using System.Globalization;
using Sitrep.Geo;
using Sitrep.Temporal;
using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>
/// What the coder remembers while reading one document: actors and places mentioned so far (for coreference),
/// places per sentence and paragraph, the document's main country and its date anchors.
/// </summary>
internal sealed class DocContext
{
    readonly List<ActorDefinition> _actorMemory = [];
    readonly List<PlaceMention> _placeMemory = [];
    readonly List<PlaceMention>[] _placesBySentence;
    readonly int[] _paragraph;
    readonly int? _latestYear;
    readonly List<string> _countries;

    /// <summary>True when <paramref name="iso2"/> is one of the two countries the document's places lie in most.</summary>
    public bool IsDocumentCountry(string iso2) => _countries.Contains(iso2, StringComparer.Ordinal);

    public DocContext(EventDocument doc, ActorRegistry registry)
    {
        _ = registry;
        var n = doc.Sentences.Length;
        _placesBySentence = new List<PlaceMention>[n];
        _paragraph = new int[n];
        var para = 0;
        for (var i = 0; i < n; i++)
        {
            var s = doc.Sentences[i].Span;
            if (i > 0)
            {
                var gapStart = doc.Sentences[i - 1].Span.End;
                if (s.Start > gapStart && doc.Text.AsSpan(gapStart, s.Start - gapStart).Contains('\n'))
                {
                    para++;
                }
            }

            _paragraph[i] = para;
            // "the Britain-based Observatory", the dateline "BEIRUT": no place of the story (as in the sentence's own places).
            _placesBySentence[i] = [.. doc.Places.Where(p => p.Role == ToponymRole.Location && p.Place is not null && s.Contains(p.Span)
                && !doc.Text.AsSpan(p.Span.End).StartsWith("-based", StringComparison.OrdinalIgnoreCase) && !EventExtractor.IsDatelinePlace(doc.Text, p.Span))];
        }

        _countries = [.. doc.Places.Where(p => p.Role == ToponymRole.Location && p.Place is not null)
            .GroupBy(p => p.Place!.CountryCode, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Take(2).Select(g => g.Key)];
        for (var i = 0; i < n; i++)
        {
            _placesBySentence[i].RemoveAll(p => p.Place!.Kind != PlaceKind.Country && !_countries.Contains(p.Place.CountryCode, StringComparer.Ordinal));
        }

        // Sub-national places say where the story happens; a country name is often an adjective or a party
        // ("US strikes", "the United States said"), so it only breaks ties.
        MainCountry = doc.Places.Where(p => p.Role == ToponymRole.Location && p.Place is not null)
            .GroupBy(p => p.Place!.CountryCode, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count(p => p.Place!.Kind != PlaceKind.Country)).ThenByDescending(g => g.Count())
            .Select(g => g.Key).FirstOrDefault();
        _latestYear = LatestYear(doc.Text);
        if (Sitrep.Documents.Dates.DateText.FindFirst(doc.Text, 0, Math.Min(doc.Text.Length, DatelineReach)) is { } dm)
        {
            _dateline = new TextSpan(dm.Index, dm.Length);
        }
    }

    /// <summary>How far into the text a dateline's date may lie.</summary>
    const int DatelineReach = 300;

    /// <summary>The article's dateline date ("Friday 6 Feb 2015", "Published April 29 2017"): the publication date, never an event's.</summary>
    readonly TextSpan? _dateline;

    /// <summary>The country most places of the document lie in.</summary>
    public string? MainCountry { get; }

    public void Remember(List<EventExtractor.ActorMention> actors, IEnumerable<object> places, int sentence)
    {
        _ = places;
        _actorMemory.AddRange(actors.Where(a => !a.IsAnaphor && a.Def.IsArmed).Select(a => a.Def));
        _placeMemory.AddRange(_placesBySentence[sentence]);
    }

    readonly Dictionary<TriggerClass, ActorDefinition> _actorByClass = [];

    /// <summary>Records the perpetrator of an asserted event coded with a trigger of class <paramref name="cls"/>.</summary>
    public void RememberActorOf(TriggerClass cls, ActorDefinition actor) => _actorByClass[cls] = actor;

    /// <summary>The perpetrator of the latest asserted event of class <paramref name="cls"/>, if any.</summary>
    public ActorDefinition? LastActorOf(TriggerClass cls) => _actorByClass.GetValueOrDefault(cls);

    public ActorDefinition? ResolveAnaphor(string accepts, List<EventExtractor.ActorMention> sentenceSoFar)
    {
        bool Fits(ActorDefinition d) => accepts switch
        {
            "jihadist" => d.Has("jihadist"),
            "nonstate" => d.Kind is ActorKind.RebelGroup or ActorKind.Militia or ActorKind.Unidentified,
            "state" => d.Kind is ActorKind.StateForces or ActorKind.ExternalForce,
            _ => d.IsArmed,
        };

        for (var i = sentenceSoFar.Count - 1; i >= 0; i--)
        {
            if (!sentenceSoFar[i].IsAnaphor && Fits(sentenceSoFar[i].Def))
            {
                return sentenceSoFar[i].Def;
            }
        }

        for (var i = _actorMemory.Count - 1; i >= 0; i--)
        {
            if (Fits(_actorMemory[i]))
            {
                return _actorMemory[i];
            }
        }

        return null;
    }

    public PlaceMention? LastPlace(bool settlement)
    {
        for (var i = _placeMemory.Count - 1; i >= 0; i--)
        {
            var k = _placeMemory[i].Place!.Kind;
            if ((!settlement && k != PlaceKind.Country) || k is PlaceKind.Settlement or PlaceKind.District or PlaceKind.Crossing or PlaceKind.Airbase or PlaceKind.Dam or PlaceKind.OilField)
            {
                return _placeMemory[i];
            }
        }

        return null;
    }

    /// <summary>The nearest place of a neighbouring sentence in the same paragraph (previous first).</summary>
    public PlaceMention? NeighbourPlace(int sentence, bool specificOnly)
    {
        foreach (var d in new[] { -1, 1, -2, 2 })
        {
            var j = sentence + d;
            if (j < 0 || j >= _placesBySentence.Length || _paragraph[j] != _paragraph[sentence] && Math.Abs(d) > 1)
            {
                continue;
            }

            var list = _placesBySentence[j].Where(p => !specificOnly || p.Place!.Kind is not (PlaceKind.Country or PlaceKind.Admin1)).ToList();
            if (list.Count > 0)
            {
                // "the villages of Akhtarin and Turkmen Bareh three kilometres east of Dabiq": Dabiq is the landmark the places
                // are measured from, not one of them.
                // A place far from the landmark it is measured from ("Al Maleh north of Aleppo" read as a village 400 km south) is
                // a misreading; then the landmark is the better place.
                var named = list.Where(p => !IsLandmark(p) && !list.Any(l => IsLandmark(l)
                    && EventMatcher.DistanceKm(p.Place!.Latitude, p.Place.Longitude, l.Place!.Latitude, l.Place.Longitude) > 50)).ToList();
                var from = named.Count > 0 ? named : list;
                return d < 0 ? from[^1] : from[0];
            }
        }

        return null;
    }

    /// <summary>A place named only as a reference point: "east of Dabiq", "10 km north of Aleppo".</summary>
    static bool IsLandmark(PlaceMention p) =>
        p.Relation is { } r && r.EndsWith("-of", StringComparison.Ordinal)
        && (r.StartsWith("north", StringComparison.Ordinal) || r.StartsWith("south", StringComparison.Ordinal)
            || r.StartsWith("east", StringComparison.Ordinal) || r.StartsWith("west", StringComparison.Ordinal));

    /// <summary>The first place of the document that is not a country (the headline's or lead's place).</summary>
    public PlaceMention? FirstPlace() =>
        _placesBySentence.SelectMany(x => x).FirstOrDefault(p => p.Place!.Kind != PlaceKind.Country)
        ?? _placesBySentence.SelectMany(x => x).FirstOrDefault();

    /// <summary>The event date: its own expression, else the publication date (lowered precision), else the document's years.</summary>
    public (DateOnly Date, DateInterval Interval, TimePrecision Precision, RoleRule Rule) DateFor(Sentence sentence, EventExtractor.TriggerMention trigger, EventDocument doc)
    {
        if (doc.Published is { } pub)
        {
            // The expression nearest the trigger: "strikes near Palmyra on Thursday, which government forces recaptured in
            // March" dates the recapture by "in March", not by the sentence's first date.
            var units = MatchUnit.Of(sentence.Tokens);
            var (ts, te) = trigger.Start < units.Length && trigger.End - 1 < units.Length
                ? (units[trigger.Start].Span.Start, units[trigger.End - 1].Span.End) : (sentence.Span.Start, sentence.Span.Start);
            // A date before a photo credit ("... Idlib province Syria August 6 2016 (TRT World and Agencies) A suicide bomber ...")
            // dates the caption, not what follows the credit.
            var own = doc.Times.Where(t => sentence.Span.Contains(t.Span) && !t.Future && t.Interval.Start <= pub && !(_dateline is { } dl && dl.Overlaps(t.Span))
                    && !(t.Span.End <= ts && CreditBetween(doc.Text, t.Span.End, ts)))
                .OrderBy(t => t.Span.Start >= te ? t.Span.Start - te : Math.Max(0, ts - t.Span.End)).ThenBy(t => t.Span.Start).FirstOrDefault();
            if (own is not null)
            {
                var end = own.Interval.End > pub ? pub : own.Interval.End;
                return (own.Interval.Start == end ? end : own.Interval.Start, new DateInterval(own.Interval.Start, end), own.Precision, RoleRule.OwnDate);
            }

            return (pub, new DateInterval(pub.AddDays(-2), pub), TimePrecision.Week, RoleRule.PublicationDate);
        }

        var year = LatestYear(sentence.Span.Of(doc.Text));
        if (year is { } y && y == _latestYear)
        {
            return (new DateOnly(y, 1, 1), new DateInterval(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)), TimePrecision.Month, RoleRule.OwnDate);
        }

        if (_latestYear is { } ly)
        {
            // No publication date: the report is no older than the latest year it mentions; assume within three years.
            return (new DateOnly(ly, 1, 1), new DateInterval(new DateOnly(ly, 1, 1), new DateOnly(Math.Min(9999, ly + 3), 12, 31)), TimePrecision.Month, RoleRule.DocumentYears);
        }

        return (DateOnly.MinValue, new DateInterval(DateOnly.MinValue, DateOnly.MaxValue), TimePrecision.Month, RoleRule.None);
    }

    /// <summary>A parenthesised photo or agency credit ("(TRT World and Agencies)", "(AFP)") between two offsets.</summary>
    static bool CreditBetween(string text, int from, int to)
    {
        var open = text.IndexOf('(', from, to - from);
        if (open < 0)
        {
            return false;
        }

        var close = text.IndexOf(')', open, to - open);
        if (close < 0)
        {
            return false;
        }

        var inside = text.AsSpan(open + 1, close - open - 1);
        foreach (var credit in (ReadOnlySpan<string>)["Agencies", "AFP", "Reuters", "AP Photo", "Getty", "Photo", "File"])
        {
            if (inside.Contains(credit, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The latest four-digit year (1990–2099) written in <paramref name="text"/>.</summary>
    static int? LatestYear(string text)
    {
        int? best = null;
        for (var i = 0; i + 4 <= text.Length; i++)
        {
            if ((i == 0 || !char.IsAsciiDigit(text[i - 1])) && (i + 4 == text.Length || !char.IsAsciiDigit(text[i + 4]))
                && text[i] is '1' or '2' && int.TryParse(text.AsSpan(i, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2099)
            {
                best = best is null ? y : Math.Max(best.Value, y);
            }
        }

        return best;
    }
}
