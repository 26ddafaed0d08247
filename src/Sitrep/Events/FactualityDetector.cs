using System.Collections.Frozen;

namespace Sitrep.Events;

/// <summary>
/// Decides whether a trigger reports something that happened, from the words governing it in its clause:
/// negation, denial, plans, threats and vows, fears, hypotheticals, future tense, purpose ("in an attempt to").
/// </summary>
internal static class FactualityDetector
{
    static readonly FrozenDictionary<string, Factuality> Cues = new Dictionary<string, Factuality>(StringComparer.Ordinal)
    {
        ["not"] = Factuality.Negated, ["nt"] = Factuality.Negated, ["never"] = Factuality.Negated, ["no"] = Factuality.Negated,
        ["without"] = Factuality.Negated, ["failed"] = Factuality.Negated,
        ["denied"] = Factuality.Denied, ["denies"] = Factuality.Denied, ["deny"] = Factuality.Denied, ["denying"] = Factuality.Denied,
        ["plan"] = Factuality.Planned, ["plans"] = Factuality.Planned, ["planned"] = Factuality.Planned, ["planning"] = Factuality.Planned,
        ["intend"] = Factuality.Planned, ["intends"] = Factuality.Planned, ["aim"] = Factuality.Planned, ["aims"] = Factuality.Planned,
        ["aimed"] = Factuality.Planned, ["attempt"] = Factuality.Planned, ["attempting"] = Factuality.Planned, ["trying"] = Factuality.Planned,
        ["tried"] = Factuality.Planned, ["seeking"] = Factuality.Planned, ["sought"] = Factuality.Planned, ["preparing"] = Factuality.Planned,
        ["prepare"] = Factuality.Planned, ["bid"] = Factuality.Planned, ["order"] = Factuality.Planned, ["ready"] = Factuality.Planned,
        ["proposed"] = Factuality.Planned, ["push"] = Factuality.Planned,
        ["vowed"] = Factuality.Threatened, ["vows"] = Factuality.Threatened, ["vow"] = Factuality.Threatened,
        ["threatened"] = Factuality.Threatened, ["threatens"] = Factuality.Threatened, ["threaten"] = Factuality.Threatened,
        ["pledged"] = Factuality.Threatened, ["promised"] = Factuality.Threatened,
        ["fear"] = Factuality.Feared, ["fears"] = Factuality.Feared, ["feared"] = Factuality.Feared, ["fearing"] = Factuality.Feared,
        ["warned"] = Factuality.Feared, ["warns"] = Factuality.Feared, ["risk"] = Factuality.Feared,
        ["would"] = Factuality.Hypothetical, ["could"] = Factuality.Hypothetical, ["might"] = Factuality.Hypothetical,
        ["may"] = Factuality.Hypothetical, ["if"] = Factuality.Hypothetical, ["potential"] = Factuality.Hypothetical,
        ["possible"] = Factuality.Hypothetical, ["unless"] = Factuality.Hypothetical, ["should"] = Factuality.Hypothetical,
        ["will"] = Factuality.Future, ["ll"] = Factuality.Future, ["going"] = Factuality.Future, ["upcoming"] = Factuality.Future,
        ["imminent"] = Factuality.Future, ["expected"] = Factuality.Future, ["soon"] = Factuality.Future,
        ["claimed"] = Factuality.Claimed, ["allegedly"] = Factuality.Claimed, ["alleged"] = Factuality.Claimed, ["accusing"] = Factuality.Claimed, ["accused"] = Factuality.Claimed, ["accuse"] = Factuality.Claimed,
        ["accuses"] = Factuality.Claimed, ["blamed"] = Factuality.Claimed, ["blaming"] = Factuality.Claimed, ["pretext"] = Factuality.Claimed,
        ["authorize"] = Factuality.Hypothetical, ["authorise"] = Factuality.Hypothetical, ["authorization"] = Factuality.Hypothetical,
        ["authorisation"] = Factuality.Hypothetical, ["must"] = Factuality.Hypothetical, ["urged"] = Factuality.Hypothetical,
        ["urges"] = Factuality.Hypothetical, ["urge"] = Factuality.Hypothetical,
        ["possess"] = Factuality.Hypothetical, ["possesses"] = Factuality.Hypothetical, ["possessing"] = Factuality.Hypothetical,
        ["stockpile"] = Factuality.Hypothetical, ["stockpiles"] = Factuality.Hypothetical, ["prevent"] = Factuality.Hypothetical,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    static readonly FrozenSet<string> Boundaries = new[] { ",", ";", ":", "but", "while", "as", "after", "when", "since", "and", "which", "who", "that", "where", "\u2014", "-", "(" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Factuality of the trigger at units [<paramref name="start"/>, …) in its sentence, and the cue word's unit (or -1).</summary>
    public static (Factuality Value, int Cue) Detect(IReadOnlyList<MatchUnit> u, int start, bool isVerb)
    {
        // Purpose infinitive: "to capture", "to take" — the act is an aim, not a report ("an offensive to capture").
        if (isVerb && start > 0 && u[start - 1].Key == "to" && !IsBaseTaking(u, start))
        {
            return (Factuality.Planned, start - 1);
        }

        // A nominal trigger as the object of a purpose infinitive: "to launch attacks", "to carry out strikes".
        if (!isVerb)
        {
            for (var j = start - 1; j >= Math.Max(1, start - 4); j--)
            {
                if (u[j].Key is "launch" or "carry" or "conduct" or "stage" or "mount" or "wage" or "commit" or "perpetrate" && u[j - 1].Key == "to")
                {
                    return (Factuality.Planned, j - 1);
                }

                if (Boundaries.Contains(u[j].Key))
                {
                    break;
                }
            }
        }

        // A nominal trigger as subject of a modal: "the deal would focus", "an offensive will start".
        if (!isVerb)
        {
            for (var j = start + 1; j < Math.Min(u.Count, start + 3); j++)
            {
                if (u[j].Key is "would" or "could" or "might" or "may" or "will" or "should")
                {
                    return (Cues[u[j].Key], j);
                }

                // "a truce deal due to take effect on Monday", "the offensive set to begin": scheduled, not yet done.
                if (u[j].Key is "due" or "set" && j + 1 < u.Count && u[j + 1].Key == "to")
                {
                    return (Factuality.Future, j);
                }
            }
        }

        for (var j = start - 1; j >= Math.Max(0, start - 8); j--)
        {
            var k = u[j].Key;
            if (Boundaries.Contains(k) && j < start - 1)
            {
                break;
            }

            if (k == "no" && j == start - 1 && isVerb)
            {
                continue;
            }

            if (Cues.TryGetValue(k, out var f) && f != Factuality.Asserted)
            {
                // "no" only negates a noun right after it ("no clashes"); "not only" is not a negation.
                if (k == "no" && j != start - 1)
                {
                    continue;
                }

                if (f == Factuality.Negated && j + 1 < u.Count && u[j + 1].Key == "only")
                {
                    continue;
                }

                if (k == "order" && (j == 0 || u[j - 1].Key != "in"))
                {
                    continue;
                }

                if (k == "push" && (j + 1 >= u.Count || u[j + 1].Key != "to"))
                {
                    continue;
                }

                return (f, j);
            }
        }

        return (Factuality.Asserted, -1);
    }

    /// <summary>"began to take", "continued to shell" are reports, not aims.</summary>
    static bool IsBaseTaking(IReadOnlyList<MatchUnit> u, int start) =>
        start >= 2 && u[start - 2].Key is "began" or "started" or "continued" or "continue" or "continues" or "managed" or "went" or "used";
}
