using System.Collections.Frozen;
using System.Globalization;

namespace Sitrep.Events;

/// <summary>Deaths and injuries stated in a sentence, by ACLED's rules.</summary>
/// <param name="Killed">Lowest credible fatality figure, or null.</param>
/// <param name="Injured">Injured, or null.</param>
/// <param name="KillUnit">Unit index of the kill word the figure hangs on, or -1.</param>
internal readonly record struct Casualties(int? Killed, int? Injured, int KillUnit);

/// <summary>
/// Reads counts in words or digits ("two", "a dozen", "dozens" = 12, "several" = 3, "hundreds" = 100, "at least 28",
/// "more than 50") and attaches them to kill / injure words, skipping war-wide tolls.
/// </summary>
internal static class CasualtyParser
{
    static readonly FrozenDictionary<string, int> Words = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["one"] = 1, ["a"] = 1, ["an"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["dozen"] = 12, ["dozens"] = 12, ["several"] = 3, ["hundreds"] = 100, ["scores"] = 20,
        ["thousands"] = 1000, ["a few"] = 3, ["few"] = 3, ["couple"] = 2,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    static readonly FrozenSet<string> KillWords = new[]
    {
        "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "deaths", "death", "lives", "executed", "slain", "massacred",
        "beheaded", "perished", "fatalities", "martyred", "martyrs", "bodies",
    }.ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> InjureWords = new[]
    {
        "injured", "injuring", "wounded", "wounding", "injuries", "hurt", "injures", "wounds",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns for one person, so "a soldier was killed" and "killing a child" count one death.</summary>
    static readonly FrozenSet<string> PersonNouns = new[]
    {
        "person", "man", "woman", "child", "boy", "girl", "civilian", "soldier", "serviceman", "servicewoman", "servicemember",
        "policeman", "policewoman", "officer", "fighter", "militant", "rebel", "jihadist", "gunman", "guard", "journalist", "reporter",
        "photographer", "doctor", "nurse", "paramedic", "volunteer", "worker", "teacher", "student", "farmer", "shepherd", "resident",
        "commander", "member", "leader", "official", "judge", "cleric", "imam", "priest", "pilot", "marine", "trooper", "conscript",
        "recruit", "defector", "prisoner", "detainee", "hostage", "protester", "demonstrator", "activist", "teenager", "infant", "baby",
        "toddler", "pedestrian", "driver", "passenger", "contractor", "peacekeeper", "sergeant", "corporal", "private", "lieutenant",
        "captain", "major", "colonel", "general",
    }.ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> TollContext = new[] { "war", "conflict", "uprising", "revolution", "crisis", "since" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A count at unit <paramref name="i"/> (with its length in units), or null.</summary>
    public static (int Value, int Length)? NumberAt(IReadOnlyList<MatchUnit> u, int i)
    {
        if (i < 0 || i >= u.Count)
        {
            return null;
        }

        var k = u[i].Key;
        var digits = k.Replace(",", "", StringComparison.Ordinal);
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            if (i + 1 < u.Count && u[i + 1].Key is "thousand" or "million")
            {
                return (n * (u[i + 1].Key == "thousand" ? 1000 : 1_000_000), 2);
            }

            return (n, 1);
        }

        if (k is "a" or "an")
        {
            // "a dozen", "a few"; a bare "a" is not a count.
            if (i + 1 < u.Count && u[i + 1].Key is "dozen" or "few" or "hundred")
            {
                return (Words[u[i + 1].Key], 2);
            }

            return null;
        }

        if (Words.TryGetValue(k, out var w))
        {
            var len = 1;
            // "twenty-eight" arrives as two units; "two hundred".
            if (w >= 20 && w < 100 && i + 1 < u.Count && Words.TryGetValue(u[i + 1].Key, out var w2) && w2 < 10 && u[i + 1].Key is not ("a" or "an"))
            {
                w += w2;
                len = 2;
            }
            else if (w < 10 && i + 1 < u.Count && u[i + 1].Key == "hundred")
            {
                w *= 100;
                len = 2;
            }

            if (k is "dozens" or "hundreds" or "thousands" or "scores" && i + 1 < u.Count && u[i + 1].Key == "of")
            {
                len = 2;
            }

            return (w, len);
        }

        return null;
    }

    /// <summary>Fatalities and injuries in units [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static Casualties Parse(IReadOnlyList<MatchUnit> u, int from, int to)
    {
        int? killed = null, injured = null;
        var killUnit = -1;
        for (var i = from; i < to; i++)
        {
            var k = u[i].Key;
            var isKill = KillWords.Contains(k);
            var isInjure = InjureWords.Contains(k);
            if (!isKill && !isInjure)
            {
                continue;
            }

            if (isKill && IsTollStatement(u, from, i))
            {
                continue;
            }

            var n = NumberNear(u, from, to, i);
            if (n is null)
            {
                continue;
            }

            if (isKill && n >= 1000)
            {
                continue; // tolls of thousands are war-wide figures, not one event's.
            }

            if (isKill)
            {
                killed = killed is null ? n : Math.Min(killed.Value, n.Value);
                killUnit = i;
            }
            else
            {
                injured = injured is null ? n : Math.Min(injured.Value, n.Value);
            }
        }

        return new Casualties(killed, injured, killUnit);
    }

    /// <summary>"a war that has killed more than 330,000 people": a toll of a whole war, not of an event.</summary>
    internal static bool IsTollStatement(IReadOnlyList<MatchUnit> u, int from, int i)
    {
        for (var j = Math.Max(from, i - 5); j < i; j++)
        {
            if (TollContext.Contains(u[j].Key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The count governed by the kill/injure word at <paramref name="i"/>: after it ("killed at least 28 IS fighters"),
    /// or before it ("four people were killed", "28 dead").</summary>
    static int? NumberNear(IReadOnlyList<MatchUnit> u, int from, int to, int i)
    {
        // After: skip "at least", "more than", "over", "some", "about", "nearly", "up to", "around".
        for (var j = i + 1; j < Math.Min(to, i + 5); j++)
        {
            var k = u[j].Key;
            if (k is "at" or "least" or "more" or "than" or "over" or "some" or "about" or "nearly" or "almost" or "around" or "up" or "to" or "approximately" or "roughly" or "another" or "the")
            {
                continue;
            }

            if (OnePersonAt(u, j, to))
            {
                return 1; // "killing a child", "killed a Turkish soldier"
            }

            if (NumberAt(u, j) is { } n)
            {
                // "10 civilians killed 40 injured": the figure after the kill word counts the injured.
                var x = j + n.Length;
                if (x < to && u[x].Key is "others" or "other" or "more" or "people")
                {
                    x++;
                }

                if (x < to && InjureWords.Contains(u[x].Key))
                {
                    break;
                }

                return Plausible(u, j + n.Length, to) ? n.Value : null;
            }

            break;
        }

        // Before: "four people were killed", "28 dead", "killing two"; look back up to 6 units, stop at a verb-ish boundary.
        for (var j = i - 1; j >= Math.Max(from, i - 7); j--)
        {
            if (u[j].Key is "." or ";" or "and" && j < i - 1)
            {
                break;
            }

            if (OnePersonAt(u, j, i))
            {
                return 1; // "a US serviceman died", "an elderly woman was killed"
            }

            if (NumberAt(u, j) is { } n && (j + n.Length <= i))
            {
                // The number must be a count of people, not a year or a distance.
                if (n.Value is >= 1900 and <= 2100 && n.Length == 1)
                {
                    continue;
                }

                return Plausible(u, j + n.Length, to) ? n.Value : null;
            }
        }

        return null;
    }

    /// <summary>"a" or "an" at <paramref name="j"/> opening a noun phrase, of at most three more words before <paramref name="to"/>, headed by a person noun.</summary>
    static bool OnePersonAt(IReadOnlyList<MatchUnit> u, int j, int to)
    {
        if (u[j].Key is not ("a" or "an"))
        {
            return false;
        }

        for (var x = j + 1; x < Math.Min(to, j + 5); x++)
        {
            if (PersonNouns.Contains(u[x].Key))
            {
                // The head, not a modifier: "a civilian convoy", "a child's school" are not one person.
                return x + 1 >= u.Count || !(PersonNouns.Contains(u[x + 1].Key) || u[x + 1].Key is "convoy" or "car" or "vehicle" or "house" or "home" or "area" or "building" or "hospital" or "school");
            }

            if (u[x].Key is "." or "," or ";" or "and" or "of" or "who" or "which" || KillWords.Contains(u[x].Key) || NumberAt(u, x) is not null)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A count followed by a unit of distance, time or money is not a casualty count.</summary>
    static bool Plausible(IReadOnlyList<MatchUnit> u, int after, int to) =>
        after >= to || u[after].Key is not ("kilometres" or "kilometers" or "km" or "miles" or "days" or "hours" or "weeks" or "months"
            or "years" or "percent" or "%" or "dollars" or "metres" or "meters" or "tanks" or "villages" or "times"
            or "p" or "pm" or "p.m" or "a" or "am" or "a.m" or "oclock" or "gmt" or "utc" or "local");
}
