using System.Globalization;
using System.Collections.Immutable;
using Sitrep.Text;

namespace Sitrep.Geo;

/// <summary>
/// Gazetteer-driven geoparser: finds capitalised word sequences that name places (normalisation key, consonant
/// skeleton for transliteration variants, bounded fuzzy match inside the document's focus countries), marks
/// demonyms, metonyms and part-of-name uses, keeps vague places vague ("rural X", "east of X", "X province"),
/// and ranks candidate places by prominence, document country focus, co-mentioned admin units, "X, Y" and
/// "X in Y" relations, distance to the other places and the feature kind the context asks for.
/// </summary>
public sealed class Geoparser : IGeoparser
{
    private const int MaxGram = 6;
    private readonly GazetteerIndex _g;
    private readonly GeoCues _cues;
    private readonly GeoparserOptions _options;
    private readonly System.Collections.Frozen.FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _demonyms;
    private readonly Lazy<Dictionary<long, int[]>> _keysByCountry;

    /// <summary>Creates a geoparser over <paramref name="gazetteer"/>; cue words come from data/geo/cues.tsv.</summary>
    public Geoparser(Gazetteer gazetteer, GeoparserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        _g = gazetteer.Index;
        _options = options ?? new GeoparserOptions();
        _cues = GeoCues.Load(DataFile("cues.tsv"));
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _g.DemonymKeys.Length; i++)
        {
            d.TryAdd(_g.DemonymKeys[i], _g.DemonymPlaces[i]);
        }

        _demonyms = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(d, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _keysByCountry = new Lazy<Dictionary<long, int[]>>(BuildKeysByCountry);
    }

    /// <summary>Loads the gazetteer (building its index when missing) and creates a geoparser.</summary>
    public static Geoparser Create(GeoparserOptions? options = null, TextWriter? log = null)
    {
        options ??= new GeoparserOptions();
        return new Geoparser(Gazetteer.Load(options.PlacesFiles, log), options);
    }

    internal static string DataFile(string name)
    {
        var p = Path.Combine(AppContext.BaseDirectory, "data", "geo", name);
        return File.Exists(p) ? p : Path.Combine(Gazetteer.Home(), "data", "geo", name);
    }

    private enum Match : byte
    {
        Exact,
        Variant,
        Fuzzy,
    }

    private struct Tok
    {
        public int Start;
        public int End;
        public bool Cap;
        public bool SentenceStart;
        public bool Possessive;
        /// <summary>Only spaces or one hyphen between this token and the previous one.</summary>
        public bool Joined;
        public bool HyphenBefore;
    }

    private sealed class Cand
    {
        public int T0;
        public int T1;
        public int Start;
        public int End;
        public Match Match;
        public readonly List<int> Places = [];
        public readonly List<Match> Matches = [];
        public int Demonym = -1;
        public ToponymRole Role = ToponymRole.Location;
        public PlaceKind? KindAsked;
        public string? Relation;
        public int Precision = 1;
        public bool Weak;
        public bool Drop;
        public Cand? Container;
        public int First = -1;
        public bool Forced;
        public bool PersonLike;
        public bool AllCaps;
        public bool Locative;
        public bool PersonName;
        public bool SaidAfter;
        public int Pick = -1;
        public string? Key;
        public bool AtSentenceStart;
        public bool LowerElsewhere;
        public double Score;
        public double[] Scores = [];
        public bool Unresolved;
        public bool Dateline;
        public bool GivenWord;
        public bool NumberAfter;
        public bool DotAfter;
    }

    /// <inheritdoc />
    public ImmutableArray<PlaceMention> Parse(string text, IReadOnlyList<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cands = Run(text, sentences, null);
        var result = ImmutableArray.CreateBuilder<PlaceMention>(cands.Count);
        foreach (var c in cands)
        {
            if (c.Drop || (c.Pick < 0 && !c.Unresolved))
            {
                continue;
            }

            var place = c.Pick >= 0 ? _g.ToPlace(c.Pick) : null;
            var vague = c.Relation is not null && c.Relation is not "province" and not "in";
            result.Add(new PlaceMention(
                TextSpan.FromBounds(c.Start, c.End),
                text[c.Start..c.End],
                c.Role,
                place,
                c.Precision,
                vague ? place : null,
                c.Relation,
                Math.Round(c.Score, 3)));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Resolves given toponym spans (gold recognition, as geocoding benchmarks do) in the context of the whole
    /// document; null where no gazetteer entry matches.
    /// </summary>
    public ImmutableArray<Place?> ResolveSpans(string text, IReadOnlyList<TextSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var cands = Run(text, [], spans);
        var result = ImmutableArray.CreateBuilder<Place?>(spans.Count);
        foreach (var sp in spans)
        {
            var c = cands.Find(x => x.Forced && x.Start == sp.Start && x.End == sp.End);
            result.Add(c is { Pick: >= 0 } ? _g.ToPlace(c.Pick) : null);
        }

        return result.ToImmutable();
    }

    private List<Cand> Run(string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<TextSpan>? forced)
    {
        var spans = sentences is { Count: > 0 } ? sentences.Select(s => s.Span).ToList() : SplitSentences(text);
        var toks = new List<Tok>(text.Length / 5);
        foreach (var s in spans)
        {
            Tokenize(text, s, toks);
        }

        var cands = new List<Cand>();
        Recognise(text, toks, cands);
        Prune(cands);
        if (forced is not null)
        {
            Force(text, toks, cands, forced);
            Prune(cands);
        }

        Context(text, toks, cands);
        PersonNames(text, toks, cands);
        if (forced is null)
        {
            WholeNames(text, toks, cands);
        }

        foreach (var c in cands)
        {
            c.DotAfter = (c.End < text.Length && text[c.End] == '.') || text[c.End - 1] == '.';
            c.NumberAfter = c.End + 1 < text.Length && text[c.End] == ' ' && char.IsAsciiDigit(text[c.End + 1]);
            c.GivenWord = c.T0 == c.T1 && (_cues.Exact(text.AsSpan(c.Start, c.End - c.Start)) & GeoCues.Given) != 0;
            c.Dateline = c.Demonym < 0 && c.End - c.Start >= 3 && !text.AsSpan(c.Start, c.End - c.Start).ContainsAnyInRange('a', 'z') && IsDateline(text, c.Start, c.End);
            c.AtSentenceStart = c.T0 >= 0 && c.T0 < toks.Count && toks[c.T0].SentenceStart;
            c.LowerElsewhere = c.Match != Match.Exact && c.T0 == c.T1 && OccursLowercase(text, text.AsSpan(c.Start, c.End - c.Start));
        }

        if (forced is not null)
        {
            foreach (var c in cands)
            {
                c.Drop &= !c.Forced;
            }
        }

        var focus = Focus(cands);
        if (_options.Fuzzy)
        {
            FuzzyFallback(text, toks, cands, focus);
            Prune(cands);
            cands.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        Resolve(text, cands, focus);
        if (forced is null)
        {
            foreach (var c in cands)
            {
                if (c.Unresolved)
                {
                    c.Pick = -1;
                }
            }

            FacilityNames(text, toks, cands);
        }

        return cands;
    }

    private void Force(string text, List<Tok> toks, List<Cand> cands, IReadOnlyList<TextSpan> forced)
    {
        Span<char> key = stackalloc char[GeoKey.MaxLength];
        Span<char> skel = stackalloc char[GeoKey.MaxLength];
        foreach (var sp in forced)
        {
            var same = cands.Find(c => c.Start == sp.Start && c.End == sp.End);
            if (same is not null)
            {
                same.Forced = true;
                continue;
            }

            cands.RemoveAll(c => c.Start < sp.End && sp.Start < c.End);
            var t0 = toks.FindIndex(t => t.End > sp.Start);
            var t1 = toks.FindLastIndex(t => t.Start < sp.End);
            if (t0 < 0 || t1 < t0)
            {
                continue;
            }

            var c = new Cand { T0 = t0, T1 = t1, Start = sp.Start, End = sp.End, Forced = true, Match = Match.Exact };
            var span = text.AsSpan(sp.Start, sp.End - sp.Start);
            if (span.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            {
                span = span[4..];
            }

            if (span.EndsWith("'s", StringComparison.Ordinal) || span.EndsWith("\u2019s", StringComparison.Ordinal))
            {
                span = span[..^2];
            }

            var kl = GeoKey.Loose(span, key);
            if (kl == 0)
            {
                continue;
            }

            var k = key[..kl];
            if (_demonyms.TryGetValue(k, out var dp))
            {
                c.Demonym = dp;
                c.Role = ToponymRole.Demonym;
                c.Places.Add(dp);
                c.Matches.Add(Match.Exact);
            }
            else
            {
                var ki = _g.Loose.Find(k);
                if (ki >= 0)
                {
                    foreach (var p in _g.Loose.Postings(ki))
                    {
                        c.Places.Add(p);
                        c.Matches.Add(Match.Exact);
                    }
                }

                var sl = GeoKey.Skeleton(k, skel);
                var si = sl >= 2 ? _g.Skeleton.Find(skel[..sl]) : -1;
                if (si >= 0 && c.Places.Count == 0)
                {
                    c.Match = Match.Variant;
                    foreach (var lk in _g.Skeleton.Postings(si))
                    {
                        if (GeoKey.Distance(k, _g.Loose.Key(lk), 2) > 2)
                        {
                            continue;
                        }

                        foreach (var p in _g.Loose.Postings(lk))
                        {
                            c.Places.Add(p);
                            c.Matches.Add(Match.Variant);
                        }
                    }
                }
            }

            if (c.Places.Count > 0)
            {
                cands.Add(c);
            }
        }

        cands.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    // ---------------------------------------------------------------- tokens

    private static List<TextSpan> SplitSentences(string text)
    {
        var list = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = -1;
            if (c == '\n')
            {
                end = i;
            }
            else if (c is '.' or '!' or '?' && i + 2 < text.Length && char.IsWhiteSpace(text[i + 1]))
            {
                var j = i + 1;
                while (j < text.Length && char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                if (j < text.Length && (char.IsUpper(text[j]) || text[j] is '"' or '\u201C'))
                {
                    // "U.S. forces", "Mr. Smith": a one- or two-letter word before the dot is an abbreviation.
                    var k = i - 1;
                    while (k >= 0 && char.IsLetter(text[k]))
                    {
                        k--;
                    }

                    if (i - k - 1 > 2 || (i - k - 1 == 2 && char.IsLower(text[i - 1])))
                    {
                        end = i + 1;
                    }
                }
            }

            if (end >= 0)
            {
                if (end > start)
                {
                    list.Add(TextSpan.FromBounds(start, end));
                }

                start = end;
            }
        }

        if (start < text.Length)
        {
            list.Add(TextSpan.FromBounds(start, text.Length));
        }

        return list;
    }

    /// <summary>
    /// A dateline: an all-caps place name opening the text or a line and followed by a comma, a dash or an
    /// opening bracket ("ATLANTA (AP) —", "PLEASANTON, Calif.--", "CAIRO - ").
    /// </summary>
    private static bool IsDateline(string text, int start, int end)
    {
        var b = start - 1;
        while (b >= 0 && text[b] is ' ' or '\t' or '\r')
        {
            b--;
        }

        if (b >= 0 && text[b] != '\n')
        {
            return false;
        }

        var e = end;
        while (e < text.Length && text[e] == ' ')
        {
            e++;
        }

        // At the very start of the text the dateline may run straight into the story ("OKLAHOMA CITY The Latest").
        return e < text.Length && (text[e] is ',' or '-' or '\u2013' or '\u2014' or '(' || (b < 0 && e > end && e + 1 < text.Length && char.IsUpper(text[e]) && char.IsLower(text[e + 1])));
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\u2019' or '\'' or '\u02BF' or '\u02BE';

    private static void Tokenize(string text, TextSpan s, List<Tok> toks)
    {
        var i = s.Start;
        var first = true;
        var prevEnd = -1;
        while (i < s.End)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var st = i;
            while (i < s.End && IsWordChar(text[i]))
            {
                i++;
            }

            // Dotted abbreviations stay one token: "U.S.", "D.C.", "W.Va.", "B.C.".
            if (i - st <= 3 && char.IsUpper(text[st]) && i + 1 < s.End && text[i] == '.' && char.IsUpper(text[i + 1]))
            {
                while (i < s.End && text[i] == '.' && i + 1 < s.End && char.IsLetter(text[i + 1]))
                {
                    var j = i + 1;
                    while (j < s.End && char.IsLetter(text[j]) && j - i <= 3)
                    {
                        j++;
                    }

                    i = j;
                }

                if (i < s.End && text[i] == '.')
                {
                    i++;
                }
            }

            // Trailing apostrophes and possessive 's are not part of the name.
            var en = i;
            var poss = false;
            if (en - st > 2 && text[en - 1] is 's' && text[en - 2] is '\'' or '\u2019')
            {
                en -= 2;
                poss = true;
            }

            while (en > st && text[en - 1] is '\'' or '\u2019' or '\u02BF' or '\u02BE')
            {
                en--;
            }

            var joined = false;
            var hyphen = false;
            if (prevEnd >= 0)
            {
                var gap = text.AsSpan(prevEnd, st - prevEnd);
                joined = gap.Length > 0 && gap.Length <= 3 && IsJoinGap(gap, out hyphen);

                // "St. Petersburg", "Mt. Hood", "Ft. Worth": the abbreviation's dot does not break the name.
                var pt = toks.Count > 0 ? toks[^1] : default;
                if (!joined && gap is ". " && pt.End - pt.Start == 2 && text.AsSpan(pt.Start, 2) is "St" or "Mt" or "Ft" or "ST" or "MT" or "FT" && char.IsUpper(text[st]))
                {
                    joined = true;
                }
            }

            toks.Add(new Tok
            {
                Start = st,
                End = en,
                Cap = char.IsUpper(text[st]),
                SentenceStart = first,
                Possessive = poss,
                Joined = joined,
                HyphenBefore = hyphen,
            });
            first = false;
            prevEnd = i;
        }
    }

    private static bool IsJoinGap(ReadOnlySpan<char> gap, out bool hyphen)
    {
        hyphen = false;
        var hyphens = 0;
        foreach (var c in gap)
        {
            if (c is '-' or '\u2010' or '\u2011')
            {
                hyphens++;
                hyphen = true;
            }
            else if (c != ' ')
            {
                return false;
            }
        }

        // " - " with spaces on both sides is a dash between phrases ("CAIRO - On a field"), not a hyphen.
        return hyphens <= 1 && !(hyphen && gap.Length == 3 && gap[0] == ' ' && gap[2] == ' ');
    }

    private static bool IsAllCapsWord(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || w.Contains('.'))
        {
            return false;
        }

        foreach (var c in w)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFunctionWord(ReadOnlySpan<char> w)
    {
        Span<char> lw = stackalloc char[Math.Min(w.Length, 16)];
        if (w.Length > 16)
        {
            return false;
        }

        w.ToLowerInvariant(lw);
        return lw is "the" or "a" or "an" or "in" or "on" or "at" or "of" or "for" or "from" or "to" or "by" or "with" or "as" or "and" or "but"
            or "or" or "if" or "when" or "while" or "after" or "before" or "since" or "during" or "under" or "over" or "between" or "among"
            or "against" or "into" or "through" or "about" or "across" or "around" or "this" or "that" or "these" or "those" or "it" or "its"
            or "he" or "she" or "they" or "we" or "i" or "you" or "his" or "her" or "their" or "our" or "my" or "your" or "not" or "no" or "so"
            or "then" or "there" or "here" or "what" or "which" or "who" or "where" or "why" or "how" or "all" or "some" or "any" or "each"
            or "every" or "both" or "near" or "outside" or "inside" or "via" or "toward" or "towards" or "is" or "was" or "are" or "were";
    }

    private static bool IsConnector(ReadOnlySpan<char> w) => w switch
    {
        "al" or "el" or "ad" or "ar" or "as" or "az" or "ash" or "at" or "an" or "ez" or "es" or "ed" or "en" or "er" or "et"
            or "de" or "del" or "la" or "le" or "of" or "the" or "bin" or "bint" or "ibn" or "on" or "upon" or "du" or "des" or "da" or "do" or "dos" or "das" => true,
        _ => false,
    };

    private static bool IsArticle(ReadOnlySpan<char> w) => w is "al" or "el" or "ad" or "ar" or "as" or "az" or "ash" or "at" or "an" or "ez" or "es" or "ed" or "en";

    // ---------------------------------------------------------------- recognition

    /// <summary>True when <paramref name="word"/> also occurs in lower case as a whole word in the text.</summary>
    private static bool OccursLowercase(string text, ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.Length > 40)
        {
            return false;
        }

        Span<char> low = stackalloc char[word.Length];
        word.ToLowerInvariant(low);
        var all = text.AsSpan();
        var from = 0;
        while (from < all.Length)
        {
            var k = all[from..].IndexOf(low, StringComparison.Ordinal);
            if (k < 0)
            {
                return false;
            }

            var at = from + k;
            var end = at + low.Length;
            if ((at == 0 || !char.IsLetter(all[at - 1])) && (end >= all.Length || !char.IsLetter(all[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    private void Prune(List<Cand> cands)
    {
        foreach (var c in cands)
        {
            TrimNamesakes(c);
        }
    }

    /// <summary>Keeps the 24 most prominent namesakes: context can lift one of them, not one of thousands.</summary>
    private void TrimNamesakes(Cand c)
    {
        if (c.Places.Count <= 24)
        {
            return;
        }

        var order = Enumerable.Range(0, c.Places.Count).OrderByDescending(j => Prior(c.Places[j]) - MatchPenalty(c.Matches[j])).Take(24).ToArray();
        var keepP = order.Select(j => c.Places[j]).ToList();
        var keepM = order.Select(j => c.Matches[j]).ToList();
        c.Places.Clear();
        c.Places.AddRange(keepP);
        c.Matches.Clear();
        c.Matches.AddRange(keepM);
    }

    private void Recognise(string text, List<Tok> toks, List<Cand> cands)
    {
        Span<char> key = stackalloc char[GeoKey.MaxLength];
        Span<char> skel = stackalloc char[GeoKey.MaxLength];
        var i = 0;
        while (i < toks.Count)
        {
            var t = toks[i];
            var w = text.AsSpan(t.Start, t.End - t.Start);
            var articleStart = !t.Cap && IsArticle(w) && i + 1 < toks.Count && toks[i + 1].Joined && toks[i + 1].HyphenBefore && toks[i + 1].Cap;
            if (!t.Cap || !char.IsLetter(w[0]))
            {
                if (!articleStart)
                {
                    i++;
                    continue;
                }
            }

            var maxN = 1;
            while (maxN < MaxGram && i + maxN < toks.Count && toks[i + maxN].Joined && !toks[i + maxN - 1].Possessive)
            {
                var nt = toks[i + maxN];
                var nw = text.AsSpan(nt.Start, nt.End - nt.Start);
                if (!nt.Cap && !IsConnector(nw))
                {
                    break;
                }

                maxN++;
            }

            Cand? found = null;
            for (var n = maxN; n >= 1 && found is null; n--)
            {
                var last = toks[i + n - 1];
                if (!last.Cap)
                {
                    continue;
                }

                var span = text.AsSpan(t.Start, last.End - t.Start);
                if (n == 1 && (_cues.Exact(span) & GeoCues.Stop) != 0)
                {
                    continue;
                }

                var kl = GeoKey.Loose(span, key);
                if (kl == 0)
                {
                    continue;
                }

                var k = key[..kl];
                if (n == 1 && _demonyms.TryGetValue(k, out var dplace))
                {
                    found = new Cand { T0 = i, T1 = i, Start = t.Start, End = last.End, Demonym = dplace, Role = ToponymRole.Demonym, Match = Match.Exact };
                    found.Places.Add(dplace);
                    found.Matches.Add(Match.Exact);
                    break;
                }

                if (n == 1 && kl > 4 && k[^1] == 's' && _g.Loose.Find(k) < 0 && _g.Loose.Find(k[..^1]) is var stemKey and >= 0
                    && _g.Loose.Postings(stemKey).ToArray() is var sp && Array.Exists(sp, q => _g.KindOf(q) == PlaceKind.Country))
                {
                    // "Syrias", "Iraqs": a possessive that lost its apostrophe names the country, like "Syria's".
                    var country = Array.Find(sp, q => _g.KindOf(q) == PlaceKind.Country);
                    found = new Cand { T0 = i, T1 = i, Start = t.Start, End = last.End, Demonym = country, Role = ToponymRole.Demonym, Match = Match.Exact };
                    found.Places.Add(country);
                    found.Matches.Add(Match.Exact);
                    break;
                }

                var ki = _g.Loose.Find(k);
                if (ki >= 0)
                {
                    found = new Cand { T0 = i, T1 = i + n - 1, Start = t.Start, End = last.End, Match = Match.Exact };
                    foreach (var p in _g.Loose.Postings(ki))
                    {
                        found.Places.Add(p);
                        found.Matches.Add(Match.Exact);
                    }
                }

                // A spelling variant never starts at a stop word: "The New" must not swallow "New" of "The New York Times".
                var sl = GeoKey.Skeleton(k, skel);
                // Nor does it read an acronym's plural ("CEOs", "NGOs") as a misspelt town.
                if (found is null && kl >= 4 && sl >= 2 && !(n == 1 && w.Length > 2 && char.IsUpper(w[1]) && char.IsLower(w[^1])) && !(n > 1 && ((_cues.Exact(w) & GeoCues.Stop) != 0 || (_cues.Exact(text.AsSpan(last.Start, last.End - last.Start)) & GeoCues.Stop) != 0)))
                {
                    var si = _g.Skeleton.Find(skel[..sl]);
                    if (si >= 0)
                    {
                        var maxD = 1 + (kl / 6);
                        foreach (var lk in _g.Skeleton.Postings(si))
                        {
                            if (lk == ki)
                            {
                                continue;
                            }

                            var other = _g.Loose.Key(lk);
                            if (GeoKey.Distance(k, other, maxD) > maxD || other[0] != k[0] && !(other.Length > 1 && k.Length > 1 && other[1] == k[1]))
                            {
                                continue;
                            }

                            found ??= new Cand { T0 = i, T1 = i + n - 1, Start = t.Start, End = last.End, Match = Match.Variant };
                            foreach (var p in _g.Loose.Postings(lk))
                            {
                                if (!found.Places.Contains(p))
                                {
                                    found.Places.Add(p);
                                    found.Matches.Add(Match.Variant);
                                }
                            }
                        }
                    }
                }

                if (found is not null && n == 1 && !t.SentenceStart && found.Match == Match.Exact
                    && OccursLowercase(text, span))
                {
                    // A capitalised common word ("Bush", "Reading" mid-sentence in a title) stays weak.
                    found.Weak = true;
                }
            }

            if (found is not null && found.Match == Match.Exact)
            {
                ExtendOverKindWord(text, toks, found, key);
            }

            if (found is null)
            {
                i++;
                continue;
            }

            if (articleStart && found.T0 == i && found.T1 == i)
            {
                i++;
                continue;
            }

            found.AllCaps = IsAllCapsWord(text.AsSpan(found.Start, found.End - found.Start));
            cands.Add(found);
            i = found.T1 + 1;
        }
    }

    /// <summary>
    /// "Tabqa airbase", "Tabqa air base", "Tishrin dam": a name followed by its lower-case kind word (one or two words, cues.tsv
    /// <c>kind:</c>, "air base") is one toponym when the gazetteer knows the name and the kind word together, so the facility is
    /// found instead of the town it is named after.
    /// </summary>
    private void ExtendOverKindWord(string text, List<Tok> toks, Cand found, Span<char> key)
    {
        for (var extra = 2; extra >= 1; extra--)
        {
            var endTok = found.T1 + extra;
            if (endTok >= toks.Count || toks[found.T1].Possessive)
            {
                continue;
            }

            var ok = true;
            for (var j = found.T1 + 1; j <= endTok && ok; j++)
            {
                ok = toks[j].Joined && !toks[j].Cap && !toks[j - 1].Possessive;
            }

            var lastW = text.AsSpan(toks[endTok].Start, toks[endTok].End - toks[endTok].Start);
            if (!ok || _cues.Kind(lastW) is null && !(extra == 2 && lastW is "base" or "bases"))
            {
                continue;
            }

            var span = text.AsSpan(found.Start, toks[endTok].End - found.Start);
            var kl = GeoKey.Loose(span, key);
            if (kl == 0)
            {
                continue;
            }

            var ki = _g.Loose.Find(key[..kl]);
            if (ki < 0)
            {
                continue;
            }

            found.Places.Clear();
            found.Matches.Clear();
            foreach (var p in _g.Loose.Postings(ki))
            {
                found.Places.Add(p);
                found.Matches.Add(Match.Exact);
            }

            found.T1 = endTok;
            found.End = toks[endTok].End;
            return;
        }
    }

    // ---------------------------------------------------------------- context: roles, vagueness, kinds

    private void Context(string text, List<Tok> toks, List<Cand> cands)
    {
        var startsAt = new Dictionary<int, Cand>();
        foreach (var c in cands)
        {
            if (c.Match == Match.Exact && !c.Weak)
            {
                startsAt[c.T0] = c;
            }
        }

        foreach (var c in cands)
        {
            var first = toks[c.T0];
            var last = toks[c.T1];
            ReadOnlySpan<char> W(int ti) => text.AsSpan(toks[ti].Start, toks[ti].End - toks[ti].Start);
            bool Adjacent(int ti) => ti > 0 && ti < toks.Count && toks[ti].Joined && !toks[ti - 1].Possessive;

            var prev = c.T0 - 1;
            var next = c.T1 + 1;
            var hasNext = next < toks.Count && Adjacent(next) && !last.Possessive;
            var hasPrev = prev >= 0 && Adjacent(c.T0);
            var nextW = hasNext ? W(next) : default;
            var prevW = hasPrev ? W(prev) : default;
            var isCountry = c.Places.Exists(p => _g.KindOf(p) == PlaceKind.Country);
            if (prev >= 0 && !toks[prev].Cap)
            {
                c.Locative = W(prev) is "in" or "at" or "near" or "from" or "to" or "into" or "outside" or "around" or "across" or "toward" or "towards"
                    or "via" or "through" or "between" or "of" or "inside" or "within" or "throughout" or "visit" or "visited" or "reach" or "reached";
            }

            // Kind asked by the following or preceding word: "Aleppo province", "the city of Raqqa", "Tabqa dam".
            if (hasNext && _cues.Kind(nextW) is { } k1)
            {
                c.KindAsked = k1;
                if (k1 is PlaceKind.Admin1 or PlaceKind.Admin2)
                {
                    c.Relation = "province";
                    c.Precision = 3;
                }
            }
            else if (prev >= 1 && W(prev) is "of" && _cues.Kind(W(prev - 1)) is { } k2)
            {
                c.KindAsked = k2;
                if (k2 is PlaceKind.Admin1 or PlaceKind.Admin2)
                {
                    c.Relation = "province";
                    c.Precision = 3;
                }
            }

            // Person names: "President Trump", "Gen. Jackson".
            if (hasPrev && (_cues.IsTitle(prevW) || (toks[prev].Cap && !toks[prev].SentenceStart && c.Match != Match.Exact && (_cues.Exact(prevW) & GeoCues.Stop) == 0)) && !isCountry && c.Demonym < 0)
            {
                c.Drop = true;
                continue;
            }

            // Demonyms and possessive countries.
            if (c.Demonym >= 0)
            {
                if (hasNext && nextW is "border" or "borders" or "frontier")
                {
                    c.Role = ToponymRole.Location;
                    c.Relation = "border";
                    c.Precision = 3;
                }
                else if (hasNext && toks[next].Cap && (_cues.Exact(nextW) & GeoCues.TitleNext) == 0 && !startsAt.ContainsKey(next) && NameWord(nextW))
                {
                    c.Role = ToponymRole.PartOfName;
                }
                else if (hasPrev && toks[prev].Cap && !toks[prev].SentenceStart && (_cues.Exact(prevW) & GeoCues.Stop) == 0 && !IsPlaceEnd(cands, prev))
                {
                    c.Role = ToponymRole.PartOfName;
                }

                continue;
            }

            if (c.Match != Match.Exact && hasNext && toks[next].Cap && (_cues.Exact(nextW) & GeoCues.Stop) == 0)
            {
                c.Drop = true;
                continue;
            }

            // Part of an organisation's or a person's name: a capitalised neighbour that is no place.
            if (hasNext && toks[next].Cap && !startsAt.ContainsKey(next) && _cues.Kind(nextW) is null && NameWord(nextW))
            {
                c.Role = ToponymRole.PartOfName;
                // A plural after the place names a team or a group ("Texas Rangers", "Buffalo Bisons"), not a person.
                c.PersonLike = (_cues.Exact(nextW) & GeoCues.Org) == 0
                    && !(nextW.Length > 4 && nextW[^1] == 's' && nextW[^2] is not ('s' or 'u' or 'i') && (_cues.Exact(nextW) & (GeoCues.Name | GeoCues.Given)) == 0);
            }
            else if (hasPrev && toks[prev].Cap && !toks[prev].SentenceStart && ((_cues.Exact(prevW) & GeoCues.Stop) == 0 || (_cues.Exact(prevW) & GeoCues.Name) != 0) && !IsPlaceEnd(cands, prev)
                && !(toks[prev].End - toks[prev].Start <= 3 && IsArticle(prevW)))
            {
                c.Role = ToponymRole.PartOfName;
                c.PersonLike = true;
            }

            // Metonyms: a country, capital or seat of government that says, wants or condemns.
            if (c.Role == ToponymRole.Location)
            {
                var n = c.T1 + 1;
                if (n < toks.Count && (_cues.Lower(W(n)) & GeoCues.Aux) != 0)
                {
                    n++;
                }

                if (n < toks.Count && (_cues.Lower(W(n)) & GeoCues.Aux) != 0)
                {
                    n++;
                }

                var speaks = n < toks.Count && !last.Possessive && !toks[n].Cap && (_cues.Lower(W(n)) & GeoCues.Verb) != 0;
                // "Mike said" (a person), but not "... in Charleston," said Sue: punctuation ends the place's clause.
                c.SaidAfter = next < toks.Count && !last.Possessive && W(next) is "said" or "says" or "told" or "added" or "wrote" or "explained" or "noted"
                    && text.AsSpan(last.End, toks[next].Start - last.End).IsWhiteSpace();
                var seat = c.Places.Exists(p => _g.KindOf(p) == PlaceKind.Other && _g.Is(p, PlaceFlags.Supplement) && _g.CountryOf(p) is "RU" or "US" or "GB" or "FR");
                if (seat || (speaks && c.Places.Exists(p => _g.KindOf(p) == PlaceKind.Country || _g.Is(p, PlaceFlags.Capital))))
                {
                    c.Role = ToponymRole.Metonym;
                }
                else if (last.Possessive && isCountry)
                {
                    c.Role = ToponymRole.Demonym;
                }
            }

            // Vague places: "southwestern Aleppo", "rural Deir Ezzor", "the Aleppo countryside", "east of X", "near X".
            if (c.Role != ToponymRole.Location)
            {
                continue;
            }

            if (hasNext && (_cues.Lower(nextW) & GeoCues.Rural) != 0)
            {
                c.Relation = nextW.ToString().ToLowerInvariant();
                c.Precision = nextW is "outskirts" or "suburbs" or "suburb" or "environs" ? 2 : 3;
            }
            else if (last.Possessive && next < toks.Count && (_cues.Lower(W(next)) & GeoCues.Rural) != 0)
            {
                c.Relation = W(next).ToString().ToLowerInvariant();
                c.Precision = 3;
            }
            else if (prev >= 0)
            {
                var pw = W(prev);
                var pl = _cues.Lower(pw);
                var the = pw is "the";
                var p2 = the && prev >= 1 ? W(prev - 1) : pw;
                if (!toks[prev].Cap && (pl & GeoCues.Direction) != 0)
                {
                    c.Relation = pw.ToString().ToLowerInvariant();
                    c.Precision = isCountry ? 3 : 2;
                }
                else if ((pl & GeoCues.Rural) != 0 && pw is "rural")
                {
                    c.Relation = "rural";
                    c.Precision = 3;
                }
                else if (pw is "of" && prev >= 1 && ((_cues.Lower(W(prev - 1)) & (GeoCues.Direction | GeoCues.Near | GeoCues.Rural)) != 0))
                {
                    var rel = W(prev - 1).ToString().ToLowerInvariant();
                    c.Relation = rel is "countryside" or "rural" ? "countryside" : rel + "-of";
                    c.Precision = rel is "countryside" ? 3 : 2;
                }
                else if (((_cues.Lower(p2) & GeoCues.Near) != 0 && !toks[the ? prev - 1 : prev].Cap) || pw is "outside" or "around")
                {
                    c.Relation = "near";
                    c.Precision = 2;
                }
            }

            // "X in Y" and "X, Y": remember the container mention for resolution.
            if (next + 1 < toks.Count && W(next) is "in" && startsAt.TryGetValue(next + 1, out var y1))
            {
                c.Container = y1;
            }
            else if (next < toks.Count && !last.Possessive && text.AsSpan(last.End, toks[next].Start - last.End).Trim() is "," && startsAt.TryGetValue(next, out var y2))
            {
                c.Container = y2;
            }
        }
    }

    /// <summary>
    /// Grows a mention to the whole name it sits in when that name is a facility, body or natural feature
    /// ("University of California", "Colchester General Hospital", "Indian Ocean", "Sokoto State"), to a
    /// capitalised direction before it ("West Wales", "South Africans", "Central American") and to the dot of
    /// an abbreviation ("Va."): GeoWebNews (Gritta et al. 2020) annotates those whole spans as the toponym.
    /// The place stays the one the embedded name resolves to.
    /// </summary>
    private void WholeNames(string text, List<Tok> toks, List<Cand> cands)
    {
        const int MaxExtra = 4;
        ReadOnlySpan<char> W(int ti) => text.AsSpan(toks[ti].Start, toks[ti].End - toks[ti].Start);
        // Capitalised stop words may sit inside such a name ("Colchester General Hospital", "University of ...");
        // short function words ("The", "In", "And") and persons' names may not.
        bool Inner(int ti)
        {
            var f = _cues.Exact(W(ti));
            return toks[ti].Cap && !IsAllCapsWord(W(ti)) && (f & GeoCues.Name) == 0
                && ((f & GeoCues.Stop) == 0 || (f & GeoCues.Facility) != 0 || W(ti).Length > 5);
        }

        // A neighbouring mention of a country or province blocks growth ("British Embassy Tokyo" stays apart);
        // a lesser one ("University", a town in Florida; "General") is swallowed by the grown name.
        var taken = new HashSet<int>();
        var at = new Dictionary<int, Cand>();
        foreach (var c in cands)
        {
            var major = c.Places.Exists(p => _g.KindOf(p) is PlaceKind.Country or PlaceKind.Admin1);
            for (var t = c.T0; t <= c.T1; t++)
            {
                at[t] = c;
                if (major || c.T1 > c.T0)
                {
                    taken.Add(t);
                }
            }
        }

        foreach (var c in cands)
        {
            if (c.Drop || c.Match != Match.Exact)
            {
                continue;
            }

            // Rightwards: "Colchester General Hospital", "Indian Ocean", "Sokoto State".
            int t0 = c.T0, t1 = c.T1;
            var r = c.T1;
            var head = -1;
            // "St. Peter's Basilica", "St Mary's Hospital": a saint's name owns the building; the saint is no place.
            var saint = c.T1 > c.T0 && W(c.T0) is "St" or "Saint" or "San" or "Santa" && toks[c.T1].Possessive;
            // A head word that is itself a mention ("Delta", a Nigerian state) is still the head: "Nile Delta", "Niger Delta".
            bool Free(int ti) => !taken.Contains(ti) || ((_cues.Exact(W(ti)) & GeoCues.Facility) != 0 && at.TryGetValue(ti, out var hc) && hc.T0 == ti && hc.T1 == ti);
            while (r + 1 < toks.Count && r + 1 - c.T1 <= MaxExtra && toks[r + 1].Joined && (!toks[r].Possessive || (saint && r == c.T1)) && Inner(r + 1) && Free(r + 1))
            {
                r++;
                if ((_cues.Exact(W(r)) & GeoCues.Facility) != 0)
                {
                    head = r;
                }
            }

            if (head >= 0)
            {
                t1 = head;
                c.Unresolved |= saint;
            }
            else if (saint)
            {
                continue;
            }

            // Leftwards: "University of California", "Embassy of the Republic of Armenia", "Lake Manassas", "Smart Dubai Office".
            var l = c.T0;
            var lhead = -1;
            while (l - 1 >= 0 && c.T0 - (l - 1) <= MaxExtra && toks[l].Joined && !toks[l - 1].Possessive && !taken.Contains(l - 1))
            {
                var pw = W(l - 1);
                if (Inner(l - 1))
                {
                    l--;
                    if ((_cues.Exact(W(l)) & GeoCues.Facility) != 0)
                    {
                        lhead = l;
                    }
                }
                else if (pw is "of" or "the" && l - 2 >= 0 && toks[l - 1].Joined && !toks[l - 2].Possessive && Inner(l - 2) && !taken.Contains(l - 2))
                {
                    l -= 2;
                    if ((_cues.Exact(W(l)) & GeoCues.Facility) != 0)
                    {
                        lhead = l;
                    }
                }
                else
                {
                    break;
                }
            }

            if (lhead >= 0 && (head >= 0 || t1 == c.T1))
            {
                t0 = lhead;
                // A prefix before the place joins only when the name ends in a facility head ("Smart Dubai Office").
            }
            else if (head >= 0 && l < c.T0 && l >= 0)
            {
                var k = c.T0 - 1;
                while (k >= l && (_cues.Exact(W(k)) & GeoCues.Facility) == 0 && Inner(k))
                {
                    k--;
                }

                t0 = k + 1;
            }

            // A capitalised direction: "West Wales", "South Africans", "Central American".
            if (t0 == c.T0 && c.T0 > 0 && toks[c.T0].Joined && !toks[c.T0 - 1].Possessive && toks[c.T0 - 1].Cap && !taken.Contains(c.T0 - 1)
                && (_cues.Lower(W(c.T0 - 1)) & GeoCues.Direction) != 0 && !W(c.T0 - 1).Contains('-'))
            {
                t0 = c.T0 - 1;
            }

            // The first token of a sentence is capitalised anyway; do not grow onto a stop word there.
            while (t0 < c.T0 && (_cues.Exact(W(t0)) & (GeoCues.Stop | GeoCues.Facility)) == GeoCues.Stop && (_cues.Lower(W(t0)) & GeoCues.Direction) == 0)
            {
                t0++;
            }

            if (t0 != c.T0 || t1 != c.T1)
            {
                for (var t = t0; t <= t1; t++)
                {
                    taken.Add(t);
                    if (at.TryGetValue(t, out var swallowed) && swallowed != c)
                    {
                        swallowed.Drop = true;
                    }
                }

                c.T0 = t0;
                c.T1 = t1;
                c.Start = toks[t0].Start;
                c.End = toks[t1].End;
            }

            // "Birmingham City", "Quebec City": a capitalised "City" closing the name belongs to it (a club or the
            // city itself); "City Council", "City Hall" run on and stay apart.
            if (c.T1 == t1 && c.T1 + 1 < toks.Count && W(c.T1 + 1) is "City" && toks[c.T1 + 1].Joined && !toks[c.T1].Possessive && !taken.Contains(c.T1 + 1)
                && !(c.T1 + 2 < toks.Count && toks[c.T1 + 2].Joined && !toks[c.T1 + 1].Possessive && toks[c.T1 + 2].Cap)
                && c.Places.Exists(p => _g.KindOf(p) is PlaceKind.Settlement or PlaceKind.Admin2))
            {
                if (at.TryGetValue(c.T1 + 1, out var cityCand) && cityCand != c)
                {
                    cityCand.Drop = true;
                }

                c.T1++;
                c.End = toks[c.T1].End;
                taken.Add(c.T1);
            }

            // "Washington, D.C." is one name: GeoWebNews annotates it whole.
            if (c.T0 == c.T1 && c.T1 + 1 < toks.Count && W(c.T0) is "Washington" && W(c.T1 + 1) is "D.C." && text.AsSpan(c.End, toks[c.T1 + 1].Start - c.End) is ", ")
            {
                if (at.TryGetValue(c.T1 + 1, out var dc) && dc != c)
                {
                    dc.Drop = true;
                }

                c.T1++;
                c.End = toks[c.T1].End;
                taken.Add(c.T1);
                continue;
            }

            // "Va.", "Calif.": the dot of a state abbreviation is part of the name.
            if (c.T0 == c.T1 && c.End < text.Length && text[c.End] == '.' && c.End - c.Start <= 5 && char.IsLower(text[c.End - 1])
                && c.Places.Exists(p => _g.KindOf(p) == PlaceKind.Admin1)
                && !c.Places.Exists(p => text.AsSpan(c.Start, c.End - c.Start).Equals(_g.ToPlace(p).Name, StringComparison.OrdinalIgnoreCase)))
            {
                c.End++;
            }
        }
    }

    /// <summary>
    /// Names of streets, buildings, facilities and natural features that hold no gazetteer name ("Royal Street",
    /// "Carnegie Library", "Alder Hey Children's Hospital", "Meydan Racecourse", "University of Perpetual Help"):
    /// a run of capitalised words closed by a <c>site</c> head of data/geo/cues.tsv. GeoWebNews annotates them as
    /// toponyms (Literal, Coercion); they are reported with no place (the gazetteer has none) and never where a
    /// resolved mention already stands.
    /// </summary>
    private void FacilityNames(string text, List<Tok> toks, List<Cand> cands)
    {
        const int MaxLeft = 5;
        ReadOnlySpan<char> W(int ti) => text.AsSpan(toks[ti].Start, toks[ti].End - toks[ti].Start);
        var placeEnd = new HashSet<int>();
        var covered = new HashSet<int>();
        foreach (var c in cands)
        {
            if (c.Places.Count > 0)
            {
                placeEnd.Add(c.T1);
            }

            if (!c.Drop && (c.Pick >= 0 || c.Unresolved))
            {
                for (var t = c.T0; t <= c.T1; t++)
                {
                    covered.Add(t);
                }
            }
        }

        // "St. Peter's Basilica", "University of St. Thomas": the dot of St./Mt. does not break the name.
        bool Next(int ti) => ti < toks.Count && (toks[ti].Joined
            || (W(ti - 1) is "St" or "Mt" or "Ft" && text.AsSpan(toks[ti - 1].End, toks[ti].Start - toks[ti - 1].End) is ". "));

        // A word of the name: capitalised, not a short function word ("The", "In") and not a sentence-initial stop word.
        bool Word(int ti)
        {
            var w = W(ti);
            if (!toks[ti].Cap || !char.IsLetterOrDigit(w[0]))
            {
                return false;
            }

            var f = _cues.Exact(w);
            return (f & GeoCues.Stop) == 0 || (f & (GeoCues.Facility | GeoCues.Site)) != 0 || (!toks[ti].SentenceStart && !IsFunctionWord(w));
        }

        var added = new List<Cand>();
        for (var h = 0; h < toks.Count; h++)
        {
            if (!toks[h].Cap || (_cues.Exact(W(h)) & GeoCues.Site) == 0 || covered.Contains(h))
            {
                continue;
            }

            // Leftwards over the name's words; a possessive word may sit inside ("Children's Hospital") unless it is a place ("Derry's").
            var l = h;
            while (l - 1 >= 0 && h - (l - 1) <= MaxLeft && Next(l) && Word(l - 1) && !covered.Contains(l - 1)
                && !(toks[l - 1].Possessive && placeEnd.Contains(l - 1)))
            {
                l--;
            }

            while (l < h && (IsFunctionWord(W(l)) || (toks[l].SentenceStart && (_cues.Exact(W(l)) & GeoCues.Stop) != 0 && (_cues.Exact(W(l)) & (GeoCues.Facility | GeoCues.Site)) == 0)))
            {
                l++;
            }

            // Rightwards: "University of Perpetual Help", "Guildhall School of Music".
            var r = h;
            if (!toks[h].Possessive && h + 2 < toks.Count && W(h + 1) is "of" && toks[h + 1].Joined && toks[h + 2].Joined && Word(h + 2) && !covered.Contains(h + 2))
            {
                r = h + 2;
                while (r + 1 < toks.Count && r - h < 4 && Next(r + 1) && !toks[r].Possessive && Word(r + 1) && !covered.Contains(r + 1))
                {
                    r++;
                }
            }

            // "Eglinton Avenue West": a street keeps a capitalised direction after it.
            if (r == h && r + 1 < toks.Count && toks[r + 1].Joined && !toks[r].Possessive && W(h) is "Street" or "Avenue" or "Road" or "Boulevard" or "Drive" or "Lane" or "Highway"
                && W(r + 1) is "North" or "South" or "East" or "West" or "Northeast" or "Northwest" or "Southeast" or "Southwest")
            {
                r++;
            }

            // The name must hold more than its head, and must not run on into a longer capitalised name.
            if (l == h && r == h)
            {
                continue;
            }

            if (r + 1 < toks.Count && toks[r + 1].Joined && !toks[r].Possessive && toks[r + 1].Cap && (_cues.Exact(W(r + 1)) & GeoCues.Stop) == 0)
            {
                continue;
            }

            var c = new Cand { T0 = l, T1 = r, Start = toks[l].Start, End = toks[r].End, Match = Match.Exact, Unresolved = true };
            added.Add(c);
            for (var t = l; t <= r; t++)
            {
                covered.Add(t);
            }

            h = r;
        }

        if (added.Count > 0)
        {
            cands.AddRange(added);
            cands.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>
    /// Words used as person names anywhere in the document (after a title, closing a capitalised run that is
    /// no place, or as a person-like part of a name) make later single-word mentions of them person names too.
    /// </summary>
    private void PersonNames(string text, List<Tok> toks, List<Cand> cands)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var candAt = new Dictionary<int, Cand>();
        foreach (var c in cands)
        {
            candAt[c.T0] = c;
        }

        for (var i = 1; i < toks.Count; i++)
        {
            var t = toks[i];
            if (!t.Cap || !t.Joined || toks[i - 1].Possessive)
            {
                continue;
            }

            var pw = text.AsSpan(toks[i - 1].Start, toks[i - 1].End - toks[i - 1].Start);
            var w = text.AsSpan(t.Start, t.End - t.Start);
            if ((_cues.Exact(w) & GeoCues.Stop) != 0 || IsAllCapsWord(w))
            {
                continue;
            }

            // "Kyle Newman", "Taylor Swift", "Charlotte Smith": a common given name (data/geo/cues.tsv, even at the
            // start of a sentence) before a capitalised word that is no major place makes both a person's name.
            if ((_cues.Exact(pw) & (GeoCues.Given | GeoCues.Name)) != 0 && !IsAllCapsWord(pw) && GivenNameBefore(text, toks, i, candAt))
            {
                names.Add(w.ToString());
                if (candAt.TryGetValue(i - 1, out var gc) && gc.T1 == i - 1 && gc.Demonym < 0
                    && !gc.Places.Exists(p => _g.KindOf(p) is PlaceKind.Country or PlaceKind.Admin1 || (_g.KindOf(p) == PlaceKind.Settlement && _g.Population[p] >= 1_000_000)))
                {
                    gc.Drop = true;
                }

                continue;
            }

            var afterTitle = _cues.IsTitle(pw) || pw is "Mr." or "Mrs." or "Dr." or "Ms.";
            var afterFirstName = toks[i - 1].Cap && (_cues.Exact(pw) & GeoCues.Stop) == 0 && !toks[i - 1].SentenceStart
                && (!candAt.TryGetValue(i, out var ic) || ic.T1 == i) && (!candAt.TryGetValue(i - 1, out var pc) || pc.PersonLike || pc.Weak || pc.Drop)
                && (i + 1 >= toks.Count || !toks[i + 1].Joined || !toks[i + 1].Cap);
            if (afterTitle || afterFirstName)
            {
                names.Add(w.ToString());
            }
        }

        // "Stephon Clark, 22, was shot": a capitalised word followed by an age in commas is a person's name.
        for (var i = 1; i < toks.Count; i++)
        {
            if (toks[i].Cap && toks[i - 1].Cap && toks[i].Joined && !toks[i - 1].Possessive && IsAgeAfter(text, toks[i].End))
            {
                names.Add(text[toks[i].Start..toks[i].End]);
            }
        }

        foreach (var c in cands)
        {
            if (c.T0 == c.T1 && c.Demonym < 0 && names.Contains(text[c.Start..c.End]))
            {
                c.PersonName = true;
            }
        }
    }

    private bool IsMajor(Cand c) => c.Places.Exists(p => _g.KindOf(p) is PlaceKind.Country or PlaceKind.Admin1 || _g.Is(p, PlaceFlags.Capital) || (_g.KindOf(p) == PlaceKind.Settlement && _g.Population[p] >= 1_000_000));

    /// <summary>True when token <paramref name="i"/> reads as the surname after the given name at <paramref name="i"/> − 1.</summary>
    private bool GivenNameBefore(string text, List<Tok> toks, int i, Dictionary<int, Cand> candAt)
    {
        var w = text.AsSpan(toks[i].Start, toks[i].End - toks[i].Start);
        if ((_cues.Exact(w) & (GeoCues.Facility | GeoCues.Site | GeoCues.Org)) != 0 || _cues.Kind(w) is not null || _demonyms.TryGetValue(w, out _))
        {
            return false;
        }

        // Neither word may sit inside a longer gazetteer name ("Victoria Falls"), nor be a country, state or large city ("Austin Texas").
        if (candAt.TryGetValue(i - 1, out var g) && (g.T1 != i - 1 || (IsMajor(g) && g.Places.Exists(p => _g.KindOf(p) is PlaceKind.Country or PlaceKind.Admin1))))
        {
            return false;
        }

        return !candAt.TryGetValue(i, out var s) || (s.T0 == i && s.T1 == i
            && !s.Places.Exists(p => _g.KindOf(p) is PlaceKind.Country or PlaceKind.Admin1 || (_g.KindOf(p) == PlaceKind.Settlement && _g.Population[p] >= 1_000_000)));
    }

    private static bool IsAgeAfter(string text, int end)
    {
        var rest = text.AsSpan(end, Math.Min(6, text.Length - end));
        if (rest.Length < 4 || rest[0] != ',' || rest[1] != ' ' || !char.IsAsciiDigit(rest[2]))
        {
            return false;
        }

        var k = 3;
        while (k < rest.Length && char.IsAsciiDigit(rest[k]))
        {
            k++;
        }

        return k <= 4 && k < rest.Length && rest[k] == ',';
    }

    private bool NameWord(ReadOnlySpan<char> w)
    {
        var f = _cues.Exact(w);
        return (f & (GeoCues.Org | GeoCues.Name)) != 0 || (f & GeoCues.Stop) == 0;
    }

    private static bool IsPlaceEnd(List<Cand> cands, int tokenIndex) => cands.Exists(x => x.T1 == tokenIndex && x.Match == Match.Exact && !x.Weak);

    // ---------------------------------------------------------------- scoring

    private double Prior(int p)
    {
        var kind = _g.KindOf(p);
        var pop = (double)_g.Population[p];
        switch (kind)
        {
            case PlaceKind.Country:
                return 10.5;
            case PlaceKind.Admin1:
                return 6.5 + Math.Min(1.0, Math.Log10(pop + 1) / 7);
            case PlaceKind.Admin2:
                return 3.2 + Math.Min(1.0, Math.Log10(pop + 1) / 7);
            default:
                break;
        }

        if (_g.Is(p, PlaceFlags.Supplement))
        {
            return kind switch
            {
                PlaceKind.Region => _g.CountryOf(p) == "XX" ? 8.0 : 6.0,
                PlaceKind.Natural => 6.0,
                PlaceKind.Other => 6.5,
                PlaceKind.Settlement or PlaceKind.District => 4.6,
                _ => 5.5,
            };
        }

        var floor = _g.Is(p, PlaceFlags.Capital) ? 1e6 : _g.Is(p, PlaceFlags.AdminSeat) ? 1e5 : _g.Is(p, PlaceFlags.Admin2Seat) ? 2e4 : 500;
        var s = Math.Log10(Math.Max(pop, floor));
        if (_g.Is(p, PlaceFlags.Capital))
        {
            s += 0.5;
        }
        else if (_g.Is(p, PlaceFlags.AdminSeat))
        {
            s += 1.0;
        }

        if (_g.Is(p, PlaceFlags.Historical))
        {
            s -= 2.5;
        }

        if (_g.Is(p, PlaceFlags.Section))
        {
            s -= 0.8;
        }

        return s;
    }

    private static double MatchPenalty(Match m) => m switch
    {
        Match.Exact => 0,
        Match.Variant => 1.2,
        _ => 2.0,
    };

    private int TopByPrior(Cand c)
    {
        var best = -1;
        var bs = double.MinValue;
        for (var j = 0; j < c.Places.Count; j++)
        {
            var s = Prior(c.Places[j]) - MatchPenalty(c.Matches[j]) + KindBonus(c, c.Places[j]);
            if (s > bs)
            {
                bs = s;
                best = c.Places[j];
            }
        }

        return best;
    }

    private double KindBonus(Cand c, int p)
    {
        if (c.KindAsked is not { } k)
        {
            return 0;
        }

        var kind = _g.KindOf(p);
        if (kind == k || (k == PlaceKind.Admin1 && kind == PlaceKind.Admin2) || (k == PlaceKind.Admin2 && kind == PlaceKind.Admin1))
        {
            return kind == k ? 6 : 3;
        }

        if (k == PlaceKind.Settlement && kind == PlaceKind.District)
        {
            return 1;
        }

        return k is PlaceKind.Admin1 or PlaceKind.Admin2 && kind == PlaceKind.Settlement ? -2 : 0;
    }

    private Dictionary<short, double> Focus(List<Cand> cands) => Focus(cands, null, false, null);

    /// <summary>
    /// Country focus of the document: each place votes once for its country. <paramref name="exclude"/> leaves
    /// out the mentions of one name (an ambiguous "London" must not vote for itself); <paramref name="usePick"/>
    /// votes with the context-aware picks of a previous pass instead of the prior-only ones.
    /// </summary>
    private Dictionary<short, double> Focus(List<Cand> cands, string? exclude, bool usePick, int[]? tops)
    {
        var votes = new Dictionary<short, double>();
        var voted = new HashSet<int>();
        for (var i = 0; i < cands.Count; i++)
        {
            var c = cands[i];
            if (c.Drop)
            {
                continue;
            }

            // Each place votes once: an ambiguous name repeated through an article ("Ariha" four times, read
            // as Jericho by population alone) must not outvote the countries the article actually names.
            var top = tops is not null ? tops[i] : usePick && c.Pick >= 0 ? c.Pick : TopByPrior(c);
            if (exclude is not null && c.Key == exclude && top >= 0 && (_g.KindOf(top) is not (PlaceKind.Country or PlaceKind.Admin1) || HasHighLevelRival(c, top)))
            {
                continue; // a town name does not vote for itself; countries and provinces seldom are ambiguous ("Georgia" is)
            }

            if (top < 0 || !voted.Add(top))
            {
                continue;
            }

            var w = c.Demonym >= 0 || _g.KindOf(top) is PlaceKind.Country or PlaceKind.Admin1 ? 1.0 : c.Match != Match.Exact ? 0.0 : c.Weak ? 0.2 : 0.7;
            if (usePick && !c.Forced && c.Demonym < 0 && _g.KindOf(top) != PlaceKind.Country)
            {
                w *= Math.Max(c.Score, 0.3); // a doubtful pick (a surname read as a town) votes little
            }

            var cc = _g.Country[top];
            if (cc >= 0 && w > 0 && _g.CountryCodes[cc] != "XX")
            {
                votes[cc] = votes.GetValueOrDefault(cc) + w;
            }
        }

        var max = votes.Count == 0 ? 0 : votes.Values.Max();
        if (max <= 0)
        {
            return [];
        }

        return votes.Where(kv => kv.Value >= 0.2 * max).OrderByDescending(kv => kv.Value).Take(4)
            .ToDictionary(kv => kv.Key, kv => kv.Value / max);
    }

    private void Resolve(string text, List<Cand> cands, Dictionary<short, double> focus)
    {
        // Pass 1: prior-only picks give the co-mentioned admin units and positions; pass 2 uses the
        // context-aware picks of pass 1 (a "Palestine, Texas" story makes a bare "Anderson County" the Texan one).
        // Admin units count the distinct names placed in them, so a repeated name does not support itself.
        var first = new int[cands.Count];
        var admin1 = new Dictionary<int, HashSet<string>>();
        Span<char> kb = stackalloc char[GeoKey.MaxLength];
        foreach (var c in cands)
        {
            c.Key = c.Drop ? null : new string(kb[..GeoKey.Loose(text.AsSpan(c.Start, c.End - c.Start), kb)]);
        }

        for (var pass = 0; pass < 2; pass++)
        {
            admin1.Clear();
            for (var i = 0; i < cands.Count; i++)
            {
                var c = cands[i];
                first[i] = c.Drop ? -1 : pass == 0 ? TopByPrior(c) : c.Pick;
                c.First = first[i];
                if (first[i] >= 0 && !c.Weak && c.Demonym < 0 && c.Key is not null && _g.KindOf(first[i]) != PlaceKind.Country && _g.Admin1[first[i]] >= 0
                    && (pass == 0 || c.Score >= 0.4 || c.Container is not null || _g.KindOf(first[i]) == PlaceKind.Admin1))
                {
                    var a = _g.Admin1[first[i]];
                    if (!admin1.TryGetValue(a, out var keys))
                    {
                        admin1[a] = keys = new HashSet<string>(StringComparer.Ordinal);
                    }

                    keys.Add(c.Key);
                }
            }

            var byKey = new Dictionary<string, Dictionary<short, double>>(StringComparer.Ordinal);
            foreach (var c in cands)
            {
                if (!c.Drop && c.Key is { } key && !byKey.ContainsKey(key))
                {
                    byKey[key] = Focus(cands, key, usePick: pass == 1, first);
                }
            }

            ScorePass(text, cands, byKey, first, admin1);
            if (pass == 0)
            {
                // Unsupported minor matches (surnames, common words) leave before they can vote in pass 2.
                Filter(cands, focus);
            }
        }

        OneSensePerDiscourse(text, cands);
        Filter(cands, focus);
    }

    private void Filter(List<Cand> cands, Dictionary<short, double> focus)
    {
        foreach (var c in cands)
        {
            if (c.Drop || c.Demonym >= 0 || c.Pick < 0)
            {
                continue;
            }

            // Recognition filter: keep weak or minor matches only with support.
            var j = c.Places.IndexOf(c.Pick);
            if (!c.Forced && !Keep(c, c.Pick, j >= 0 ? c.Scores[j] : 0, focus, cands))
            {
                c.Drop = true;
            }

            if (c.Precision == 1)
            {
                c.Precision = _g.KindOf(c.Pick) switch
                {
                    PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Region or PlaceKind.Natural => 3,
                    PlaceKind.Admin2 => 2,
                    _ => 1,
                };
            }
        }
    }

    /// <summary>
    /// One sense per discourse: repeats of a name in one article mean one place. Mentions with their own
    /// qualifier ("Springfield, Ill.", "Aleppo province") keep their pick and lend it to the bare repeats;
    /// otherwise the place with the largest summed share over all the repeats wins.
    /// </summary>
    private void OneSensePerDiscourse(string text, List<Cand> cands)
    {
        Span<char> k = stackalloc char[GeoKey.MaxLength];
        var groups = new Dictionary<string, List<Cand>>(StringComparer.Ordinal);
        foreach (var c in cands)
        {
            if (c.Drop || c.Demonym >= 0 || c.Pick < 0 || c.Role != ToponymRole.Location)
            {
                continue;
            }

            var n = GeoKey.Loose(text.AsSpan(c.Start, c.End - c.Start), k);
            if (n == 0)
            {
                continue;
            }

            var key = string.Concat(k[..n], c.KindAsked is { } ka ? "|" + ka.ToString() : "");
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(c);
        }

        foreach (var list in groups.Values)
        {
            if (list.Count < 2 || list.TrueForAll(c => c.Pick == list[0].Pick))
            {
                continue;
            }

            var support = new Dictionary<int, double>();
            foreach (var c in list)
            {
                if (c.Container is not null)
                {
                    support[c.Pick] = support.GetValueOrDefault(c.Pick) + 10;
                }

                var max = c.Scores.Length > 0 ? c.Scores.Max() : 0;
                var sum = c.Scores.Sum(x => Math.Exp(x - max));
                for (var j = 0; j < c.Places.Count && j < c.Scores.Length; j++)
                {
                    support[c.Places[j]] = support.GetValueOrDefault(c.Places[j]) + (Math.Exp(c.Scores[j] - max) / sum);
                }
            }

            var winner = support.MaxBy(kv => kv.Value).Key;
            foreach (var c in list)
            {
                var j = c.Places.IndexOf(winner);
                if (c.Container is null && j >= 0 && c.Pick != winner)
                {
                    var max = c.Scores.Max();
                    c.Pick = winner;
                    c.Score = Math.Exp(c.Scores[j] - max) / c.Scores.Sum(x => Math.Exp(x - max));
                }
            }
        }
    }

    private void ScorePass(string text, List<Cand> cands, Dictionary<string, Dictionary<short, double>> focusByKey, int[] first, Dictionary<int, HashSet<string>> admin1)
    {
        Span<char> mk = stackalloc char[GeoKey.MaxLength];
        Span<char> nk = stackalloc char[GeoKey.MaxLength];
        // Positions of the other names (one per name and place) for the proximity feature.
        var anchors = new List<(int Place, string Key)>();
        for (var k = 0; k < first.Length; k++)
        {
            var q = first[k];
            if (q >= 0 && !cands[k].Weak && cands[k].Key is { } key && _g.KindOf(q) is not (PlaceKind.Country or PlaceKind.Region or PlaceKind.Natural or PlaceKind.Admin1)
                && !anchors.Contains((q, key)))
            {
                anchors.Add((q, key));
            }
        }

        for (var i = 0; i < cands.Count; i++)
        {
            var c = cands[i];
            if (c.Drop)
            {
                continue;
            }

            if (c.Demonym >= 0)
            {
                c.Pick = c.Demonym;
                c.Score = 1.0;
                continue;
            }

            TrimNamesakes(c);

            var focus = c.Key is { } ck && focusByKey.TryGetValue(ck, out var fk) ? fk : [];
            var container = c.Container?.First ?? -1;
            var mkl = GeoKey.Loose(text.AsSpan(c.Start, c.End - c.Start), mk);
            var best = -1;
            var bs = double.MinValue;
            var scores = new double[c.Places.Count];
            for (var j = 0; j < c.Places.Count; j++)
            {
                var p = c.Places[j];
                var s = Prior(p) - MatchPenalty(c.Matches[j]) + KindBonus(c, p);
                if (mkl > 0 && mk[..mkl].SequenceEqual(nk[..GeoKey.Loose(_g.Names.Span(p), nk)]))
                {
                    s += 1.0; // the mention is the entry's main name, not one of its alternate names
                }

                var cc = _g.Country[p];
                var inFocus = cc >= 0 && focus.TryGetValue(cc, out var f) ? f : 0;
                if (_g.KindOf(p) == PlaceKind.Admin1 && c.KindAsked is null && HasSeatNamesake(c, p))
                {
                    // "Aleppo", "Idlib": the city that is the seat of the same-named province, unless "province" is said.
                    s -= 4.0;
                }
                s += (_g.KindOf(p) == PlaceKind.Admin1 ? 4.0 : 3.0) * inFocus;
                if (c.Matches[j] != Match.Exact && inFocus == 0 && _g.Population[p] < 100_000 && !_g.Is(p, PlaceFlags.Supplement))
                {
                    s -= 3;
                }

                var a1 = _g.Admin1[p];
                if (a1 >= 0 && admin1.TryGetValue(a1, out var names) && _g.KindOf(p) != PlaceKind.Admin1)
                {
                    var n = names.Count - (c.Key is not null && names.Contains(c.Key) ? 1 : 0);
                    if (n > 0)
                    {
                        s += 2.5 + (0.75 * Math.Min(n - 1, 2));
                    }
                }

                if (container >= 0 && Contains(container, p))
                {
                    s += 5;
                }

                s += Proximity(p, c.Key, anchors);
                scores[j] = s;
                if (s > bs)
                {
                    bs = s;
                    best = p;
                }
            }

            c.Pick = best;
            c.Scores = scores;
            if (_options.Trace is { } trace)
            {
                trace.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{text[c.Start..c.End]}: ") + string.Join("; ", Enumerable.Range(0, c.Places.Count).OrderByDescending(j => scores[j]).Take(5)
                    .Select(j => string.Create(CultureInfo.InvariantCulture, $"{_g.Ids.Span(c.Places[j]).ToString()} {_g.Names.Span(c.Places[j]).ToString()} {scores[j]:0.00} (prior {Prior(c.Places[j]):0.00}, {c.Matches[j]})"))));
            }
            var sum = 0.0;
            foreach (var s in scores)
            {
                sum += Math.Exp(s - bs);
            }

            c.Score = sum > 0 ? 1 / sum : 0;
        }
    }

    private bool IsMainName(Cand c, int p)
    {
        Span<char> b = stackalloc char[GeoKey.MaxLength];
        return c.Key is { } k && k.AsSpan().SequenceEqual(b[..GeoKey.Loose(_g.Names.Span(p), b)]);
    }

    private bool HasNearbyPick(Cand c, int p, List<Cand> cands) => cands.Exists(x => !x.Drop && !x.Weak && x.Match == Match.Exact && x.Pick >= 0 && x.Pick != p && x.Key != c.Key && x.Demonym < 0
        && _g.KindOf(x.Pick) is not (PlaceKind.Country or PlaceKind.Region or PlaceKind.Natural or PlaceKind.Admin1) && Km(p, x.Pick) < 150);

    private bool HasHighLevelRival(Cand c, int top)
    {
        foreach (var q in c.Places)
        {
            if (q != top && _g.KindOf(q) is PlaceKind.Country or PlaceKind.Admin1 && _g.Country[q] != _g.Country[top])
            {
                return true;
            }
        }

        return false;
    }

    private bool HasSeatNamesake(Cand c, int admin1Place)
    {
        foreach (var q in c.Places)
        {
            if (q == admin1Place || _g.KindOf(q) != PlaceKind.Settlement)
            {
                continue;
            }

            // "Aleppo", "Idlib", "Homs": the seat that holds a good share of its province's people is what a
            // bare name means. "New York" is the state (New York City is not its seat), "Quebec" the province
            // (Quebec City holds under a tenth of it); "Washington" is the national capital, not the state.
            if (_g.Admin1[q] == _g.Admin1[admin1Place]
                && (_g.Is(q, PlaceFlags.AdminSeat) || _g.Is(q, PlaceFlags.Capital))
                && _g.Population[q] >= 0.12 * _g.Population[admin1Place])
            {
                return true;
            }

            if (_g.Is(q, PlaceFlags.Capital) && _g.Country[q] == _g.Country[admin1Place])
            {
                return true;
            }
        }

        return false;
    }

    private bool Keep(Cand c, int p, double score, Dictionary<short, double> focus, List<Cand> cands)
    {
        if (c.Dateline)
        {
            return true;
        }

        var kind = _g.KindOf(p);
        var pop = _g.Population[p];
        var major = kind is PlaceKind.Country or PlaceKind.Admin1 || _g.Is(p, PlaceFlags.Supplement) || pop >= 100_000 || _g.Is(p, PlaceFlags.Capital);
        if (c.Role == ToponymRole.PartOfName && !_options.KeepMinorPartOfName
            && !(kind is PlaceKind.Country || _g.Is(p, PlaceFlags.Capital) || (!c.PersonLike && (kind is PlaceKind.Admin1 || pop >= 100_000))))
        {
            return false;
        }

        if (c.AllCaps && !(kind is PlaceKind.Country || _g.Is(p, PlaceFlags.Supplement)
            || (c.End - c.Start >= 5 && (kind is PlaceKind.Admin1 || pop >= 100_000 || _g.Is(p, PlaceFlags.Capital)))))
        {
            return false;
        }

        if (c.SaidAfter && !(kind is PlaceKind.Country || _g.Is(p, PlaceFlags.Capital) || pop >= 1_000_000 || _g.Is(p, PlaceFlags.Supplement)))
        {
            return false; // "Mike said", "Allen told": a person
        }

        if (c.Weak)
        {
            return major && score >= 6;
        }

        // A foreign town outside every focus country, reached only through an alternate name or a spelling
        // variant ("Fua" → Foix, "Dozens" → Juneau, "Sun" → Anshun, "People" → Poole), with no qualifier,
        // kind word or nearby co-mentioned place, is a common word or a name, not a place.
        if (kind is PlaceKind.Settlement or PlaceKind.District && !_g.Is(p, PlaceFlags.Supplement) && !_g.Is(p, PlaceFlags.Capital)
            && c.Container is null && c.Relation is null && c.KindAsked is null)
        {
            var f = _g.Country[p] < 0 ? 0 : focus.GetValueOrDefault(_g.Country[p]);
            var unsupported = c.Match != Match.Exact
                ? f < 0.8 || c.AtSentenceStart || c.LowerElsewhere || pop < 1_000
                : f < 0.2 ? !IsMainName(c, p) || (c.AtSentenceStart && pop < 1_000_000)
                : (f < 0.5 && !IsMainName(c, p) && pop < 100_000) || (f < 0.8 && c.AtSentenceStart && !IsMainName(c, p));
            if (unsupported && !HasNearbyPick(c, p, cands))
            {
                return false;
            }
        }

        // "the al-Gharbiya neighborhood" in a report about another country is a quarter of a city there, not a foreign
        // town of that name: a district asked for by its kind word stays within the document's main countries. The
        // bar is relative because the candidate's own country gains some focus from the candidate itself.
        if (c.KindAsked == PlaceKind.District && kind is PlaceKind.Settlement or PlaceKind.District && pop < 100_000 && !_g.Is(p, PlaceFlags.Supplement)
            && c.Container is null && focus.Count > 0 && (_g.Country[p] < 0 || focus.GetValueOrDefault(_g.Country[p]) < Math.Min(0.5, focus.Values.Max() / 2)))
        {
            return false;
        }

        var strongFocus = _g.Country[p] >= 0 && focus.TryGetValue(_g.Country[p], out var fw) && fw >= 0.5;
        if (c.Match != Match.Exact && !(strongFocus || _g.Is(p, PlaceFlags.Supplement)))
        {
            return false;
        }

        // A state reached through a short dotted abbreviation needs its dot: "Mass." is Massachusetts, "Easter Mass" is not.
        if (kind is PlaceKind.Admin1 && c.T0 == c.T1 && c.End - c.Start <= 5 && !c.DotAfter && !c.AllCaps && c.Key is { Length: > 0 } key && IsTruncationOf(key, _g.ToPlace(p).Name))
        {
            return false;
        }

        // A small place's name before a number is a label or a product ("Gate 10", "Boeing 777", "Macho 29").
        if (c.NumberAfter && !major && c.Container is null && c.Relation is null && !c.Locative)
        {
            return false;
        }

        // A given name standing alone ("girlfriend Olivia", "Ava's medicine") is a person unless a locative cue or
        // a large place says otherwise.
        if (c.T0 == c.T1 && !c.Locative && c.Container is null && c.Relation is null && c.KindAsked is null && pop < 100_000
            && kind is not (PlaceKind.Country or PlaceKind.Admin1) && !_g.Is(p, PlaceFlags.Supplement) && c.GivenWord)
        {
            return false;
        }

        if (c.PersonName)
        {
            return kind is PlaceKind.Country || _g.Is(p, PlaceFlags.Capital) || pop >= 1_000_000;
        }

        if (major || c.Relation is not null || c.KindAsked is not null || c.Container is not null)
        {
            return true;
        }

        // Minor places (villages named like people and things) need a locative cue, or a focus country and size.
        return c.Locative || (strongFocus && (pop >= 5_000 || _g.Is(p, PlaceFlags.Admin2Seat) || kind == PlaceKind.Admin2));
    }

    /// <summary>True when <paramref name="key"/> cuts the first word of <paramref name="name"/> short ("mass" of Massachusetts, not "osun" of Osun State).</summary>
    private static bool IsTruncationOf(string key, string name)
    {
        Span<char> nk = stackalloc char[GeoKey.MaxLength];
        var n = GeoKey.Loose(name, nk);
        var first = name.IndexOfAny([' ', '-']);
        var firstLen = first < 0 ? n : GeoKey.Loose(name.AsSpan(0, first), stackalloc char[GeoKey.MaxLength]);
        return key.Length < firstLen && nk[..n].StartsWith(key, StringComparison.Ordinal);
    }

    private bool Contains(int container, int p)
    {
        var ck = _g.KindOf(container);
        if (ck == PlaceKind.Country)
        {
            return _g.Country[p] == _g.Country[container];
        }

        if (ck == PlaceKind.Admin1)
        {
            return _g.Admin1[p] >= 0 && _g.Admin1[p] == _g.Admin1[container];
        }

        if (ck == PlaceKind.Admin2)
        {
            return _g.Admin2[p] >= 0 && _g.Admin2[p] == _g.Admin2[container];
        }

        return Km(p, container) < 50;
    }

    private double Proximity(int p, string? selfKey, List<(int Place, string Key)> anchors)
    {
        if (_g.KindOf(p) is PlaceKind.Country or PlaceKind.Region or PlaceKind.Admin1)
        {
            return 0;
        }

        // Distinct other names placed near this candidate: within 50 km (same town's area) counts more.
        var bonus = 0.0;
        List<string>? seen = null;
        double lat = _g.Lat[p], lon = _g.Lon[p];
        foreach (var (q, key) in anchors)
        {
            if (q == p || key == selfKey || Math.Abs(_g.Lat[q] - lat) > 2.3)
            {
                continue;
            }

            var km = Haversine(lat, lon, _g.Lat[q], _g.Lon[q]);
            if (km >= 250 || (seen?.Contains(key) ?? false))
            {
                continue;
            }

            (seen ??= []).Add(key);
            bonus += km < 50 ? 1.0 : 0.6;
            if (bonus >= 2.4)
            {
                break;
            }
        }

        return Math.Min(bonus, 2.4);
    }

    internal double Km(int a, int b) => Haversine(_g.Lat[a], _g.Lon[a], _g.Lat[b], _g.Lon[b]);

    /// <summary>Great-circle distance in km.</summary>
    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0088;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    // ---------------------------------------------------------------- fuzzy fallback

    private static long Bucket(short country, char first, int length) => ((long)country << 24) | ((long)first << 8) | (long)Math.Min(length, 255);

    /// <summary>Loose keys by (country, first letter, length): the fuzzy fallback compares only keys that can be close.</summary>
    private Dictionary<long, int[]> BuildKeysByCountry()
    {
        var lists = new Dictionary<long, List<int>>();
        for (var k = 0; k < _g.Loose.KeyCount; k++)
        {
            var key = _g.Loose.Key(k);
            foreach (var p in _g.Loose.Postings(k))
            {
                var cc = _g.Country[p];
                if (cc < 0)
                {
                    continue;
                }

                var b = Bucket(cc, key[0], key.Length);
                if (!lists.TryGetValue(b, out var l))
                {
                    lists[b] = l = [];
                }

                if (l.Count == 0 || l[^1] != k)
                {
                    l.Add(k);
                }
            }
        }

        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    private void FuzzyFallback(string text, List<Tok> toks, List<Cand> cands, Dictionary<short, double> focus)
    {
        if (focus.Count == 0)
        {
            return;
        }

        var covered = new bool[toks.Count];
        foreach (var c in cands)
        {
            for (var t = c.T0; t <= c.T1; t++)
            {
                covered[t] = true;
            }
        }

        var countries = focus.Where(kv => kv.Value >= 0.5).Select(kv => kv.Key).ToArray();
        Span<char> key = stackalloc char[GeoKey.MaxLength];
        for (var i = 0; i < toks.Count; i++)
        {
            var t = toks[i];
            if (covered[i] || !t.Cap || t.SentenceStart || t.End - t.Start < 5)
            {
                continue;
            }

            var w = text.AsSpan(t.Start, t.End - t.Start);
            if (_cues.Exact(w) != 0 || OccursLowercase(text, w))
            {
                continue;
            }

            // Only a lone capitalised word: neighbours that are capitalised make it a name of something else.
            if ((i + 1 < toks.Count && toks[i + 1].Joined && toks[i + 1].Cap) || (i > 0 && t.Joined && toks[i - 1].Cap && !toks[i - 1].SentenceStart))
            {
                continue;
            }

            var kl = GeoKey.Loose(w, key);
            if (kl < 5)
            {
                continue;
            }

            var k = key[..kl];
            var maxD = kl >= 9 ? 2 : 1;
            Cand? found = null;
            foreach (var cc in countries)
            for (var len = kl - maxD; len <= kl + maxD; len++)
            {
                if (len < 1 || !_keysByCountry.Value.TryGetValue(Bucket(cc, k[0], len), out var keys))
                {
                    continue;
                }

                foreach (var ki in keys)
                {
                    var other = _g.Loose.Key(ki);
                    if (other[0] != k[0] || GeoKey.Distance(k, other, maxD) > maxD)
                    {
                        continue;
                    }

                    foreach (var p in _g.Loose.Postings(ki))
                    {
                        if (_g.Country[p] == cc && _g.KindOf(p) is PlaceKind.Settlement or PlaceKind.District or PlaceKind.Admin1 or PlaceKind.Admin2 || (_g.Country[p] == cc && _g.Is(p, PlaceFlags.Supplement)))
                        {
                            found ??= new Cand { T0 = i, T1 = i, Start = t.Start, End = t.End, Match = Match.Fuzzy };
                            if (!found.Places.Contains(p))
                            {
                                found.Places.Add(p);
                                found.Matches.Add(Match.Fuzzy);
                            }
                        }
                    }
                }
            }

            if (found is not null)
            {
                cands.Add(found);
            }
        }
    }
}
